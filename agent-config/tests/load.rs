//! What a loaded agent.yaml holds: defaults, resolved paths, and the helpers the engine uses.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use bactrian_agent_config::*;

/// A fresh directory holding `files` (empty, executable) for one test.
fn scratch(test: &str, files: &[&str]) -> PathBuf {
    let dir = std::env::temp_dir()
        .join(format!("bactrian-agent-config-load-{}", std::process::id()))
        .join(test);
    let _ = fs::remove_dir_all(&dir);
    for f in files {
        let path = dir.join(f);
        fs::create_dir_all(path.parent().expect("has a parent")).expect("mkdir");
        fs::write(&path, "").expect("write");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).expect("chmod");
        }
    }
    fs::create_dir_all(&dir).expect("mkdir");
    dir
}

/// The example at the top of docs/agent-yaml.md.
const EXAMPLE: &str = r#"
name: news-reporter
description: "Searches the news and reports to the operator"
llm:
  secure_execution: true
  mode: strict
  quarantined:
    base_url: http://127.0.0.1:8080/v1
    model: gpt-4o-mini
    api_key_env: OPENAI_API_KEY
    timeout: 60s
tools:
  - name: web_search
    description: "Search the web"
    command: [python3, tools/web_search.py]
    parameters:
      query: {type: str, description: "what to search for", required: true}
      limit: {type: int, default: 5}
    trusted_output: false
    output_readers: public
    side_effects: false
    timeout: 30s
    sandbox: web
  - name: send_message
    command: [python3, tools/send_message.py]
    side_effects: true
    output_readers: [human-operator]
    parameters:
      to: {type: str, sensitive: true, recipient: true}
      content: {type: str, redact: false}
  - name: fs
    mcp:
      command: [npx, -y, "@modelcontextprotocol/server-filesystem", /tmp/x]
      env: {NODE_ENV: production}
    tools:
      write_file: {parameters: {path: {sensitive: true}}, side_effects: true}
policies: [policies/routing.rego, policies/extra.yaml]
policy:
  default: allow
  builtin_rules: true
  approve: never
user:
  trusted_values: ["human-operator", 149]
sandbox:
  enforce: required
  profiles:
    default: {cpu_seconds: 10, memory: 512MiB}
    web: {connect: [443], read: [data], env: [LANG], timeout: 20s}
sensor:
  mode: auto
  rules:
    - deny_connect: 169.254.169.254
    - deny_open: "/etc/shadow"
record:
  path: runs/{timestamp}.record
  key: keys/agent.key
"#;

const EXAMPLE_FILES: &[&str] = &[
    "tools/web_search.py",
    "tools/send_message.py",
    "policies/routing.rego",
    "policies/extra.yaml",
];

fn example(test: &str) -> (PathBuf, AgentConfig) {
    let dir = scratch(test, EXAMPLE_FILES);
    let path = dir.join("agent.yaml");
    fs::write(&path, EXAMPLE).expect("write agent.yaml");
    let config = AgentConfig::load(&path).unwrap_or_else(|e| panic!("{e}"));
    (dir, config)
}

#[test]
fn the_documented_example_loads() {
    let (dir, c) = example("example");
    assert_eq!(c.name, "news-reporter");
    assert_eq!(c.dir, dir);
    assert!(c.llm.secure_execution);
    assert_eq!(c.llm.mode, Mode::Strict);
    let q = c.llm.quarantined.as_ref().expect("quarantined model");
    assert_eq!(q.timeout, Duration::from_secs(60));
    assert_eq!(
        q.backend,
        QuarantinedBackend::Http {
            base_url: "http://127.0.0.1:8080/v1".into(),
            model: "gpt-4o-mini".into(),
            api_key_env: Some("OPENAI_API_KEY".into()),
        }
    );

    let names: Vec<&str> = c.tools.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["web_search", "send_message", "fs"]);

    let search = c.tool("web_search").expect("web_search");
    match &search.runner {
        ToolRunner::Command { argv } => {
            assert!(argv[0].ends_with("python3") && Path::new(&argv[0]).is_absolute());
            assert_eq!(PathBuf::from(&argv[1]), dir.join("tools/web_search.py"));
        }
        other => panic!("expected a command, got {other:?}"),
    }
    let query = search.parameter("query").expect("query");
    assert!(query.required && query.ty == ParamType::Str && !query.sensitive);
    let limit = search.parameter("limit").expect("limit");
    assert!(!limit.required);
    assert_eq!(limit.default, Some(Literal::Int(5)));
    assert_eq!(search.sandbox, "web");
    assert_eq!(c.default_decision(search), DefaultDecision::Allow);

    let send = c.tool("send_message").expect("send_message");
    assert_eq!(
        send.output_readers,
        Readers::Principals(vec!["human-operator".into()])
    );
    let to = send.parameter("to").expect("to");
    assert!(to.sensitive && to.recipient && !to.redact);
    assert_eq!(c.default_decision(send), DefaultDecision::Deny);
    assert_eq!(send.timeout, Duration::from_secs(30));
    assert_eq!(send.sandbox, "default");

    let fs_server = c.tool("fs").expect("fs");
    let ToolRunner::Mcp(server) = &fs_server.runner else {
        panic!("fs is an MCP server")
    };
    assert!(fs_server.is_mcp_server() && fs_server.parameters.is_empty());
    assert_eq!(
        server.command[1..],
        ["-y", "@modelcontextprotocol/server-filesystem", "/tmp/x"]
    );
    assert_eq!(
        server.env,
        [("NODE_ENV".to_string(), "production".to_string())]
    );
    assert_eq!(server.overrides[0].tool, "write_file");
    assert_eq!(server.overrides[0].side_effects, Some(true));
    assert_eq!(server.overrides[0].parameters[0].sensitive, Some(true));

    assert_eq!(
        c.policies,
        [
            PolicyFile {
                path: dir.join("policies/routing.rego"),
                kind: PolicyKind::Rego
            },
            PolicyFile {
                path: dir.join("policies/extra.yaml"),
                kind: PolicyKind::Yaml
            },
        ]
    );
    assert_eq!(c.policy, PolicyConfig::default());
    assert_eq!(c.user.trusted_values, ["human-operator", "149"]);

    assert_eq!(c.sandbox.enforce, Enforce::Required);
    let web = c.sandbox.profile("web").expect("web profile");
    assert_eq!(web.connect, [443]);
    assert_eq!(web.read, [dir.join("data")]);
    assert_eq!(web.timeout, Some(Duration::from_secs(20)));
    assert_eq!(web.memory, 512 << 20, "unset keys take the defaults");
    assert_eq!(
        c.sandbox.profile("default"),
        Some(&SandboxProfile::default())
    );

    assert_eq!(c.sensor.mode, SensorMode::Auto);
    assert_eq!(
        c.sensor.rules,
        [
            SensorRule::DenyConnect {
                net: Some(IpNet::parse("169.254.169.254/32").expect("net")),
                port: None
            },
            SensorRule::DenyOpen {
                glob: "/etc/shadow".into()
            },
        ]
    );
    assert_eq!(c.record.path, Some(dir.join("runs/{timestamp}.record")));
    assert_eq!(c.record.key, Some(dir.join("keys/agent.key")));
}

#[test]
fn defaults_of_a_minimal_agent() {
    let c = AgentConfig::from_str("name: tiny\n", "somewhere/agent.yaml").expect("loads");
    assert!(!c.llm.secure_execution);
    assert_eq!(c.llm.mode, Mode::Strict);
    assert!(c.llm.quarantined.is_none() && c.tools.is_empty() && c.policies.is_empty());
    assert_eq!(c.policy.default, DefaultDecision::Allow);
    assert!(c.policy.builtin_rules());
    assert_eq!(c.policy.approve, Approve::Never);
    assert_eq!(c.sandbox, SandboxConfig::default());
    assert_eq!(c.sensor, SensorConfig::default());
    assert_eq!(c.record, RecordConfig::default());
    assert!(c.dir.is_absolute() && c.dir.ends_with("somewhere"));
    assert_eq!(c.path, PathBuf::from("somewhere/agent.yaml"));
}

#[test]
fn secure_execution_off_is_refused_with_its_location() {
    let c = AgentConfig::from_str("name: x\nllm:\n  secure_execution: false\n", "agent.yaml")
        .expect("loads");
    let err = c.check_secure_execution().expect_err("refused");
    assert_eq!(
        err.to_string(),
        "agent.yaml:3:21: secure execution is off: bactrian runs only agents with `llm: {secure_execution: true}`"
    );

    let c = AgentConfig::from_str("name: x\nllm:\n  mode: normal\n", "agent.yaml").expect("loads");
    let err = c.check_secure_execution().expect_err("refused");
    assert!(
        err.to_string()
            .starts_with("agent.yaml:2:1: secure execution is off"),
        "{err}"
    );

    let c = AgentConfig::from_str("name: x\n", "agent.yaml").expect("loads");
    let err = c.check_secure_execution().expect_err("refused");
    assert!(
        err.to_string()
            .starts_with("agent.yaml: secure execution is off"),
        "{err}"
    );
    assert_eq!(err.location(), None);
}

#[test]
fn trusted_values_are_kept_as_written() {
    let yaml = "name: x\nuser:\n  trusted_values: [\"a\", 149, 0149, 0x95, 1.50, true, \"a\"]\n";
    let c = AgentConfig::from_str(yaml, "agent.yaml").expect("loads");
    assert_eq!(
        c.user.trusted_values,
        ["a", "149", "0149", "0x95", "1.50", "true"]
    );
}

#[test]
fn trusted_values_join_the_config_and_the_query() {
    let yaml = "name: x\nuser:\n  trusted_values: [\"human-operator\", \"149\"]\n";
    let c = AgentConfig::from_str(yaml, "agent.yaml").expect("loads");
    assert_eq!(
        c.trusted_values("mail proj-149 to bob@example.com"),
        [
            "human-operator",
            "149",
            "mail proj-149 to bob@example.com",
            "proj-149",
            "bob@example.com"
        ]
    );
}

#[test]
fn policy_defaults_per_tool() {
    let yaml = "\
name: x
policy: {default: deny}
tools:
  - {name: read_clock, command: [clock]}
  - {name: pay, command: [pay], side_effects: true}
  - {name: post, command: [post], side_effects: true, policy_default: ask}
  - {name: lookup, command: [lookup], policy_default: allow}
";
    let c = AgentConfig::from_str(yaml, "agent.yaml").expect("loads");
    let decision = |name: &str| c.default_decision(c.tool(name).expect("tool"));
    assert_eq!(decision("read_clock"), DefaultDecision::Deny);
    assert_eq!(decision("pay"), DefaultDecision::Deny);
    assert_eq!(decision("post"), DefaultDecision::Ask);
    assert_eq!(decision("lookup"), DefaultDecision::Allow);
}

#[test]
fn a_missing_file_is_a_read_error() {
    let err = AgentConfig::load("/nonexistent/bactrian/agent.yaml").expect_err("missing");
    assert!(matches!(err, ConfigError::Read { .. }));
    assert!(
        err.to_string()
            .starts_with("/nonexistent/bactrian/agent.yaml: cannot read agent config: "),
        "{err}"
    );
}

#[test]
fn errors_carry_every_problem_in_order() {
    let yaml = "\
name: x
tools:
  - {name: open, command: [a]}
  - {name: b, command: [./nope]}
policies: [missing.rego]
";
    let err = AgentConfig::from_str(yaml, "agent.yaml").expect_err("invalid");
    let lines: Vec<Option<usize>> = err
        .problems()
        .iter()
        .map(|p| p.location.map(|l| l.line))
        .collect();
    assert_eq!(lines, [Some(3), Some(4), Some(5)]);
    assert_eq!(
        err.location(),
        Some(Location {
            line: 3,
            column: 12
        })
    );
    assert_eq!(err.to_string().lines().count(), 3);
}

fn listed(name: &str, params: Option<&[&str]>) -> ListedTool {
    ListedTool {
        name: name.into(),
        description: Some(format!("{name} from the server")),
        parameters: params.map(|ps| {
            ps.iter()
                .map(|p| ListedParameter {
                    name: (*p).into(),
                    ty: ParamType::Str,
                    required: true,
                    description: None,
                })
                .collect()
        }),
    }
}

#[test]
fn mcp_tools_expand_with_their_settings() {
    let (_, c) = example("mcp-expand");
    let tools = c
        .expand_mcp(
            "fs",
            &[
                listed("read_file", Some(&["path"])),
                listed("write_file", Some(&["path", "content"])),
                listed("list-dir", None),
            ],
        )
        .unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<&str> = tools.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["fs_read_file", "fs_write_file", "fs_list_dir"]);
    let write = &tools[1];
    assert_eq!(
        write.runner,
        ToolRunner::McpTool {
            server: "fs".into(),
            tool: "write_file".into()
        }
    );
    assert!(write.side_effects);
    assert_eq!(c.default_decision(write), DefaultDecision::Deny);
    let sensitive: Vec<&str> = write
        .sensitive_parameters()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(sensitive, ["path"]);
    assert!(!tools[0].side_effects && tools[0].sensitive_parameters().next().is_none());
    assert!(tools[2].parameters.is_empty());
}

#[test]
fn mcp_settings_must_match_what_the_server_lists() {
    let (_, c) = example("mcp-mismatch");
    // The server does not list write_file at all.
    let err = c
        .expand_mcp("fs", &[listed("read_file", Some(&["path"]))])
        .expect_err("no tool");
    assert!(
        err.to_string()
            .contains(":36:7: MCP server `fs` has no tool `write_file` (it lists: read_file)"),
        "{err}"
    );

    // write_file has no `path` parameter.
    let err = c
        .expand_mcp("fs", &[listed("write_file", Some(&["file"]))])
        .expect_err("no param");
    assert!(
        err.to_string()
            .contains(":36:33: MCP tool `fs.write_file` has no parameter `path` (it has: file)"),
        "{err}"
    );

    // write_file's parameters are unknown: a sensitive setting cannot be checked.
    let err = c
        .expand_mcp("fs", &[listed("write_file", None)])
        .expect_err("unknown params");
    assert!(
        err.to_string().contains(
            ":36:33: settings for parameter `path` of `fs.write_file`, whose parameters are unknown"
        ),
        "{err}"
    );

    let err = c.expand_mcp("nope", &[]).expect_err("no server");
    assert!(err
        .to_string()
        .ends_with("no MCP server named `nope` in the agent config"));
}

#[test]
fn mcp_names_must_not_collide() {
    let yaml = "\
name: x
tools:
  - {name: fs_read, command: [r]}
  - {name: fs, mcp: {command: [srv]}}
";
    let c = AgentConfig::from_str(yaml, "agent.yaml").expect("loads");
    let err = c
        .expand_mcp("fs", &[listed("read", None)])
        .expect_err("collides");
    assert!(
        err.to_string()
            .contains("agent.yaml:4:5: MCP tool `fs.read` would be called `fs_read`"),
        "{err}"
    );
}

#[test]
fn literals_keep_their_shape() {
    let yaml = "\
name: x
tools:
  - name: t
    command: [t]
    parameters:
      opts: {type: dict, default: {b: [1, 2.5, \"s\", null, true], a: {}}}
";
    let c = AgentConfig::from_str(yaml, "agent.yaml").expect("loads");
    let opts = c.tool("t").and_then(|t| t.parameter("opts")).expect("opts");
    assert_eq!(
        opts.default,
        Some(Literal::Dict(vec![
            (
                "b".into(),
                Literal::List(vec![
                    Literal::Int(1),
                    Literal::Float(2.5),
                    Literal::Str("s".into()),
                    Literal::Null,
                    Literal::Bool(true),
                ])
            ),
            ("a".into(), Literal::Dict(vec![])),
        ]))
    );
}

#[test]
fn the_example_in_the_docs_loads() {
    let doc =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/agent-yaml.md"))
            .expect("docs/agent-yaml.md");
    let start = doc.find("```yaml\n").expect("a yaml block") + "```yaml\n".len();
    let end = start + doc[start..].find("```").expect("the block ends");
    let dir = scratch("doc-example", EXAMPLE_FILES);
    let path = dir.join("agent.yaml");
    fs::write(&path, &doc[start..end]).expect("write");
    let c = AgentConfig::load(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(c.name, "news-reporter");
    assert!(c.check_secure_execution().is_ok());
    assert_eq!(c.tools.len(), 3);
}

#[test]
fn audiences_and_builtin_modes_are_typed() {
    let dir = scratch("audiences", &["t.sh", "q.sh"]);
    let text = "name: x\nllm:\n  quarantined: {command: [./q.sh], audience: user}\ntools:\n  \
                - {name: post, command: [./t.sh], audience: public}\n  \
                - {name: share, command: [./t.sh], audience: [a@x.com, a@x.com, b@x.com]}\n  \
                - {name: plain, command: [./t.sh]}\n  \
                - name: fs\n    mcp: {command: [./t.sh]}\n    audience: user\n    \
                tools: {write_file: {audience: public}}\npolicy: {builtin: ask}\n";
    let c = AgentConfig::from_str(text, dir.join("agent.yaml")).expect("loads");
    assert_eq!(
        c.tool("post").and_then(|t| t.audience.clone()),
        Some(Audience::Public)
    );
    assert_eq!(
        c.tool("share").and_then(|t| t.audience.clone()),
        Some(Audience::Principals(vec![
            "a@x.com".into(),
            "b@x.com".into()
        ]))
    );
    assert_eq!(c.tool("plain").and_then(|t| t.audience.clone()), None);
    assert_eq!(
        c.llm.quarantined.as_ref().and_then(|q| q.audience.clone()),
        Some(Audience::User)
    );
    assert_eq!(c.policy.builtin, BuiltinRules::Ask);
    assert!(c.policy.builtin_rules());
    let tools = c
        .expand_mcp(
            "fs",
            &[listed("write_file", None), listed("read_file", None)],
        )
        .expect("expands");
    assert_eq!(
        tools[0].audience,
        Some(Audience::Public),
        "the override wins"
    );
    assert_eq!(
        tools[1].audience,
        Some(Audience::User),
        "the server's applies"
    );

    for (policy, want) in [
        ("{builtin: deny}", BuiltinRules::Deny),
        ("{builtin: off}", BuiltinRules::Off),
        ("{builtin: true}", BuiltinRules::Deny),
        ("{builtin: false}", BuiltinRules::Off),
        ("{builtin_rules: false}", BuiltinRules::Off),
        ("{builtin_rules: true}", BuiltinRules::Deny),
        ("{default: deny}", BuiltinRules::Deny),
    ] {
        let c = AgentConfig::from_str(&format!("name: x\npolicy: {policy}\n"), "agent.yaml")
            .unwrap_or_else(|e| panic!("{policy}: {e}"));
        assert_eq!(c.policy.builtin, want, "{policy}");
    }
}

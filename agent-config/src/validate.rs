//! From the serde layer to the public types: fill in defaults, resolve paths, and run the
//! semantic checks that serde cannot (names, duplicates, files, cross-references).
//! Problems are collected, not returned at the first, so a user sees them all at once.

use std::cell::OnceCell;
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use crate::error::{self, ConfigError, Location, Problem};
use crate::locate::{LocationIndex, NodePath};
use crate::model::*;
use crate::names;
use crate::nesting;
use crate::raw::*;
use crate::AgentConfig;

/// Parse `text` (the contents of `origin`) and check it.
pub(crate) fn build(text: &str, origin: &Path) -> Result<AgentConfig, ConfigError> {
    if let Some(at) = nesting::too_deep(text) {
        let message = format!(
            "`[` and `{{` nest deeper than {} levels here; an agent.yaml needs a few",
            nesting::MAX_FLOW_NESTING
        );
        return Err(ConfigError::invalid(
            origin,
            vec![Problem::new(Some(at), message)],
        ));
    }
    let raw: RawAgent = match serde_yaml::from_str(text) {
        Ok(raw) => raw,
        Err(err) => {
            let mut problem = error::from_yaml(&err);
            if is_blank(text) {
                problem.message =
                    "the file is empty; an agent.yaml needs at least `name:`".to_string();
            }
            return Err(ConfigError::invalid(origin, vec![problem]));
        }
    };
    let dir = base_dir(origin);
    let mut check = Checker {
        text,
        index: OnceCell::new(),
        dir,
        problems: Vec::new(),
        warnings: Vec::new(),
    };
    let config = check.agent(raw, origin);
    if check.problems.is_empty() {
        let found = std::mem::take(&mut check.warnings);
        let warnings = check.located(found);
        Ok(AgentConfig { warnings, ..config })
    } else {
        let found = std::mem::take(&mut check.problems);
        let problems = check.located(found);
        Err(ConfigError::invalid(origin, problems))
    }
}

fn is_blank(text: &str) -> bool {
    text.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#') || l == "---" || l == "..."
    })
}

/// The directory relative paths are resolved against: the one holding agent.yaml, made
/// absolute (against the current directory) when possible.
fn base_dir(origin: &Path) -> PathBuf {
    let dir = match origin.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let dir = std::path::absolute(&dir).unwrap_or(dir);
    clean(&dir)
}

/// Drop `.` components (lexically; `..` is kept, as symlinks make it meaningful).
fn clean(path: &Path) -> PathBuf {
    path.components()
        .filter(|c| !matches!(c, Component::CurDir))
        .collect()
}

struct Checker<'a> {
    text: &'a str,
    /// Where the nodes of `text` are, found once when first needed.
    index: OnceCell<LocationIndex<'a>>,
    dir: PathBuf,
    problems: Vec<(NodePath, String)>,
    warnings: Vec<(NodePath, String)>,
}

impl Checker<'_> {
    fn problem(&mut self, at: NodePath, message: impl Into<String>) {
        self.problems.push((at, message.into()));
    }

    fn warning(&mut self, at: NodePath, message: impl Into<String>) {
        self.warnings.push((at, message.into()));
    }

    fn located(&self, found: Vec<(NodePath, String)>) -> Vec<Problem> {
        found
            .into_iter()
            .map(|(at, message)| {
                let location = self.locate(&at).or_else(|| at.locate_nearest(self.text));
                Problem::new(location, message)
            })
            .collect()
    }

    /// Where the node at `at` is: from the index, else (an empty collection) by a walk.
    fn locate(&self, at: &NodePath) -> Option<Location> {
        let index = self.index.get_or_init(|| LocationIndex::new(self.text));
        index.get(at).or_else(|| at.locate(self.text))
    }

    fn agent(&mut self, raw: RawAgent, origin: &Path) -> AgentConfig {
        let root = NodePath::root();
        if raw.name.trim().is_empty() {
            self.problem(root.key("name"), "`name` must not be empty");
        }
        let sandbox = self.sandbox(raw.sandbox, &root.key("sandbox"));
        let llm = self.llm(raw.llm, &sandbox, &root.key("llm"));
        let tools = self.tools(raw.tools.unwrap_or_default(), &sandbox, &root.key("tools"));
        let policies = self.policies(raw.policies.unwrap_or_default(), &root.key("policies"));
        let policy = match raw.policy {
            None => PolicyConfig::default(),
            Some(p) => {
                let at = root.key("policy");
                let builtin = match (p.builtin, p.builtin_rules) {
                    (Some(mode), None) => mode,
                    (None, Some(true) | None) => BuiltinRules::Deny,
                    (None, Some(false)) => BuiltinRules::Off,
                    (Some(mode), Some(on)) => {
                        if on != (mode != BuiltinRules::Off) {
                            self.problem(
                                at.key("builtin_rules").the_key(),
                                "`builtin_rules` and `builtin` disagree; keep `builtin` (deny, ask or off)",
                            );
                        }
                        mode
                    }
                };
                PolicyConfig {
                    default: p.default,
                    builtin,
                    approve: p.approve,
                }
            }
        };
        let user = self.user(raw.user, &root.key("user"));
        let sensor = self.sensor(raw.sensor, &root.key("sensor"));
        let record = self.record(raw.record, &root.key("record"));
        AgentConfig {
            path: origin.to_path_buf(),
            dir: self.dir.clone(),
            name: raw.name,
            description: raw.description,
            llm,
            tools,
            policies,
            policy,
            user,
            sandbox,
            sensor,
            record,
            warnings: Vec::new(),
        }
    }

    fn llm(&mut self, raw: Option<RawLlm>, sandbox: &SandboxConfig, at: &NodePath) -> Llm {
        let Some(raw) = raw else {
            return Llm {
                secure_execution: false,
                secure_execution_at: None,
                mode: Mode::default(),
                quarantined: None,
            };
        };
        let secure_execution = raw.secure_execution.unwrap_or(false);
        let secure_execution_at = if secure_execution {
            None
        } else {
            self.locate(&at.key("secure_execution"))
                .or_else(|| self.locate(&at.the_key()))
        };
        let quarantined = raw
            .quarantined
            .and_then(|q| self.quarantined(q, sandbox, &at.key("quarantined")));
        Llm {
            secure_execution,
            secure_execution_at,
            mode: raw.mode,
            quarantined,
        }
    }

    fn quarantined(
        &mut self,
        raw: RawQuarantined,
        sandbox: &SandboxConfig,
        at: &NodePath,
    ) -> Option<QuarantinedModel> {
        if raw.api_key.is_some() {
            self.problem(
                at.key("api_key").the_key(),
                "never put an API key in agent.yaml: put it in an environment variable and name that variable in `api_key_env`",
            );
        }
        if let Some(var) = &raw.api_key_env {
            if !names::is_env_name(var) {
                self.problem(
                    at.key("api_key_env"),
                    format!("`{var}` is not an environment variable name (api_key_env names the variable that holds the key)"),
                );
            }
        }
        let backend = match (raw.command, raw.base_url, raw.model) {
            (Some(_), Some(_), _) | (Some(_), _, Some(_)) => {
                self.problem(
                    at.key("command").the_key(),
                    "give either `command` or `base_url` and `model` for the quarantined model, not both",
                );
                return None;
            }
            (Some(argv), None, None) => {
                if raw.api_key_env.is_some() {
                    self.problem(
                        at.key("api_key_env").the_key(),
                        "`api_key_env` applies to `base_url`, not to `command`",
                    );
                }
                let profile = raw.sandbox.unwrap_or_else(|| "default".to_string());
                if sandbox.profile(&profile).is_none() {
                    let known: Vec<&str> = sandbox.profiles.keys().map(String::as_str).collect();
                    self.problem(
                        at.key("sandbox"),
                        format!(
                            "the quarantined model uses sandbox profile `{profile}`, which is not defined (defined: {})",
                            known.join(", ")
                        ),
                    );
                }
                QuarantinedBackend::Command {
                    argv: self.argv(argv, &at.key("command")),
                    sandbox: profile,
                }
            }
            (None, Some(base_url), Some(model)) => {
                if raw.sandbox.is_some() {
                    self.problem(
                        at.key("sandbox").the_key(),
                        "`sandbox` applies to `command`: an endpoint runs no process here",
                    );
                }
                if !(base_url.starts_with("http://") || base_url.starts_with("https://")) {
                    self.problem(
                        at.key("base_url"),
                        format!("base_url `{base_url}` must start with http:// or https://"),
                    );
                }
                if model.trim().is_empty() {
                    self.problem(at.key("model"), "`model` must not be empty");
                }
                QuarantinedBackend::Http {
                    base_url,
                    model,
                    api_key_env: raw.api_key_env,
                }
            }
            (None, Some(_), None) => {
                self.problem(
                    at.clone(),
                    "the quarantined model needs `model` next to `base_url`",
                );
                return None;
            }
            (None, None, _) => {
                self.problem(
                    at.clone(),
                    "the quarantined model needs `base_url` and `model` (an OpenAI-compatible endpoint) or `command`",
                );
                return None;
            }
        };
        Some(QuarantinedModel {
            backend,
            timeout: raw.timeout,
            audience: raw.audience.map(|a| a.0),
        })
    }

    fn tools(&mut self, raw: Vec<RawTool>, sandbox: &SandboxConfig, at: &NodePath) -> Vec<Tool> {
        let mut tools: Vec<Tool> = Vec::new();
        let mut first_index: BTreeMap<String, usize> = BTreeMap::new();
        for (i, t) in raw.into_iter().enumerate() {
            let here = at.index(i);
            if let Some(why) = names::tool_name_problem(&t.name) {
                self.problem(here.key("name"), why);
            } else if let Some(&first) = first_index.get(&t.name) {
                let first_at = self.locate(&at.index(first).key("name"));
                let where_first = first_at
                    .map_or_else(|| format!("tools[{first}]"), |l| format!("line {}", l.line));
                self.problem(
                    here.key("name"),
                    format!(
                        "duplicate tool name `{}` (first defined at {where_first})",
                        t.name
                    ),
                );
            } else {
                first_index.insert(t.name.clone(), i);
            }
            if let Some(tool) = self.tool(t, sandbox, &here) {
                tools.push(tool);
            }
        }
        tools
    }

    fn tool(&mut self, t: RawTool, sandbox: &SandboxConfig, at: &NodePath) -> Option<Tool> {
        if sandbox.profile(&t.sandbox).is_none() {
            let known: Vec<&str> = sandbox.profiles.keys().map(String::as_str).collect();
            self.problem(
                at.key("sandbox"),
                format!(
                    "tool `{}` uses sandbox profile `{}`, which is not defined (defined: {})",
                    t.name,
                    t.sandbox,
                    known.join(", ")
                ),
            );
        }
        let (runner, parameters) = match (t.command, t.mcp) {
            (Some(_), Some(_)) => {
                self.problem(
                    at.key("mcp").the_key(),
                    format!("tool `{}` has both `command` and `mcp`; give one", t.name),
                );
                return None;
            }
            (None, None) => {
                self.problem(
                    at.clone(),
                    format!(
                        "tool `{}` needs `command: [program, args...]` or `mcp: {{command: [...]}}`",
                        t.name
                    ),
                );
                return None;
            }
            (Some(argv), None) => {
                if t.tools.is_some() {
                    self.problem(
                        at.key("tools").the_key(),
                        format!(
                            "tool `{}`: per-tool `tools:` settings are only for MCP servers",
                            t.name
                        ),
                    );
                }
                let argv = self.argv(argv, &at.key("command"));
                let parameters = self.parameters(t.parameters, &at.key("parameters"));
                (ToolRunner::Command { argv }, parameters)
            }
            (None, Some(mcp)) => {
                if t.parameters.is_some() {
                    self.problem(
                        at.key("parameters").the_key(),
                        format!(
                            "MCP server `{}`: its tools' parameters come from the server; mark them under `tools: {{<tool>: {{parameters: ...}}}}`",
                            t.name
                        ),
                    );
                }
                let server = self.mcp(mcp, t.tools, at);
                (ToolRunner::Mcp(server), Vec::new())
            }
        };
        Some(Tool {
            location: self.locate(at),
            name: t.name,
            description: t.description,
            runner,
            parameters,
            trusted_output: t.trusted_output,
            output_readers: t.output_readers.0,
            audience: t.audience.map(|a| a.0),
            side_effects: t.side_effects,
            policy_default: t.policy_default,
            timeout: t.timeout,
            sandbox: t.sandbox,
        })
    }

    fn parameters(
        &mut self,
        raw: Option<OrderedMap<RawParameter>>,
        at: &NodePath,
    ) -> Vec<Parameter> {
        let Some(OrderedMap(raw)) = raw else {
            return Vec::new();
        };
        raw.into_iter()
            .map(|(name, p)| {
                let here = at.key(&name);
                if let Some(why) = names::parameter_name_problem(&name) {
                    self.problem(here.the_key(), why);
                }
                if p.required == Some(true) && p.default.is_some() {
                    self.problem(
                        here.key("required"),
                        format!("parameter `{name}` has a default, so it is not required; drop `required: true` or the default"),
                    );
                }
                if let Some(default) = &p.default {
                    if !p.ty.admits(default) {
                        self.problem(
                            here.key("default"),
                            format!("the default of parameter `{name}` is not of type `{}`", p.ty),
                        );
                    }
                }
                Parameter {
                    required: p.required.unwrap_or(p.default.is_none()),
                    name,
                    ty: p.ty,
                    description: p.description,
                    default: p.default,
                    sensitive: p.sensitive,
                    recipient: p.recipient,
                    redact: p.redact,
                }
            })
            .collect()
    }

    fn mcp(
        &mut self,
        raw: RawMcp,
        overrides: Option<OrderedMap<RawToolOverride>>,
        at: &NodePath,
    ) -> McpServer {
        let command = self.argv(raw.command, &at.key("mcp").key("command"));
        for (name, _) in &raw.env.0 {
            if !names::is_env_name(name) {
                self.problem(
                    at.key("mcp").key("env").key(name).the_key(),
                    format!("`{name}` is not an environment variable name"),
                );
            }
        }
        let overrides = overrides
            .map(|OrderedMap(o)| o)
            .unwrap_or_default()
            .into_iter()
            .map(|(tool, o)| {
                let here = at.key("tools").key(&tool);
                if tool.trim().is_empty() {
                    self.problem(here.the_key(), "an MCP tool name must not be empty");
                }
                let parameters = o
                    .parameters
                    .map(|OrderedMap(p)| p)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(name, p)| ParameterOverride {
                        location: self.locate(&here.key("parameters").key(&name).the_key()),
                        name,
                        description: p.description,
                        sensitive: p.sensitive,
                        recipient: p.recipient,
                        redact: p.redact,
                    })
                    .collect();
                McpToolOverride {
                    location: self.locate(&here.the_key()),
                    tool,
                    description: o.description,
                    parameters,
                    trusted_output: o.trusted_output,
                    output_readers: o.output_readers.map(|r| r.0),
                    audience: o.audience.map(|a| a.0),
                    side_effects: o.side_effects,
                    policy_default: o.policy_default,
                    timeout: o.timeout,
                }
            })
            .collect();
        McpServer {
            command,
            env: raw.env.0,
            overrides,
        }
    }

    /// Resolve a command line: see docs/agent-yaml.md, "Commands".
    fn argv(&mut self, mut argv: Vec<String>, at: &NodePath) -> Vec<String> {
        let Some(program) = argv.first().cloned() else {
            self.problem(
                at.clone(),
                "`command` must not be empty: [program, args...]",
            );
            return argv;
        };
        if program.is_empty() {
            self.problem(at.index(0), "the program name must not be empty");
            return argv;
        }
        if program.contains('/') {
            let path = clean(&self.dir.join(&program));
            if !path.is_file() {
                self.problem(
                    at.index(0),
                    format!(
                        "command `{program}` not found (looked for {})",
                        path.display()
                    ),
                );
                return argv;
            }
            if !is_executable(&path) {
                self.problem(
                    at.index(0),
                    format!("command `{program}` is not executable; chmod +x it, or run it through an interpreter: [python3, {program}]"),
                );
            }
            if let (Some(s), Some(first)) = (self.path_string(path, &at.index(0)), argv.first_mut())
            {
                *first = s;
            }
        } else {
            match find_on_path(&program) {
                Some(path) => {
                    if let (Some(s), Some(first)) =
                        (self.path_string(path, &at.index(0)), argv.first_mut())
                    {
                        *first = s;
                    }
                }
                None => self.warning(
                    at.index(0),
                    format!(
                        "`{program}` was not found on PATH; calls will fail until it is installed"
                    ),
                ),
            }
        }
        if argv.first().is_some_and(|program| is_interpreter(program)) {
            if let Some(script) = argv.get(1).cloned() {
                if !script.starts_with('-') && !script.is_empty() {
                    let path = clean(&self.dir.join(&script));
                    if !path.is_file() {
                        self.problem(
                            at.index(1),
                            format!(
                                "script `{script}` not found (looked for {})",
                                path.display()
                            ),
                        );
                    } else if let (Some(s), Some(second)) =
                        (self.path_string(path, &at.index(1)), argv.get_mut(1))
                    {
                        *second = s;
                    }
                }
            }
        }
        argv
    }

    fn path_string(&mut self, path: PathBuf, at: &NodePath) -> Option<String> {
        match path.into_os_string().into_string() {
            Ok(s) => Some(s),
            Err(p) => {
                self.problem(at.clone(), format!("path {p:?} is not valid UTF-8"));
                None
            }
        }
    }

    /// A path from agent.yaml, absolute (relative ones against the agent directory).
    fn path(&mut self, text: &str, at: &NodePath) -> PathBuf {
        if text.trim().is_empty() {
            self.problem(at.clone(), "a path must not be empty");
        } else if text.starts_with('~') {
            self.problem(
                at.clone(),
                format!("`~` is not expanded in `{text}`; write an absolute path or one relative to agent.yaml"),
            );
        }
        clean(&self.dir.join(text))
    }

    fn policies(&mut self, raw: Vec<String>, at: &NodePath) -> Vec<PolicyFile> {
        let mut out = Vec::new();
        for (i, file) in raw.into_iter().enumerate() {
            let here = at.index(i);
            let kind = if file.ends_with(".rego") {
                PolicyKind::Rego
            } else if file.ends_with(".yaml") || file.ends_with(".yml") {
                PolicyKind::Yaml
            } else {
                self.problem(
                    here,
                    format!("policy file `{file}` must end in .rego, .yaml or .yml"),
                );
                continue;
            };
            let path = self.path(&file, &here);
            if !path.is_file() {
                self.problem(
                    here,
                    format!(
                        "policy file `{file}` not found (looked for {})",
                        path.display()
                    ),
                );
                continue;
            }
            out.push(PolicyFile { path, kind });
        }
        out
    }

    fn user(&mut self, raw: Option<RawUser>, at: &NodePath) -> UserConfig {
        let mut trusted_values: Vec<String> = Vec::new();
        for (i, v) in raw
            .map(|u| u.trusted_values)
            .unwrap_or_default()
            .into_iter()
            .enumerate()
        {
            if v.is_empty() {
                self.problem(
                    at.key("trusted_values").index(i),
                    "a trusted value must not be empty (it would let an empty argument pass)",
                );
            } else if !trusted_values.contains(&v) {
                trusted_values.push(v);
            }
        }
        UserConfig { trusted_values }
    }

    fn sandbox(&mut self, raw: Option<RawSandbox>, at: &NodePath) -> SandboxConfig {
        let Some(raw) = raw else {
            return SandboxConfig::default();
        };
        let mut profiles = BTreeMap::new();
        for (name, p) in raw.profiles.0 {
            let here = at.key("profiles").key(&name);
            if name.trim().is_empty() {
                self.problem(here.the_key(), "a profile name must not be empty");
            }
            let read = self.paths(&p.read, &here.key("read"));
            let write = self.paths(&p.write, &here.key("write"));
            for (field, ports) in [("connect", &p.connect), ("bind", &p.bind)] {
                for (i, port) in ports.iter().enumerate() {
                    if *port == 0 {
                        self.problem(
                            here.key(field).index(i),
                            "port 0 is not a port; use 1..=65535",
                        );
                    }
                }
            }
            for (i, var) in p.env.iter().enumerate() {
                if !names::is_env_name(var) {
                    self.problem(
                        here.key("env").index(i),
                        format!("`{var}` is not an environment variable name"),
                    );
                }
            }
            profiles.insert(
                name,
                SandboxProfile {
                    read,
                    write,
                    connect: p.connect,
                    bind: p.bind,
                    cpu_seconds: p.cpu_seconds,
                    memory: p.memory,
                    processes: p.processes,
                    file_size: p.file_size,
                    timeout: p.timeout,
                    env: p.env,
                },
            );
        }
        profiles
            .entry("default".to_string())
            .or_insert_with(SandboxProfile::default);
        SandboxConfig {
            enforce: raw.enforce,
            profiles,
        }
    }

    fn paths(&mut self, raw: &[String], at: &NodePath) -> Vec<PathBuf> {
        raw.iter()
            .enumerate()
            .map(|(i, p)| self.path(p, &at.index(i)))
            .collect()
    }

    fn sensor(&mut self, raw: Option<RawSensor>, at: &NodePath) -> SensorConfig {
        let Some(raw) = raw else {
            return SensorConfig::default();
        };
        let mut rules = Vec::new();
        for (i, r) in raw.rules.into_iter().enumerate() {
            let here = at.key("rules").index(i);
            let rule = match (r.deny_connect, r.deny_open, r.deny_exec) {
                (Some(c), None, None) => self.deny_connect(c, &here.key("deny_connect")),
                (None, Some(glob), None) => self.glob(glob, &here.key("deny_open"), |glob| {
                    SensorRule::DenyOpen { glob }
                }),
                (None, None, Some(glob)) => self.glob(glob, &here.key("deny_exec"), |glob| {
                    SensorRule::DenyExec { glob }
                }),
                _ => {
                    self.problem(
                        here,
                        "a sensor rule has exactly one of `deny_connect`, `deny_open`, `deny_exec`",
                    );
                    None
                }
            };
            rules.extend(rule);
        }
        SensorConfig {
            mode: raw.mode,
            rules,
        }
    }

    fn deny_connect(&mut self, c: RawConnect, at: &NodePath) -> Option<SensorRule> {
        if c.net.is_none() && c.port.is_none() {
            self.problem(at.clone(), "`deny_connect` needs `net`, `port` or both");
            return None;
        }
        if c.port == Some(0) {
            self.problem(at.clone(), "port 0 is not a port; use 1..=65535");
            return None;
        }
        let net = match c.net.as_deref().map(IpNet::parse) {
            None => None,
            Some(Ok(net)) => Some(net),
            Some(Err(why)) => {
                self.problem(at.clone(), why);
                return None;
            }
        };
        Some(SensorRule::DenyConnect { net, port: c.port })
    }

    fn glob(
        &mut self,
        glob: String,
        at: &NodePath,
        make: impl FnOnce(String) -> SensorRule,
    ) -> Option<SensorRule> {
        if glob.trim().is_empty() {
            self.problem(at.clone(), "a glob must not be empty");
            return None;
        }
        if let Err(e) = globset::Glob::new(&glob) {
            self.problem(at.clone(), e.to_string());
            return None;
        }
        Some(make(glob))
    }

    fn record(&mut self, raw: Option<RawRecord>, at: &NodePath) -> RecordConfig {
        let Some(raw) = raw else {
            return RecordConfig::default();
        };
        if let Some(size) = raw.max_size {
            if !(MIN_RECORD_BYTES..=MAX_RECORD_BYTES).contains(&size) {
                self.problem(
                    at.key("max_size"),
                    format!(
                        "`max_size` must be between {MIN_RECORD_BYTES} and {MAX_RECORD_BYTES} \
                         bytes (16KiB and 256MiB)"
                    ),
                );
            }
        }
        RecordConfig {
            path: raw.path.map(|p| self.path(&p, &at.key("path"))),
            key: raw.key.map(|k| self.path(&k, &at.key("key"))),
            max_size: raw.max_size,
        }
    }
}

/// Whether `program` (the resolved argv[0]) is a script interpreter whose first argument,
/// when it does not start with `-`, is a script file.
fn is_interpreter(program: &str) -> bool {
    let name = Path::new(program)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(program);
    let python = name
        .strip_prefix("python")
        .is_some_and(|v| v.chars().all(|c| c.is_ascii_digit() || c == '.'));
    python
        || matches!(
            name,
            "node" | "nodejs" | "ruby" | "perl" | "php" | "sh" | "bash" | "zsh" | "dash"
        )
}

fn find_on_path(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .filter(|dir| dir.is_absolute())
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file() && is_executable(candidate))
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file()
}

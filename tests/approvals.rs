//! `ask` decisions, defaults for calls no policy speaks to, and the readers rule, through the
//! engine.

use bactrian_engine::{Approval, Engine, InProcessTools, ParamSpec, ToolSpec};
use bactrian_interpreter::ToolCall;
use bactrian_policy::{PolicySet, Reason, Verdict};
use serde_json::json;
use std::sync::{Arc, Mutex};

fn tools() -> InProcessTools {
    InProcessTools::new()
        .tool(
            ToolSpec::new("read_email").readers(&["alice@example.com"]),
            |_| Ok(json!({"from": "carol@example.com", "body": "the merger closes on Friday"})),
        )
        .tool(
            ToolSpec::new("send_message")
                .param(ParamSpec::new("to").sensitive().recipient())
                .param(ParamSpec::new("content")),
            |_| Ok(json!("sent")),
        )
        .tool(
            ToolSpec::new("delete_repo")
                .param(ParamSpec::new("name"))
                .side_effects(),
            |_| Ok(json!("deleted")),
        )
}

const ASK_EXTERNAL: &str = r#"
rules:
  - tool: send_message
    when: {arg: to, endsWith: "@partner.org"}
    action: ask
    reason: "mail to a partner needs approval"
"#;

/// An engine whose approver answers `answer` and counts how often it was asked.
fn engine_with(answer: Approval) -> (Engine<InProcessTools>, Arc<Mutex<u32>>) {
    let asked = Arc::new(Mutex::new(0));
    let counter = asked.clone();
    let mut engine = Engine::new(tools());
    let mut policies = PolicySet::new();
    policies
        .add_policy("ask.yaml", ASK_EXTERNAL)
        .expect("policy loads");
    engine.policies = policies;
    engine.trusted_values = vec!["x@partner.org".into()];
    engine.approver = Box::new(move |_: &ToolCall, _: &[Reason]| {
        *counter.lock().expect("counter") += 1;
        answer
    });
    (engine, asked)
}

const TWO_PARTNER_MAILS: &str =
    "send_message('x@partner.org', 'one')\nsend_message('x@partner.org', 'two')\n";

#[test]
fn an_approval_once_is_asked_for_every_call() {
    let (mut engine, asked) = engine_with(Approval::Once);
    let report = engine.run("plan.py", TWO_PARTNER_MAILS, "");
    assert!(report.outcome.error.is_none(), "{:?}", report.outcome.error);
    assert_eq!(*asked.lock().expect("counter"), 2);
    assert_eq!(report.tool_calls[0].decision, Verdict::Ask);
    assert_eq!(report.tool_calls[0].approval, Some("allow once"));
}

#[test]
fn an_approval_for_the_run_is_asked_once() {
    let (mut engine, asked) = engine_with(Approval::ForRun);
    let report = engine.run("plan.py", TWO_PARTNER_MAILS, "");
    assert!(report.outcome.error.is_none());
    assert_eq!(*asked.lock().expect("counter"), 1);
    assert!(
        report.tool_calls.iter().all(|c| c.result.is_some()),
        "both calls ran"
    );
}

#[test]
fn a_refused_approval_ends_the_run_as_a_denial() {
    let (mut engine, _) = engine_with(Approval::Deny);
    let report = engine.run("plan.py", TWO_PARTNER_MAILS, "");
    let error = report.outcome.error.expect("denied");
    assert_eq!(error.type_name, "PolicyViolation");
    assert!(
        error.message.contains("approval was not given"),
        "{}",
        error.message
    );
    assert!(
        error.message.contains("mail to a partner needs approval"),
        "{}",
        error.message
    );
    assert_eq!(report.tool_calls.len(), 1);
    assert!(report.tool_calls[0].result.is_none());
}

#[test]
fn a_tool_with_side_effects_is_denied_when_no_policy_speaks() {
    let mut engine = Engine::new(tools());
    let report = engine.run("plan.py", "delete_repo('scratch')\n", "");
    let error = report.outcome.error.expect("denied by default");
    assert!(error.message.contains("side effects"), "{}", error.message);
    assert_eq!(report.tool_calls[0].reasons[0].policy, "default");
}

#[test]
fn the_engine_default_decides_plain_tools() {
    let mut engine = Engine::new(tools());
    engine.default = Verdict::Deny;
    let report = engine.run("plan.py", "read_email()\n", "");
    assert_eq!(
        report.outcome.error.map(|e| e.type_name),
        Some("PolicyViolation".into())
    );
}

#[test]
fn private_data_may_only_go_to_its_readers() {
    let plan =
        |to: &str| format!("mail = read_email()\nsend_message('{to}', 'FYI: ' + mail['body'])\n");
    // alice may read the mail: allowed (she is also a value the user gave).
    let mut engine = Engine::new(tools());
    let report = engine.run(
        "plan.py",
        &plan("alice@example.com"),
        "forward my mail to alice@example.com",
    );
    assert!(report.outcome.error.is_none(), "{:?}", report.outcome.error);
    // bob may not, even though the user named him: the content is alice's.
    let mut engine = Engine::new(tools());
    let report = engine.run(
        "plan.py",
        &plan("bob@example.com"),
        "forward my mail to bob@example.com",
    );
    let error = report.outcome.error.expect("denied by the readers rule");
    assert_eq!(error.type_name, "PolicyViolation");
    let call = report.tool_calls.last().expect("the send was recorded");
    assert!(
        call.reasons.iter().any(|r| r.policy == "builtin:readers"),
        "{:?}",
        call.reasons
    );
}

#[test]
fn the_input_document_names_arguments_and_history() {
    let mut engine = Engine::new(tools());
    let report = engine.run(
        "plan.py",
        "m = read_email()\nsend_message(content=m['from'], to='alice@example.com')\n",
        "",
    );
    let call = &report.tool_calls[1];
    assert_eq!(call.input["args"]["to"]["sensitive"], true);
    assert_eq!(call.input["args"]["to"]["recipient"], true);
    assert_eq!(call.input["args"]["content"]["trusted"], false);
    assert_eq!(
        call.input["args"]["content"]["readers"],
        json!(["alice@example.com"])
    );
    assert_eq!(
        call.input["history"],
        json!([{"tool": "read_email", "call": "c1", "decision": "allow"}])
    );
    assert_eq!(call.input["call"], json!({"index": 2, "id": "c2"}));
}

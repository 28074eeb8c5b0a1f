//! The quarantined model as the interpreter sees it: its answer is built into the schema the
//! plan asked for, and labeled with everything it was given.

use bactrian_interpreter::{Config, InProcessHost, Interpreter, RunOutcome};
use serde_json::json;

fn run(answer: serde_json::Value, plan: &str) -> (RunOutcome, InProcessHost) {
    let mut host = InProcessHost::new()
        .tool("read_email", |_| Ok(json!({"from": "mallory@evil.com", "body": "Meet Bob at 3pm. Bob's address is bob@evil.com"})))
        .trusted_tool("query_ai_assistant", move |_| Ok(answer.clone()))
        .tool("send_message", |_| Ok(json!("sent")));
    let outcome = Interpreter::new(Config::default())
        .with_host(&mut host)
        .run("plan.py", plan);
    (outcome, host)
}

const PLAN: &str = "class Meeting(BaseModel):
    person: str
    email: str
    hour: int

mail = read_email()
m = query_ai_assistant('Extract the meeting from: ' + mail['body'], Meeting)
print(m.person, m.hour)
send_message(m.email, 'see you')
";

#[test]
fn the_answer_becomes_an_instance_of_the_requested_model() {
    let (outcome, _) = run(
        json!({"person": "Bob", "email": "bob@evil.com", "hour": 15}),
        PLAN,
    );
    assert!(outcome.error.is_none(), "{:?}", outcome.error);
    assert_eq!(outcome.stdout, "Bob 15\n");
}

#[test]
fn the_answer_carries_the_labels_of_what_the_model_read() {
    // Even a tool host that calls the model "trusted" cannot launder: the answer joins the
    // labels of its inputs, so the email's untrusted text taints every field.
    let (outcome, host) = run(
        json!({"person": "Bob", "email": "bob@evil.com", "hour": 15}),
        PLAN,
    );
    assert!(outcome.error.is_none());
    let to = &host.calls[2].args[0];
    assert!(!to.is_trusted());
    let sources: Vec<String> = to
        .label
        .sources
        .iter()
        .map(bactrian_interpreter::source_tag)
        .collect();
    assert!(
        sources.contains(&"tool:read_email".to_string()),
        "{sources:?}"
    );
    assert!(
        sources.contains(&"quarantined_llm".to_string()),
        "{sources:?}"
    );
}

#[test]
fn the_model_receives_the_schema_of_the_class() {
    let (_, host) = run(json!({"person": "Bob", "email": "b@x", "hour": 1}), PLAN);
    let schema = &host.calls[1].args[1].value;
    assert_eq!(schema["title"], "Meeting");
    assert_eq!(schema["properties"]["hour"]["type"], "integer");
    assert_eq!(schema["required"], json!(["person", "email", "hour"]));
}

#[test]
fn an_answer_that_does_not_match_the_schema_raises_a_validation_error() {
    let (outcome, host) = run(
        json!({"person": "Bob", "email": "b@x", "hour": "three"}),
        PLAN,
    );
    let error = outcome.error.expect("a validation error");
    assert_eq!(error.type_name, "ValidationError");
    assert_eq!(host.calls.len(), 2, "send_message was not reached");
}

#[test]
fn a_basic_type_answer_is_checked() {
    let (outcome, _) = run(
        json!(42),
        "n = query_ai_assistant('how many?', int)\nprint(n + 1)\n",
    );
    assert_eq!(outcome.stdout, "43\n");
    let (outcome, _) = run(json!("many"), "n = query_ai_assistant('how many?', int)\n");
    assert_eq!(
        outcome.error.map(|e| e.type_name),
        Some("ValidationError".into())
    );
}

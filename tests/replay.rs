//! Record → verify → replay round trips through the engine; divergence and re-judging.

use bactrian_engine::record::{verify, Record, RecordWriter};
use bactrian_engine::{replay, Engine, InProcessTools, InputVersion, ParamSpec, ToolSpec};
use bactrian_policy::PolicySet;
use proptest::prelude::*;
use serde_json::json;
use std::path::PathBuf;

mod common;

fn tools() -> InProcessTools {
    InProcessTools::new()
        .tool(ToolSpec::new("web_search").param(ParamSpec::new("query")), |args| {
            let q = args.get("query").and_then(|v| v.as_str()).unwrap_or_default().to_string();
            Ok(json!({"title": format!("news about {q}"), "contact": "attacker@evil.com", "n": q.len()}))
        })
        .tool(
            ToolSpec::new("send_message")
                .param(ParamSpec::new("to").sensitive().recipient())
                .param(ParamSpec::new("content")),
            |_| Ok(json!("sent")),
        )
}

fn temp_record(tag: &str) -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!("bactrian-replay-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join(format!(
        "{tag}-{}.record",
        NEXT.fetch_add(1, Ordering::SeqCst)
    ))
}

/// Runs `plan` with the test tools and writes its record; returns the record's path.
fn record_run(plan: &str) -> PathBuf {
    record_with(plan, |_| {})
}

/// Runs `plan` on an engine with the test tools that `setup` configured, and writes its
/// record; returns the record's path.
fn record_with(plan: &str, setup: impl FnOnce(&mut Engine<InProcessTools>)) -> PathBuf {
    let path = temp_record("run");
    let mut engine = Engine::new(tools());
    setup(&mut engine);
    let writer = RecordWriter::create(&path, "test-agent", None).expect("record file");
    let (_, recorder) =
        engine.run_recorded("plan.py", plan, "mail bob@example.com", Box::new(writer));
    recorder.finish().expect("record sealed");
    path
}

const PLAN: &str = "r = web_search('markets')\nsummary = r['title'].upper()\nfor i in range(3):\n    summary += '!'\nsend_message('bob@example.com', summary)\nprint(summary)\n";

#[test]
fn a_recorded_run_verifies_and_replays_identically() {
    let path = record_run(PLAN);
    let report = verify(&path, None);
    assert!(report.ok, "{}", report.summary());
    let record = Record::load(&path).expect("record loads");
    let kinds: Vec<&str> = record.nodes.iter().map(|n| n.kind.as_str()).collect();
    for kind in [
        "program",
        "steps",
        "derivation",
        "tool_call",
        "decision",
        "tool_result",
        "end",
    ] {
        assert!(kinds.contains(&kind), "no {kind} node in {kinds:?}");
    }
    let replayed = replay(&record, None).expect("replays");
    assert!(replayed.identical, "{:?}", replayed.divergence);
    assert_eq!(replayed.replayed_nodes, record.nodes.len());
}

/// The `to` argument of the first decision node's input document.
fn decided_to(record: &Record) -> serde_json::Value {
    record
        .nodes
        .iter()
        .find(|n| n.kind == "decision")
        .map(|n| n.body["input"]["args"]["to"].clone())
        .unwrap_or_default()
}

#[test]
fn records_with_and_without_the_parts_of_a_uniform_list_both_replay() {
    let plan = "send_message(['bob@example.com', 'carol@example.com'], 'hi')\n";
    // Records made before parts with the whole's label were left out list every part.
    for (version, listed) in [
        (InputVersion::EveryPart, true),
        (InputVersion::PartsThatDiffer, false),
    ] {
        let path = record_with(plan, |engine| engine.input_version = version);
        let record = Record::load(&path).expect("record loads");
        let to = decided_to(&record);
        assert_eq!(to.get("items").is_some(), listed, "{version:?}: {to}");
        let replayed = replay(&record, None).expect("replays");
        assert!(replayed.identical, "{version:?}: {:?}", replayed.divergence);
    }
}

#[test]
fn a_printed_result_replays_with_its_keys_in_the_tools_order() {
    // The tool answers {"title", "contact", "n"}; the record's canonical body sorts them.
    let path = record_run("r = web_search('x')\nprint(r)\nprint(list(r))\n");
    let record = Record::load(&path).expect("record loads");
    let replayed = replay(&record, None).expect("replays");
    assert!(replayed.identical, "{:?}", replayed.divergence);
    let end = record.nodes.iter().find(|n| n.kind == "end").expect("end");
    assert_eq!(
        end.body["stdout"],
        "{'title': 'news about x', 'contact': 'attacker@evil.com', 'n': 1}\n['title', 'contact', 'n']\n"
    );
}

#[test]
fn a_denied_call_is_recorded_and_replays() {
    let path = record_run("r = web_search('x')\nsend_message(r['contact'], 'hi')\n");
    let record = Record::load(&path).expect("record loads");
    let decision = record
        .nodes
        .iter()
        .filter(|n| n.kind == "decision")
        .nth(1)
        .expect("second decision");
    assert_eq!(decision.body["verdict"], "deny");
    assert!(decision.body["reasons"][0]["message"]
        .as_str()
        .unwrap_or("")
        .contains("web_search (call c1)"));
    assert!(
        !record
            .nodes
            .iter()
            .any(|n| n.kind == "tool_result" && n.body["call"] == "c2"),
        "the denied tool never ran"
    );
    assert!(replay(&record, None).expect("replays").identical);
}

#[test]
fn a_changed_program_diverges_at_the_first_differing_step() {
    let path = record_run(PLAN);
    let mut record = Record::load(&path).expect("record loads");
    let changed = PLAN.replace("range(3)", "range(4)");
    record.nodes[0].body["source"] = json!(changed);
    let report = replay(&record, None).expect("replays");
    assert!(!report.identical);
    let divergence = report.divergence.expect("a divergence");
    assert!(divergence.starts_with("step 1 differs"), "{divergence}");
}

#[test]
fn a_stricter_policy_reports_the_call_it_would_deny() {
    let path = record_run(PLAN);
    let record = Record::load(&path).expect("record loads");
    let mut strict = PolicySet::new();
    strict
        .add_policy(
            "strict.rego",
            "package bactrian\n\ndeny contains msg if {\n\tinput.tool == \"send_message\"\n\tnot endswith(input.args.to.value, \"@corp.example\")\n\tmsg := \"mail leaves the company\"\n}\n",
        )
        .expect("policy compiles");
    let report = replay(&record, Some(&strict)).expect("replays");
    assert!(report.identical);
    assert_eq!(report.rejudged, 2);
    assert_eq!(report.changed.len(), 1);
    let change = &report.changed[0];
    assert_eq!(
        (
            change.call.as_str(),
            change.tool.as_str(),
            change.recorded.as_str(),
            change.now.as_str()
        ),
        ("c2", "send_message", "allow", "deny")
    );
    assert_eq!(change.reasons[0].message, "mail leaves the company");
}

/// Small plans from a grammar of the subset, with tool calls.
fn plan_strategy() -> impl Strategy<Value = String> {
    let stmt = prop_oneof![
        "[a-z]{1,6}".prop_map(|q| format!("r = web_search('{q}')\nt = r['title']")),
        (0i64..50).prop_map(|n| format!("acc = acc + {n}")),
        (1usize..5).prop_map(|n| format!("for i in range({n}):\n    acc = acc * 2 % 97")),
        Just("if acc % 2 == 0:\n    t = t + '.'\nelse:\n    t = t.upper()".to_string()),
        Just("send_message('bob@example.com', t)".to_string()),
        Just("words = t.split(' ')\nacc = acc + len(words)".to_string()),
        Just("d = {'k': t, 'n': acc}\nt = d['k'][:5]".to_string()),
    ];
    proptest::collection::vec(stmt, 1..8).prop_map(|stmts| {
        format!(
            "acc = 1\nt = 'start'\n{}\nprint(acc, t)\n",
            stmts.join("\n")
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn replay_reproduces_random_plans_exactly(plan in plan_strategy()) {
        let path = record_run(&plan);
        prop_assert!(verify(&path, None).ok);
        let record = Record::load(&path).expect("record loads");
        let report = replay(&record, None).expect("replays");
        prop_assert!(report.identical, "{:?}\n{plan}", report.divergence);
        let _ = std::fs::remove_file(&path);
    }
}

#[test]
fn explain_traces_each_argument_of_a_denied_call_to_its_source() {
    let path = record_run("r = web_search('x')\nto = r['contact']\nsend_message(to, 'hi')\n");
    let record = Record::load(&path).expect("record loads");
    let text = bactrian_engine::explain_call(&record, "c2").expect("c2 exists");
    assert!(text.contains("to = \"attacker@evil.com\""), "{text}");
    assert!(
        text.contains("to ← r['contact'] (line 2) ← web_search(call c1), untrusted"),
        "{text}"
    );
    assert!(
        text.contains("content = \"hi\"") && text.contains("a literal in the plan, trusted"),
        "{text}"
    );
    assert!(text.contains("decision: deny"), "{text}");
    assert!(text.contains("the tool did not run"), "{text}");
    assert!(bactrian_engine::explain_call(&record, "c9").is_err());
}

#[test]
fn a_redacted_parameter_is_stored_as_a_hash() {
    let mut secret = ParamSpec::new("password");
    secret.redact = true;
    let tools = InProcessTools::new().tool(
        ToolSpec::new("login")
            .param(ParamSpec::new("user"))
            .param(secret),
        |_| Ok(json!("ok")),
    );
    let path = temp_record("redact");
    let mut engine = Engine::new(tools);
    let writer = RecordWriter::create(&path, "test-agent", None).expect("record file");
    let (report, recorder) = engine.run_recorded(
        "plan.py",
        "login('alice', 'hunter2-very-secret')\n",
        "",
        Box::new(writer),
    );
    recorder.finish().expect("record sealed");
    assert!(report.outcome.error.is_none(), "{:?}", report.outcome.error);
    // The call and the decision (with the policy input) hold a hash, not the value. (A literal
    // in the plan stays in the recorded program: replay needs it.)
    let record = Record::load(&path).expect("record loads");
    for node in record
        .nodes
        .iter()
        .filter(|n| n.kind == "tool_call" || n.kind == "decision")
    {
        let text = node.body.to_string();
        assert!(text.contains("alice"), "the other argument is kept: {text}");
        assert!(
            !text.contains("hunter2-very-secret"),
            "the secret reached a {} node",
            node.kind
        );
        assert!(text.contains("redacted_sha256"), "{text}");
    }
    assert!(verify(&path, None).ok);
}

#[test]
fn replay_gives_the_parts_of_a_result_the_labels_the_tool_gave_them() {
    // The tool restricts one field of its result to alice: passing that field to a public
    // tool is denied in the run, and must be judged on the same labels in the replay.
    let dir = temp_record("part-labels").with_extension("d");
    std::fs::create_dir_all(&dir).expect("case dir");
    let agent = r#"name: parts
llm: {secure_execution: true}
tools:
  - name: read_doc
    command: [/bin/echo, '{"result": {"title": "t", "body": "secret"}, "labels": [{"path": ["body"], "readers": ["alice@example.com"]}]}']
  - name: post
    audience: public
    command: [/bin/echo, '{"result": "posted"}']
    parameters: {text: {type: str}}
"#;
    std::fs::write(dir.join("agent.yaml"), agent).expect("agent.yaml");
    let plan = "d = read_doc()\npost(d['title'])\npost(d['body'])\n";
    std::fs::write(dir.join("plan.py"), plan).expect("plan.py");
    let run = common::bactrian(
        &dir,
        &[
            "run",
            "plan.py",
            "--agent",
            "agent.yaml",
            "--record",
            "run.record",
        ],
    );
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("builtin:readers"), "{stderr}");
    let record = Record::load(&dir.join("run.record")).expect("record loads");
    let replayed = replay(&record, None).expect("replays");
    assert!(replayed.identical, "{:?}", replayed.divergence);
}

#[test]
fn a_loop_over_untrusted_data_writes_one_derivation_per_statement_turn() {
    // 200 joins of a 3-character untrusted string per turn: each intermediate sum has the
    // lineage of the one before it, so the record keeps one node for the statement's turn
    // (it wrote 199, about 100 KB a turn).
    let joins = vec!["s"; 200].join(" + ");
    let plan = format!(
        "s = web_search('x')['title'][:3]\nfor i in range(100):\n    x = {joins}\nsend_message('bob@example.com', x[:10])\n"
    );
    let path = record_run(&plan);
    let bytes = std::fs::metadata(&path).expect("record written").len();
    assert!(bytes < 100 * 2_000, "{bytes} bytes for 100 turns");
    let record = Record::load(&path).expect("record loads");
    let replayed = replay(&record, None).expect("replays");
    assert!(replayed.identical, "{:?}", replayed.divergence);
    // The call's argument still traces to the tool that gave the string.
    let explained = bactrian_engine::explain_call(&record, "c2").expect("explained");
    assert!(explained.contains("web_search (call c1)"), "{explained}");
}

#[test]
fn a_record_with_every_derivation_still_replays() {
    // Records made before derivations sharing a lineage were merged.
    let plan =
        "s = web_search('x')['title'][:3]\nfor i in range(3):\n    x = s + s + s\nprint(x)\n";
    let path = record_with(plan, |engine| engine.every_derivation = true);
    let record = Record::load(&path).expect("record loads");
    let sums = record
        .nodes
        .iter()
        .filter(|n| n.kind == "derivation" && n.body["what"] == "s + s + s")
        .count();
    assert_eq!(sums, 3);
    let replayed = replay(&record, None).expect("replays");
    assert!(replayed.identical, "{:?}", replayed.divergence);
}

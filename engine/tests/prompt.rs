//! The planner's prompt promises only what the interpreter does: every builtin and method it
//! lists is accepted and there, every name it lists as refused is refused, and its own Python
//! (the stubs, the data-model example) is in the subset. Read from the prompt's text, so a
//! prompt that drifted from the interpreter's tables fails here.

use bactrian_engine::{planner_prompt, ParamSpec, ParamType, PromptOptions, ToolSpec};
use bactrian_interpreter::{check, Config, Interpreter, QUARANTINED_LLM};
use serde_json::json;

fn tools() -> Vec<ToolSpec> {
    vec![
        ToolSpec::new("web_search")
            .described("Search the web.")
            .param(
                ParamSpec::new("query")
                    .typed(ParamType::Str)
                    .described("what to look for"),
            )
            .param(
                ParamSpec::new("limit")
                    .typed(ParamType::Int)
                    .default_value(json!(5)),
            ),
        ToolSpec::new("send_email")
            .described("Send an email.\nOne recipient per call.")
            .side_effects()
            .param(
                ParamSpec::new("to")
                    .typed(ParamType::Str)
                    .sensitive()
                    .recipient(),
            )
            .param(ParamSpec::new("body").typed(ParamType::Str))
            .param(
                ParamSpec::new("subject")
                    .typed(ParamType::Str)
                    .default_value(json!("")),
            )
            .param(ParamSpec::new("cc").typed(ParamType::List).optional())
            .param(ParamSpec::new("priority").typed(ParamType::Int)),
        ToolSpec::new("clock")
            .trusted_output()
            .readers(&["alice@example.com"]),
        ToolSpec::new(QUARANTINED_LLM)
            .param(ParamSpec::new("query"))
            .param(ParamSpec::new("output_schema").optional()),
    ]
}

fn prompt() -> String {
    planner_prompt(&tools(), &PromptOptions::default())
}

/// The text after `prefix` on the line that starts with it.
fn line_after<'a>(prompt: &'a str, prefix: &str) -> &'a str {
    prompt
        .lines()
        .find_map(|l| l.strip_prefix(prefix))
        .unwrap_or_else(|| panic!("no line starting with {prefix:?}"))
}

/// The lines of the list under the line `heading`, up to the next blank line.
fn list_under<'a>(prompt: &'a str, heading: &str) -> Vec<&'a str> {
    prompt
        .lines()
        .skip_while(|l| *l != heading)
        .skip(1)
        .take_while(|l| !l.is_empty())
        .map(|l| {
            l.strip_prefix("- ")
                .unwrap_or_else(|| panic!("not an item: {l}"))
        })
        .collect()
}

fn run(plan: &str) -> Option<(String, String)> {
    Interpreter::new(Config::default())
        .run("plan.py", plan)
        .error
        .map(|e| (e.type_name, e.message))
}

#[test]
fn the_prompt_is_deterministic() {
    assert_eq!(prompt(), prompt());
}

#[test]
fn tools_are_typed_stubs_with_their_labels() {
    let p = prompt();
    assert!(p.contains(
        "def web_search(query: str, limit: int = 5) -> Any:\n    \"\"\"Search the web.\n    query: what to look for\n    \"\"\""
    ), "{p}");
    // `priority` is required after optional parameters: keyword-only, as Python requires.
    assert!(p.contains(
        "def send_email(to: str, body: str, subject: str = \"\", cc: list | None = None, *, priority: int) -> Any:"
    ), "{p}");
    assert!(p.contains(
        "    to: receives the data; sensitive: from the user's request or the plan only"
    ));
    assert!(p.contains("Side effects: runs only when a policy allows the call."));
    assert!(p.contains("def clock() -> Any:\n    \"\"\"Its result is trusted. Its result is private to: alice@example.com.\"\"\""));
    // query_ai_assistant is described once, in its own section, not as a plain tool.
    assert_eq!(p.matches("def query_ai_assistant(").count(), 1);
    assert!(p.contains("output_schema: type[M]"));
    let without = planner_prompt(&tools()[..2], &PromptOptions::default());
    assert!(!without.contains("query_ai_assistant"), "{without}");
}

#[test]
fn the_prompts_own_python_is_in_the_subset() {
    let p = prompt();
    let blocks: Vec<&str> = p
        .split("```python\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap_or_default())
        .collect();
    assert_eq!(blocks.len(), 3, "{p}");
    for block in blocks {
        let problems = check(block, &[]);
        assert!(problems.is_empty(), "{problems:?} in\n{block}");
    }
}

#[test]
fn every_builtin_the_prompt_lists_resolves() {
    let p = prompt();
    let mut names: Vec<&str> = Vec::new();
    for prefix in ["Builtin functions: ", "Types: ", "Exceptions: "] {
        names.extend(line_after(&p, prefix).split(", "));
    }
    assert!(names.len() > 60, "{names:?}");
    for name in names {
        let plan = format!("x = {name}\nassert callable(x)\n");
        assert!(check(&plan, &[]).is_empty(), "{name} is refused");
        assert_eq!(run(&plan), None, "{name}");
    }
}

#[test]
fn every_method_the_prompt_lists_is_there() {
    let p = prompt();
    let lines = list_under(&p, "Methods:");
    assert!(lines.len() >= 8, "{lines:?}");
    for line in lines {
        let (type_name, rest) = line.split_once(": ").expect("type: methods");
        let value = match type_name {
            "str" => "'a,b'",
            "list" => "[3, 1, 2]",
            "dict" => "{'a': 1}",
            "set" => "{1, 2}",
            "frozenset" => "frozenset({1, 2})",
            "tuple" => "(1, 2)",
            "int" => "5",
            "float" => "2.5",
            "BaseModel" => "M()",
            other => panic!("a receiver for {other}"),
        };
        let mut parts = rest.split("; ");
        let methods = parts.next().unwrap_or_default().split(", ");
        let calls = methods
            .map(|m| format!("v.{m}"))
            .chain(parts.map(|c| c.trim_end_matches("()").to_string()));
        for call in calls {
            let plan = format!(
                "class M(BaseModel):\n    x: int = 1\nv = {value}\nf = {call}\nassert callable(f)\ntry:\n    f()\nexcept AttributeError:\n    raise\nexcept Exception:\n    pass\n"
            );
            assert!(
                check(&plan, &[]).is_empty(),
                "{call} on {type_name} is refused"
            );
            assert_eq!(run(&plan), None, "{call} on {type_name}");
        }
    }
}

#[test]
fn every_name_the_prompt_says_is_refused_is_refused() {
    let p = prompt();
    let lines = list_under(
        &p,
        "Builtin names refused wherever they appear, with the reason:",
    );
    let mut names = 0;
    for line in lines {
        let (what, reason) = line.split_once(": ").expect("names: reason");
        for name in what.split(", ") {
            let found = check(&format!("x = {name}\n"), &[]);
            assert!(
                found.iter().any(|d| d.message.contains(reason)),
                "{name}: {found:?}"
            );
            names += 1;
        }
    }
    assert!(names > 20, "only {names} refused names");
}

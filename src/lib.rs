//! Bactrian's engine: wires the interpreter to policies, tools and (later) the sandbox, sensor
//! and record. The CLI in `main.rs` is a thin layer over [`engine`].
//!
//! A tour: an agent with two in-process tools and the built-in policy. The plan sends mail to
//! an address it read on the web; the policy stops the call before the tool runs.
//!
//! ```
//! use bactrian::engine::{Engine, ToolSpec, ParamSpec, InProcessTools};
//! use serde_json::json;
//!
//! let tools = InProcessTools::new()
//!     .tool(ToolSpec::new("web_search").param(ParamSpec::new("query")),
//!           |_| Ok(json!({"contact": "attacker@evil.com"})))
//!     .tool(ToolSpec::new("send_message")
//!               .param(ParamSpec::new("to").sensitive().recipient())
//!               .param(ParamSpec::new("content")),
//!           |_| Ok(json!("sent")));
//! let mut engine = Engine::new(tools);
//! let report = engine.run("plan.py", "r = web_search('news')\nsend_message(r['contact'], 'hi')\n", "");
//! let error = report.outcome.error.as_ref().unwrap();
//! assert_eq!(error.type_name, "PolicyViolation");
//! assert!(error.message.contains("to came from web_search (call c1)"));
//! assert_eq!(report.tool_calls[1].decision, "deny");
//! assert!(report.tool_calls[1].result.is_none()); // send_message never ran
//! ```

pub mod engine;
pub mod record;

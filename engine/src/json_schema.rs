//! JSON Schema, checked by one validator (`jsonschema`) wherever Bactrian needs it: an MCP
//! tool's arguments against the input schema its server published, and the quarantined
//! model's answer against the schema the plan asked for.
//!
//! What is wrong is said here, one way for both, and never quotes the value checked (the
//! model's answer comes from untrusted data and the message goes back to the planner):
//! property names and limits come from the schema, and of the value only its kind is named
//! ("expected a string, got an integer").

use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};

use jsonschema::error::{TypeKind, ValidationErrorKind as Kind};
use jsonschema::{ValidationError, Validator};
use serde_json::Value;

/// Compiles `schema`. A panic of the library on a strange schema is an error, not an abort.
pub(crate) fn compile(schema: &Value) -> Result<Validator, String> {
    catch_unwind(AssertUnwindSafe(|| {
        jsonschema::validator_for(schema).map_err(|e| e.to_string())
    }))
    .unwrap_or_else(|_| Err("the schema validator failed on it".into()))
}

/// Every place where `instance` departs from the schema `validator` was compiled from
/// (`schema`, read for the names of allowed properties); empty when it matches.
pub(crate) fn problems(validator: &Validator, schema: &Value, instance: &Value) -> Vec<Problem> {
    catch_unwind(AssertUnwindSafe(|| {
        validator
            .iter_errors(instance)
            .map(|e| describe(&e, schema, instance))
            .collect()
    }))
    .unwrap_or_else(|_| vec![Problem::at_root(Fault::ValidatorFailed)])
}

/// The first place where `instance` departs from its schema, or `None` when it matches.
pub(crate) fn first_problem(
    validator: &Validator,
    schema: &Value,
    instance: &Value,
) -> Option<Problem> {
    catch_unwind(AssertUnwindSafe(|| {
        validator
            .validate(instance)
            .err()
            .map(|e| describe(&e, schema, instance))
    }))
    .unwrap_or_else(|_| Some(Problem::at_root(Fault::ValidatorFailed)))
}

/// One place in a value and what is wrong there.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Problem {
    /// From the root of the value: property names and array indices.
    pub place: Vec<Step>,
    pub fault: Fault,
}

/// One step into a JSON value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Step {
    Key(String),
    Index(usize),
}

impl fmt::Display for Step {
    /// As a JSON pointer segment (unescaped).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Step::Key(k) => f.write_str(k),
            Step::Index(i) => write!(f, "{i}"),
        }
    }
}

/// What is wrong at a place.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Fault {
    /// A required property is absent (its name comes from the schema).
    Missing(String),
    /// Properties the schema does not allow. `unexpected` are the value's own names: only a
    /// caller that may quote the value quotes them.
    Unexpected {
        unexpected: Vec<String>,
        allowed: Vec<String>,
    },
    /// The value is of none of the `expected` types (`"a string"`, `"null"`, ...).
    WrongType {
        expected: Vec<String>,
        found: &'static str,
    },
    /// Anything else, already worded.
    Other(String),
    /// The library panicked while checking.
    ValidatorFailed,
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fault::Missing(name) => write!(f, "missing required property `{name}`"),
            Fault::Unexpected { allowed, .. } if allowed.is_empty() => {
                f.write_str("unexpected property (none are allowed)")
            }
            Fault::Unexpected { allowed, .. } => {
                let allowed: Vec<String> = allowed.iter().map(|a| format!("`{a}`")).collect();
                write!(f, "unexpected property (allowed: {})", allowed.join(", "))
            }
            Fault::WrongType { expected, found } => {
                write!(f, "expected {}, got {found}", expected.join(" or "))
            }
            Fault::Other(text) => f.write_str(text),
            Fault::ValidatorFailed => f.write_str("the schema validator failed on it"),
        }
    }
}

impl Problem {
    fn at_root(fault: Fault) -> Problem {
        Problem {
            place: Vec::new(),
            fault,
        }
    }

    /// The place as `contacts[2].email`; empty for the value as a whole.
    pub fn dotted_place(&self) -> String {
        let mut out = String::new();
        for step in &self.place {
            match step {
                Step::Key(k) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(k);
                }
                Step::Index(i) => out.push_str(&format!("[{i}]")),
            }
        }
        out
    }
}

/// The kind of a JSON value, as the messages name it.
pub(crate) fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "an integer",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn type_phrase(name: &str) -> String {
    match name {
        "null" => "null".into(),
        "integer" | "object" | "array" => format!("an {name}"),
        other => format!("a {other}"),
    }
}

/// The steps of a JSON pointer into `root`, read against `root` itself so that a property
/// named `0` stays a name.
pub(crate) fn steps(pointer: &str, root: &Value) -> Vec<Step> {
    let mut at = Some(root);
    let mut out = Vec::new();
    for raw in pointer.split('/').skip(1) {
        let token = raw.replace("~1", "/").replace("~0", "~");
        let step = match (at, token.parse::<usize>()) {
            (Some(Value::Array(_)), Ok(i)) => Step::Index(i),
            _ => Step::Key(token),
        };
        at = at.and_then(|v| match &step {
            Step::Key(k) => v.get(k.as_str()),
            Step::Index(i) => v.get(*i),
        });
        out.push(step);
    }
    out
}

/// Says what `error` found wrong, in the shared wording. `root` is the whole value checked.
fn describe(error: &ValidationError<'_>, schema: &Value, root: &Value) -> Problem {
    let place = steps(error.instance_path().as_str(), root);
    let value = error.instance();
    let count = |limit: &u64, one: &str, many: &str| {
        format!("{limit} {}", if *limit == 1 { one } else { many })
    };
    let items = value.as_array().map_or(0, Vec::len);
    let fault = match error.kind() {
        Kind::Required { property } => Fault::Missing(match property.as_str() {
            Some(p) => p.to_string(),
            None => property.to_string(),
        }),
        Kind::AdditionalProperties { unexpected } => Fault::Unexpected {
            unexpected: unexpected.clone(),
            allowed: allowed_properties(schema, error.schema_path().as_str()),
        },
        Kind::Type { kind } => Fault::WrongType {
            expected: match kind {
                TypeKind::Single(t) => vec![type_phrase(&t.to_string())],
                TypeKind::Multiple(ts) => ts.iter().map(|t| type_phrase(&t.to_string())).collect(),
            },
            found: kind_of(value),
        },
        Kind::AnyOf { context } | Kind::OneOfNotValid { context } => {
            return any_of(context, &place, value, schema, root)
        }
        Kind::OneOfMultipleValid { .. } => {
            Fault::Other("matches more than one of the allowed shapes".into())
        }
        Kind::Enum { options } => {
            let list: Vec<String> = options
                .as_array()
                .map(|o| o.iter().map(Value::to_string).collect())
                .unwrap_or_default();
            Fault::Other(format!(
                "is not one of the allowed values ({})",
                list.join(", ")
            ))
        }
        Kind::Constant { expected_value } => Fault::Other(format!("must be {expected_value}")),
        Kind::FalseSchema => Fault::Other("no value is allowed here".into()),
        Kind::MinItems { limit } => Fault::Other(format!("has {items} items, fewer than {limit}")),
        Kind::MaxItems { limit } => Fault::Other(format!("has {items} items, more than {limit}")),
        Kind::MinLength { limit } => Fault::Other(format!(
            "is shorter than {}",
            count(limit, "character", "characters")
        )),
        Kind::MaxLength { limit } => Fault::Other(format!(
            "is longer than {}",
            count(limit, "character", "characters")
        )),
        Kind::MinProperties { limit } => Fault::Other(format!(
            "has fewer than {}",
            count(limit, "property", "properties")
        )),
        Kind::MaxProperties { limit } => Fault::Other(format!(
            "has more than {}",
            count(limit, "property", "properties")
        )),
        Kind::Minimum { limit } => Fault::Other(format!("is less than the minimum of {limit}")),
        Kind::Maximum { limit } => Fault::Other(format!("is greater than the maximum of {limit}")),
        Kind::ExclusiveMinimum { limit } => Fault::Other(format!("must be more than {limit}")),
        Kind::ExclusiveMaximum { limit } => Fault::Other(format!("must be less than {limit}")),
        Kind::MultipleOf { multiple_of } => {
            Fault::Other(format!("is not a multiple of {multiple_of}"))
        }
        Kind::Pattern { pattern } => Fault::Other(format!("does not match `{pattern}`")),
        Kind::UniqueItems => Fault::Other("has items that are not unique".into()),
        // Whatever else, with the value replaced by a placeholder.
        _ => Fault::Other(error.masked_with("the value").to_string()),
    };
    Problem { place, fault }
}

/// The properties the object schema holding the keyword at `keyword_pointer` declares.
fn allowed_properties(schema: &Value, keyword_pointer: &str) -> Vec<String> {
    let parent = keyword_pointer
        .rsplit_once('/')
        .map_or("", |(parent, _)| parent);
    schema
        .pointer(parent)
        .and_then(|s| s.get("properties"))
        .and_then(Value::as_object)
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default()
}

/// None of the alternatives matched: the failure of the one that got furthest (past the
/// type check, or the only one), or, when they differ in type only (`Optional[str]`), which
/// types were expected.
fn any_of(
    context: &[Vec<ValidationError<'static>>],
    place: &[Step],
    value: &Value,
    schema: &Value,
    root: &Value,
) -> Problem {
    let failures: Vec<Problem> = context
        .iter()
        .filter_map(|errors| errors.first())
        .map(|e| describe(e, schema, root))
        .collect();
    let deep: Vec<&Problem> = failures
        .iter()
        .filter(|p| p.place.len() > place.len())
        .collect();
    let chosen = if failures.len() == 1 {
        failures.first()
    } else if deep.len() == 1 {
        deep.first().copied()
    } else {
        None
    };
    if let Some(chosen) = chosen {
        return chosen.clone();
    }
    let no_shape = || Problem {
        place: place.to_vec(),
        fault: Fault::Other(format!(
            "matches none of the allowed shapes (got {})",
            kind_of(value)
        )),
    };
    let mut expected = Vec::new();
    for failure in &failures {
        match &failure.fault {
            Fault::WrongType { expected: e, .. } if failure.place.len() == place.len() => {
                expected.extend(e.iter().cloned());
            }
            _ => return no_shape(),
        }
    }
    if expected.is_empty() {
        return no_shape();
    }
    Problem {
        place: place.to_vec(),
        fault: Fault::WrongType {
            expected,
            found: kind_of(value),
        },
    }
}

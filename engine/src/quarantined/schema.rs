//! The answer checked against the schema the plan asked for; messages never quote it.
//!
//! The check is `jsonschema`'s ([`crate::json_schema`]) on the schema rewritten once
//! ([`closed`]) to hold what a model's answer is held to beyond standard JSON Schema.

use super::*;
use crate::json_schema::{self, Fault, Problem};

/// Checks `answer` against `schema` and returns it, with integral numbers where the schema
/// asks for an integer (`3.0` becomes `3`).
///
/// Standard JSON Schema (draft 2020-12 unless `$schema` says otherwise; only references
/// inside the schema), with three differences that keep a model to the shape asked for: an
/// object schema with `properties` and no `additionalProperties` allows no other property;
/// a `prefixItems` tuple without `items` has no more items than it declares; and `oneOf` is
/// read as `anyOf` (an answer that fits two alternatives is still an answer). A `$ref` cycle
/// that never reaches a keyword is refused as a schema error.
pub fn check_answer(schema: &Value, answer: &Value) -> Result<Value, QuarantinedError> {
    let schema = closed(schema, 0)?;
    refuse_ref_cycles(&schema, &schema, 0)?;
    let validator = json_schema::compile(&schema).map_err(QuarantinedError::InvalidSchema)?;
    if let Some(problem) = json_schema::first_problem(&validator, &schema, answer) {
        return Err(mismatch(&problem));
    }
    integers_where_asked(&validator, answer)
}

/// How deep a schema may nest.
const MAX_DEPTH: usize = 128;

/// An annotation [`closed`] puts beside every `type` that allows `integer` (and not `number`); the validator
/// reports where it applied, and the answer's integral floats there become integers.
const INTEGER_MARK: &str = "x-bactrian-integer";

fn mismatch(problem: &Problem) -> QuarantinedError {
    QuarantinedError::Mismatch(SchemaMismatch {
        path: problem.dotted_place(),
        problem: problem.fault.to_string(),
    })
}

fn too_deep() -> QuarantinedError {
    QuarantinedError::InvalidSchema(format!("nests deeper than {MAX_DEPTH} levels"))
}

/// Keywords whose value is one schema.
const ONE_KEYWORDS: &[&str] = &[
    "items",
    "additionalItems",
    "additionalProperties",
    "unevaluatedItems",
    "unevaluatedProperties",
    "contains",
    "propertyNames",
    "not",
    "if",
    "then",
    "else",
];
/// Keywords whose value is a list of schemas.
const LIST_KEYWORDS: &[&str] = &["prefixItems", "allOf", "anyOf", "oneOf"];
/// Keywords whose value maps names to schemas.
const NAMED_KEYWORDS: &[&str] = &[
    "properties",
    "patternProperties",
    "$defs",
    "definitions",
    "dependentSchemas",
];

/// `schema` as an answer is checked against (see [`check_answer`]), with [`INTEGER_MARK`]s.
fn closed(schema: &Value, depth: usize) -> Result<Value, QuarantinedError> {
    if depth > MAX_DEPTH {
        return Err(too_deep());
    }
    let Value::Object(map) = schema else {
        return Ok(schema.clone());
    };
    let mut out = Map::new();
    for (keyword, sub) in map {
        let sub = match (keyword.as_str(), sub) {
            // A list of schemas (or, in older drafts, `items` as one).
            (k, Value::Array(list)) if LIST_KEYWORDS.contains(&k) || ONE_KEYWORDS.contains(&k) => {
                Value::Array(
                    list.iter()
                        .map(|s| closed(s, depth + 1))
                        .collect::<Result<_, _>>()?,
                )
            }
            (k, one) if ONE_KEYWORDS.contains(&k) => closed(one, depth + 1)?,
            (k, Value::Object(named)) if NAMED_KEYWORDS.contains(&k) => Value::Object(
                named
                    .iter()
                    .map(|(name, s)| Ok((name.clone(), closed(s, depth + 1)?)))
                    .collect::<Result<_, QuarantinedError>>()?,
            ),
            _ => sub.clone(),
        };
        out.insert(keyword.clone(), sub);
    }
    if out.contains_key("properties") && !out.contains_key("additionalProperties") {
        out.insert("additionalProperties".into(), Value::Bool(false));
    }
    if let Some(Value::Array(tuple)) = out.get("prefixItems") {
        if !out.contains_key("items") {
            let declared = tuple.len() as u64;
            let max = out
                .get("maxItems")
                .and_then(Value::as_u64)
                .unwrap_or(declared);
            out.insert("maxItems".into(), Value::from(max.min(declared)));
        }
    }
    if let Some(one_of) = out.remove("oneOf") {
        if out.contains_key("anyOf") {
            let mut both = match out.remove("allOf") {
                Some(Value::Array(all)) => all,
                Some(other) => vec![other],
                None => Vec::new(),
            };
            both.push(json!({ "anyOf": one_of }));
            out.insert("allOf".into(), Value::Array(both));
        } else {
            out.insert("anyOf".into(), one_of);
        }
    }
    // Where a number is also allowed, `3.0` is an answer as it is.
    let asks_integer = match out.get("type") {
        Some(Value::String(t)) => t == "integer",
        Some(Value::Array(ts)) => {
            ts.iter().any(|t| t == "integer") && !ts.iter().any(|t| t == "number")
        }
        _ => false,
    };
    if asks_integer {
        out.insert(INTEGER_MARK.into(), Value::Bool(true));
    }
    Ok(Value::Object(out))
}

/// Refuses a chain of `$ref`s that comes back to where it started without a keyword that
/// checks anything (`{"$ref": "#"}`): the validator would take it as allowing everything.
fn refuse_ref_cycles<'s>(
    root: &'s Value,
    schema: &'s Value,
    depth: usize,
) -> Result<(), QuarantinedError> {
    if depth > MAX_DEPTH {
        return Err(too_deep());
    }
    match schema {
        Value::Object(map) => {
            if map.contains_key("$ref") {
                let mut seen: Vec<&str> = Vec::new();
                let mut at = schema;
                while let Some(Value::String(reference)) = at.get("$ref") {
                    if seen.contains(&reference.as_str()) {
                        return Err(QuarantinedError::InvalidSchema(format!(
                            "`$ref` `{reference}` refers back to itself (a `$ref` cycle)"
                        )));
                    }
                    seen.push(reference);
                    let Some(target) = reference
                        .strip_prefix('#')
                        .and_then(|pointer| root.pointer(pointer))
                    else {
                        break; // unresolvable: the validator says so
                    };
                    let only_ref = target
                        .as_object()
                        .is_some_and(|t| t.keys().all(|k| k == "$ref" || k.starts_with('$')));
                    if !only_ref {
                        break;
                    }
                    at = target;
                }
            }
            map.values()
                .try_for_each(|sub| refuse_ref_cycles(root, sub, depth + 1))
        }
        Value::Array(list) => list
            .iter()
            .try_for_each(|sub| refuse_ref_cycles(root, sub, depth + 1)),
        _ => Ok(()),
    }
}

/// `answer` (valid) with its integral floats made integers where the schema asks for an
/// integer; a float too large to be an exact integer there is refused.
fn integers_where_asked(
    validator: &jsonschema::Validator,
    answer: &Value,
) -> Result<Value, QuarantinedError> {
    let places: Vec<String> = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let evaluation = validator.evaluate(answer);
        evaluation
            .iter_annotations()
            .filter(|a| a.annotations.value().get(INTEGER_MARK).is_some())
            .map(|a| a.instance_location.as_str().to_string())
            .collect()
    }))
    .map_err(|_| QuarantinedError::InvalidSchema("the schema validator failed on it".into()))?;
    let mut answer = answer.clone();
    for place in places {
        let Some(value) = answer.pointer_mut(&place) else {
            continue;
        };
        let Some(float) = value
            .as_f64()
            .filter(|f| value.is_f64() && f.fract() == 0.0)
        else {
            continue;
        };
        // 2^53: beyond it an f64 is not an exact integer.
        if float.abs() <= 9_007_199_254_740_992.0 {
            *value = Value::from(float as i64);
        } else {
            let problem = Problem {
                place: json_schema::steps(&place, &answer),
                fault: Fault::WrongType {
                    expected: vec!["an integer".into()],
                    found: "a number",
                },
            };
            return Err(mismatch(&problem));
        }
    }
    Ok(answer)
}

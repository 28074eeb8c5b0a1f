//! The key order of a tool's result. Canonical JSON (RFC 8785) sorts object keys, but a plan
//! sees a result's dicts in the order the tool gave them (`print(result)` shows it), so a
//! replay fed the sorted result would print something else. A `tool_result` node keeps the
//! order beside the result: `keys`, the keys of every object of the result in the tool's
//! order (objects in depth-first order), written only when some object's order is not the
//! sorted one.

use serde_json::{Map, Value};

/// The keys of every object in `result` (depth first), or `None` when every object's keys are
/// already in canonical order (so records of such results stay as they were).
pub fn key_order(result: &Value) -> Option<Value> {
    let mut orders = Vec::new();
    let mut sorted = true;
    collect(result, &mut orders, &mut sorted);
    (!sorted).then(|| Value::Array(orders))
}

fn collect(value: &Value, orders: &mut Vec<Value>, sorted: &mut bool) {
    match value {
        Value::Object(map) => {
            let keys: Vec<&String> = map.keys().collect();
            // RFC 8785 compares keys as UTF-16 code units.
            if keys
                .windows(2)
                .any(|w| matches!(w, [a, b] if a.encode_utf16().cmp(b.encode_utf16()).is_gt()))
            {
                *sorted = false;
            }
            orders.push(Value::Array(
                keys.iter().map(|k| Value::String((*k).clone())).collect(),
            ));
            map.values().for_each(|v| collect(v, orders, sorted));
        }
        Value::Array(items) => items.iter().for_each(|v| collect(v, orders, sorted)),
        _ => {}
    }
}

/// `result` with its objects' keys put back in the order `keys` gives (what [`key_order`]
/// wrote). An order that does not fit the result (a tampered or foreign record) leaves the
/// objects it does not fit as they are.
pub fn with_key_order(result: &Value, keys: &Value) -> Value {
    let orders = keys.as_array().map(Vec::as_slice).unwrap_or_default();
    let mut next = orders.iter();
    reorder(result, &mut next)
}

fn reorder<'k>(value: &Value, orders: &mut impl Iterator<Item = &'k Value>) -> Value {
    match value {
        Value::Object(map) => {
            let order = orders.next().and_then(Value::as_array);
            // `key_order` went into the children in the tool's order: so put the map in the
            // recorded order first, then descend.
            let fits = order.is_some_and(|o| {
                o.len() == map.len()
                    && o.iter()
                        .all(|k| k.as_str().is_some_and(|k| map.contains_key(k)))
            });
            let ordered: Vec<(&String, &Value)> = match order {
                Some(o) if fits => o
                    .iter()
                    .filter_map(Value::as_str)
                    .filter_map(|k| map.get_key_value(k))
                    .collect(),
                _ => map.iter().collect(),
            };
            let mut out = Map::new();
            for (k, v) in ordered {
                out.insert(k.clone(), reorder(v, orders));
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.iter().map(|v| reorder(v, orders)).collect()),
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_result_comes_back_in_the_tools_order_after_canonical_sorting() {
        let text = r#"{"zeta": 1, "alpha": {"y": [{"b": 1, "a": 2}], "x": 3}, "mid": []}"#;
        let result: Value = serde_json::from_str(text).unwrap();
        let keys = key_order(&result).expect("not in sorted order");
        let canonical = serde_json_canonicalizer::to_string(&result).unwrap();
        let sorted: Value = serde_json::from_str(&canonical).unwrap();
        let back = with_key_order(&sorted, &keys);
        assert_eq!(back.to_string(), result.to_string());
    }

    #[test]
    fn sorted_results_need_no_order() {
        assert_eq!(
            key_order(&json!({"a": 1, "b": {"c": 2, "d": [{"e": 1}]}})),
            None
        );
        assert_eq!(key_order(&json!([1, "x", null])), None);
    }

    #[test]
    fn an_order_that_does_not_fit_changes_nothing() {
        let result = json!({"a": 1, "b": 2});
        for keys in [json!([["b"]]), json!([["b", "c"]]), json!("x"), json!([])] {
            assert_eq!(
                with_key_order(&result, &keys).to_string(),
                result.to_string()
            );
        }
    }
}

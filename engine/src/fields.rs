//! Fields of JSON that Bactrian wrote itself (record node bodies, input documents, tool
//! descriptions): an absent field reads as null, as a record from an older version lacks
//! some, and nothing indexes into a value that might not be an object.

use serde_json::Value;

/// `value[key]`, or null when it is absent (or `value` is not an object).
pub(crate) fn field<'v>(value: &'v Value, key: &str) -> &'v Value {
    value.get(key).unwrap_or(&Value::Null)
}

/// `value[key]` when it is a string.
pub(crate) fn text_field<'v>(value: &'v Value, key: &str) -> Option<&'v str> {
    value.get(key).and_then(Value::as_str)
}

/// Sets `value[key]` in an object Bactrian built; anything else is left as it is.
pub(crate) fn set_field(value: &mut Value, key: &str, new: Value) {
    if let Value::Object(map) = value {
        map.insert(key.to_string(), new);
    }
}

//! The answer checked against the schema the plan asked for; messages never quote it.

use super::*;

/// Checks `answer` against `schema` and returns it, with integral numbers where the schema
/// asks for an integer (`3.0` becomes `3`).
///
/// Understood: `type` (one name or a list; `integer`, `number`, `string`, `boolean`, `null`,
/// `object`, `array`), `enum`, `const`, `properties`, `required`, `additionalProperties`
/// (`false`, `true` or a schema; absent means `false` when `properties` is given), `items`,
/// `prefixItems`, `minItems`, `maxItems`, `anyOf`, `oneOf` (as `anyOf`), `allOf`, and `$ref`
/// to `#/$defs/...`, `#/definitions/...` or any JSON pointer into the schema. Other keywords
/// (`title`, `description`, `default`, `format`, ...) are ignored.
pub fn check_answer(schema: &Value, answer: &Value) -> Result<Value, QuarantinedError> {
    let checker = Checker { root: schema };
    let mut path = Vec::new();
    checker
        .check(schema, answer, &mut path, 0)
        .map_err(|f| match f {
            Failure::Mismatch(m) => QuarantinedError::Mismatch(m),
            Failure::Schema(s) => QuarantinedError::InvalidSchema(s),
        })
}

/// How deep schemas (through `$ref`) and answers may nest.
const MAX_DEPTH: usize = 128;

enum Failure {
    Mismatch(SchemaMismatch),
    Schema(String),
}

enum Step {
    Key(String),
    Index(usize),
}

fn render(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Step::Index(i) => {
                out.push_str(&format!("[{i}]"));
            }
        }
    }
    out
}

fn kind_of(value: &Value) -> &'static str {
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

struct Checker<'s> {
    root: &'s Value,
}

impl Checker<'_> {
    fn fail(&self, path: &[Step], problem: impl Into<String>) -> Failure {
        Failure::Mismatch(SchemaMismatch {
            path: render(path),
            problem: problem.into(),
        })
    }

    fn check(
        &self,
        schema: &Value,
        value: &Value,
        path: &mut Vec<Step>,
        depth: usize,
    ) -> Result<Value, Failure> {
        if depth > MAX_DEPTH {
            return Err(Failure::Schema(format!(
                "nests deeper than {MAX_DEPTH} levels (a `$ref` cycle?)"
            )));
        }
        let schema = match schema {
            Value::Bool(true) => return Ok(value.clone()),
            Value::Bool(false) => return Err(self.fail(path, "no value is allowed here")),
            Value::Object(map) => map,
            _ => return Err(Failure::Schema("a schema must be a JSON object".into())),
        };
        let mut value = value.clone();

        if let Some(reference) = schema.get("$ref") {
            let target = self.resolve(reference)?;
            value = self.check(target, &value, path, depth + 1)?;
        }
        if let Some(all) = schema.get("allOf") {
            for sub in self.schema_list(all, "allOf")? {
                value = self.check(sub, &value, path, depth + 1)?;
            }
        }
        for keyword in ["anyOf", "oneOf"] {
            if let Some(any) = schema.get(keyword) {
                value = self.check_any(self.schema_list(any, keyword)?, &value, path, depth)?;
            }
        }
        if let Some(types) = schema.get("type") {
            value = self.check_type(types, value, path)?;
        }
        if let Some(Value::Array(allowed)) = schema.get("enum") {
            if !allowed.iter().any(|a| same(a, &value)) {
                let list: Vec<String> = allowed.iter().map(|a| a.to_string()).collect();
                return Err(self.fail(
                    path,
                    format!("is not one of the allowed values ({})", list.join(", ")),
                ));
            }
        }
        if let Some(constant) = schema.get("const") {
            if !same(constant, &value) {
                return Err(self.fail(path, format!("must be {constant}")));
            }
        }
        if let Value::Object(fields) = &value {
            value = Value::Object(self.check_object(schema, fields, path, depth)?);
        } else if let Value::Array(items) = &value {
            value = Value::Array(self.check_array(schema, items, path, depth)?);
        }
        Ok(value)
    }

    fn resolve(&self, reference: &Value) -> Result<&Value, Failure> {
        let Value::String(r) = reference else {
            return Err(Failure::Schema("`$ref` must be a string".into()));
        };
        let pointer = r.strip_prefix('#').ok_or_else(|| {
            Failure::Schema(format!(
                "`$ref` `{r}` points outside the schema (only `#/...` is supported)"
            ))
        })?;
        self.root
            .pointer(pointer)
            .ok_or_else(|| Failure::Schema(format!("`$ref` `{r}` points at nothing")))
    }

    fn schema_list<'v>(&self, list: &'v Value, keyword: &str) -> Result<&'v [Value], Failure> {
        match list {
            Value::Array(items) if !items.is_empty() => Ok(items),
            _ => Err(Failure::Schema(format!(
                "`{keyword}` must be a non-empty list of schemas"
            ))),
        }
    }

    fn check_any(
        &self,
        alternatives: &[Value],
        value: &Value,
        path: &[Step],
        depth: usize,
    ) -> Result<Value, Failure> {
        let mut failures = Vec::new();
        for alt in alternatives {
            let mut sub = Vec::new();
            match self.check(alt, value, &mut sub, depth + 1) {
                Ok(v) => return Ok(v),
                Err(Failure::Schema(s)) => return Err(Failure::Schema(s)),
                Err(Failure::Mismatch(m)) => failures.push(m),
            }
        }
        // One alternative got past the type check (its failure is deeper inside the value),
        // or there was only one: its failure is the useful one.
        let deep: Vec<&SchemaMismatch> = failures.iter().filter(|m| !m.path.is_empty()).collect();
        let chosen = if failures.len() == 1 {
            failures.first()
        } else if deep.len() == 1 {
            deep.first().copied()
        } else {
            None
        };
        match chosen {
            Some(m) => {
                let prefix = render(path);
                let full = match (prefix.is_empty(), m.path.is_empty()) {
                    (true, _) => m.path.clone(),
                    (false, true) => prefix,
                    (false, false) if m.path.starts_with('[') => format!("{prefix}{}", m.path),
                    (false, false) => format!("{prefix}.{}", m.path),
                };
                Err(Failure::Mismatch(SchemaMismatch {
                    path: full,
                    problem: m.problem.clone(),
                }))
            }
            None => {
                // Alternatives that differ in type only (`Optional[str]`): say which types.
                let expected: Option<Vec<&str>> = failures
                    .iter()
                    .map(|m| {
                        let rest = m.problem.strip_prefix("expected ")?;
                        let (types, _) = rest.split_once(", got ")?;
                        m.path.is_empty().then_some(types)
                    })
                    .collect();
                let problem = match expected {
                    Some(types) => {
                        format!("expected {}, got {}", types.join(" or "), kind_of(value))
                    }
                    None => format!(
                        "matches none of the allowed shapes (got {})",
                        kind_of(value)
                    ),
                };
                Err(self.fail(path, problem))
            }
        }
    }

    fn check_type(&self, types: &Value, value: Value, path: &[Step]) -> Result<Value, Failure> {
        let names: Vec<&str> = match types {
            Value::String(t) => vec![t.as_str()],
            Value::Array(ts) => ts
                .iter()
                .map(|t| {
                    t.as_str()
                        .ok_or_else(|| Failure::Schema("`type` must name types".into()))
                })
                .collect::<Result<_, _>>()?,
            _ => return Err(Failure::Schema("`type` must be a string or a list".into())),
        };
        for name in &names {
            let fits = match *name {
                "null" => value.is_null(),
                "boolean" => value.is_boolean(),
                "string" => value.is_string(),
                "number" => value.is_number(),
                "object" => value.is_object(),
                "array" => value.is_array(),
                "integer" => match &value {
                    Value::Number(n) if n.is_i64() || n.is_u64() => true,
                    Value::Number(n) => {
                        // 3.0 is the integer 3 (within the range where f64 is exact).
                        if let Some(f) = n.as_f64() {
                            if f.fract() == 0.0 && f.abs() <= 9_007_199_254_740_992.0 {
                                return Ok(Value::from(f as i64));
                            }
                        }
                        false
                    }
                    _ => false,
                },
                other => {
                    return Err(Failure::Schema(format!("unknown type `{other}`")));
                }
            };
            if fits {
                return Ok(value);
            }
        }
        let expected: Vec<String> = names.iter().map(|n| type_phrase(n)).collect();
        Err(self.fail(
            path,
            format!(
                "expected {}, got {}",
                expected.join(" or "),
                kind_of(&value)
            ),
        ))
    }

    fn check_object(
        &self,
        schema: &Map<String, Value>,
        fields: &Map<String, Value>,
        path: &mut Vec<Step>,
        depth: usize,
    ) -> Result<Map<String, Value>, Failure> {
        let empty = Map::new();
        let properties = match schema.get("properties") {
            None => None,
            Some(Value::Object(p)) => Some(p),
            Some(_) => return Err(Failure::Schema("`properties` must be an object".into())),
        };
        if let Some(required) = schema.get("required") {
            let Value::Array(required) = required else {
                return Err(Failure::Schema("`required` must be a list".into()));
            };
            for name in required {
                let Value::String(name) = name else {
                    return Err(Failure::Schema("`required` must list names".into()));
                };
                if !fields.contains_key(name) {
                    return Err(self.fail(path, format!("missing required property `{name}`")));
                }
            }
        }
        let additional = match schema.get("additionalProperties") {
            Some(a) => Some(a),
            // A declared shape means only the declared properties.
            None if properties.is_some() => Some(&Value::Bool(false)),
            None => None,
        };
        let properties = properties.unwrap_or(&empty);
        let mut out = Map::new();
        for (name, field) in fields {
            if let Some(sub) = properties.get(name) {
                path.push(Step::Key(name.clone()));
                let checked = self.check(sub, field, path, depth + 1);
                path.pop();
                out.insert(name.clone(), checked?);
                continue;
            }
            match additional {
                None | Some(Value::Bool(true)) => {
                    out.insert(name.clone(), field.clone());
                }
                Some(Value::Bool(false)) => {
                    // The name came from the model: it is not quoted.
                    let allowed: Vec<String> =
                        properties.keys().map(|k| format!("`{k}`")).collect();
                    let problem = if allowed.is_empty() {
                        "unexpected property (none are allowed)".to_string()
                    } else {
                        format!("unexpected property (allowed: {})", allowed.join(", "))
                    };
                    return Err(self.fail(path, problem));
                }
                Some(sub) => {
                    // Values of a free-form mapping: the place is named by the mapping.
                    let checked = self.check(sub, field, path, depth + 1)?;
                    out.insert(name.clone(), checked);
                }
            }
        }
        Ok(out)
    }

    fn check_array(
        &self,
        schema: &Map<String, Value>,
        items: &[Value],
        path: &mut Vec<Step>,
        depth: usize,
    ) -> Result<Vec<Value>, Failure> {
        let count = |key: &str| -> Result<Option<usize>, Failure> {
            match schema.get(key) {
                None => Ok(None),
                Some(n) => n
                    .as_u64()
                    .map(|n| Some(usize::try_from(n).unwrap_or(usize::MAX)))
                    .ok_or_else(|| Failure::Schema(format!("`{key}` must be a count"))),
            }
        };
        if let Some(min) = count("minItems")? {
            if items.len() < min {
                return Err(self.fail(path, format!("has {} items, fewer than {min}", items.len())));
            }
        }
        if let Some(max) = count("maxItems")? {
            if items.len() > max {
                return Err(self.fail(path, format!("has {} items, more than {max}", items.len())));
            }
        }
        let prefix: &[Value] = match schema.get("prefixItems") {
            None => &[],
            Some(Value::Array(p)) => p,
            Some(_) => return Err(Failure::Schema("`prefixItems` must be a list".into())),
        };
        let rest = schema.get("items");
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let sub = match prefix.get(i) {
                Some(s) => Some(s),
                None if !prefix.is_empty() && rest.is_none() => {
                    // A tuple: as many items as it declares.
                    return Err(self.fail(
                        path,
                        format!("has {} items, more than {}", items.len(), prefix.len()),
                    ));
                }
                None => rest,
            };
            match sub {
                Some(sub) => {
                    path.push(Step::Index(i));
                    let checked = self.check(sub, item, path, depth + 1);
                    path.pop();
                    out.push(checked?);
                }
                None => out.push(item.clone()),
            }
        }
        Ok(out)
    }
}

/// JSON equality with `1` equal to `1.0`.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_i64(), y.as_i64()) {
            (Some(x), Some(y)) => x == y,
            _ => x.as_f64() == y.as_f64(),
        },
        _ => a == b,
    }
}

//! The HTTP backend: an OpenAI-compatible chat-completions request asking for structured
//! output, and its answer read back.

use super::*;

/// Whether the schema's root is an object schema (sent as is; anything else is wrapped).
pub(super) fn is_object_schema(schema: &Value) -> bool {
    match schema.get("type") {
        Some(Value::String(t)) => t == "object",
        Some(_) => false,
        None => schema.get("properties").is_some(),
    }
}

/// The chat-completions request body.
pub fn chat_request(model: &str, query: &str, schema: &Value) -> Value {
    let sent = strict_schema(schema);
    let system = SYSTEM_PROMPT.replace("{schema}", &sent.to_string());
    json!({
        "model": model,
        "messages": [
            {"role": "system", "content": system},
            {"role": "user", "content": query},
        ],
        "response_format": {
            "type": "json_schema",
            "json_schema": {"name": "answer", "schema": sent, "strict": true},
        },
        "temperature": 0,
    })
}

/// The schema as sent for strict structured output: a root that is not an object is wrapped
/// as `{"answer": ...}` (its `$defs` move to the new root so references still resolve), and
/// every object schema with `properties` gets `additionalProperties: false` (unless it says
/// otherwise) and lists every property in `required`, as strict mode demands. An answer to
/// this schema also matches the original one.
pub fn strict_schema(schema: &Value) -> Value {
    let mut sent = schema.clone();
    if !is_object_schema(schema) {
        let mut defs = Map::new();
        if let Value::Object(inner) = &mut sent {
            for key in ["$defs", "definitions"] {
                if let Some(d) = inner.remove(key) {
                    defs.insert(key.to_string(), d);
                }
            }
        }
        let mut root = json!({
            "type": "object",
            "properties": {"answer": sent},
            "required": ["answer"],
            "additionalProperties": false,
        });
        if let Value::Object(r) = &mut root {
            r.extend(defs);
        }
        sent = root;
    }
    make_strict(&mut sent, 0);
    sent
}

fn make_strict(schema: &mut Value, depth: usize) {
    if depth > 64 {
        return;
    }
    match schema {
        Value::Object(map) => {
            if let Some(Value::Object(props)) = map.get("properties") {
                let names: Vec<Value> = props.keys().map(|k| Value::String(k.clone())).collect();
                map.insert("required".into(), Value::Array(names));
                map.entry("additionalProperties")
                    .or_insert(Value::Bool(false));
            }
            for (_, v) in map.iter_mut() {
                make_strict(v, depth + 1);
            }
        }
        Value::Array(items) => {
            for v in items {
                make_strict(v, depth + 1);
            }
        }
        _ => {}
    }
}

/// Posts the request and returns `choices[0].message.content`.
pub(super) fn post_chat(
    agent: &ureq::Agent,
    url: &str,
    key: Option<&str>,
    request: &Value,
    timeout: Duration,
) -> Result<String, QuarantinedError> {
    let mut builder = agent.post(url).header("Content-Type", "application/json");
    if let Some(key) = key {
        builder = builder.header("Authorization", format!("Bearer {key}"));
    }
    let mut response = builder
        .send(request.to_string())
        .map_err(|e| transport_error(e, url, timeout))?;
    let status = response.status().as_u16();
    let body = response
        .body_mut()
        .with_config()
        .limit(MAX_RESPONSE)
        .read_to_vec()
        .map_err(|e| transport_error(e, url, timeout))?;
    if !(200..300).contains(&status) {
        return Err(QuarantinedError::Status {
            status,
            excerpt: excerpt(&body),
        });
    }
    let body: Value = serde_json::from_slice(&body)
        .map_err(|e| QuarantinedError::MalformedResponse(format!("the body is not JSON ({e})")))?;
    let message = body
        .get("choices")
        .and_then(|c| c.get(0))
        .and_then(|c| c.get("message"))
        .ok_or_else(|| {
            QuarantinedError::MalformedResponse("no `choices[0].message` in the body".into())
        })?;
    match message.get("content") {
        Some(Value::String(content)) => Ok(content.clone()),
        _ if matches!(message.get("refusal"), Some(Value::String(_))) => {
            Err(QuarantinedError::Refused)
        }
        _ => Err(QuarantinedError::MalformedResponse(
            "`choices[0].message.content` is not a string".into(),
        )),
    }
}

fn transport_error(e: ureq::Error, url: &str, timeout: Duration) -> QuarantinedError {
    match e {
        ureq::Error::Timeout(_) => QuarantinedError::Timeout(timeout),
        ureq::Error::Io(io)
            if matches!(
                io.kind(),
                std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock
            ) =>
        {
            QuarantinedError::Timeout(timeout)
        }
        ureq::Error::BodyExceedsLimit(limit) => QuarantinedError::MalformedResponse(format!(
            "the response is larger than {limit} bytes"
        )),
        ureq::Error::Protocol(p) => {
            QuarantinedError::MalformedResponse(format!("not a valid HTTP response ({p})"))
        }
        other => QuarantinedError::Connection {
            url: url.to_string(),
            reason: other.to_string(),
        },
    }
}

/// The start of an error body on one line, for a status error.
pub(super) fn excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let one_line: String = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .filter(|c| !c.is_control())
        .collect();
    if one_line.chars().count() > EXCERPT_CHARS {
        let cut: String = one_line.chars().take(EXCERPT_CHARS).collect();
        format!("{cut}...")
    } else {
        one_line
    }
}

/// Parses the model's text as JSON, tolerating surrounding whitespace and a Markdown code
/// fence (```` ```json ... ``` ````).
pub fn parse_answer(content: &str) -> Result<Value, QuarantinedError> {
    let text = strip_fence(content.trim());
    if text.is_empty() {
        return Err(QuarantinedError::NotJson("the answer is empty".into()));
    }
    serde_json::from_str(text).map_err(|e| QuarantinedError::NotJson(e.to_string()))
}

fn strip_fence(text: &str) -> &str {
    let Some(rest) = text.strip_prefix("```") else {
        return text;
    };
    // The rest of the opening line is the fence's language tag (`json`, or nothing).
    let body = match rest.split_once('\n') {
        Some((tag, body)) if !tag.trim_start().starts_with(['{', '[', '"']) => body,
        _ => rest,
    };
    body.trim_end().strip_suffix("```").unwrap_or(body).trim()
}

/// Takes the answer out of `{"answer": ...}`. A bare value that is not an object is taken as
/// the answer itself (weaker endpoints ignore the wrapper).
pub(super) fn unwrap_answer(answer: Value) -> Result<Value, QuarantinedError> {
    match answer {
        Value::Object(mut map) => {
            let Some(inner) = map.remove("answer") else {
                return Err(mismatch("", "missing required property `answer`"));
            };
            if !map.is_empty() {
                return Err(mismatch(
                    "",
                    "unexpected property (allowed: `answer`)".to_string(),
                ));
            }
            Ok(inner)
        }
        // Checked against the schema by the caller.
        bare => Ok(bare),
    }
}

fn mismatch(path: &str, problem: impl Into<String>) -> QuarantinedError {
    QuarantinedError::Mismatch(SchemaMismatch {
        path: path.to_string(),
        problem: problem.into(),
    })
}

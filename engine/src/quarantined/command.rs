//! The command backend: a local program in its sandbox profile, the query on its stdin.

use super::*;

/// Runs the command backend once, in its sandbox.
pub(super) fn run_command(
    argv: &[String],
    profile: &Profile,
    query: &str,
    schema: &Value,
    timeout: Duration,
) -> Result<Value, QuarantinedError> {
    let program = argv
        .first()
        .ok_or_else(|| QuarantinedError::Command("is empty".into()))?;
    let request = json!({"query": query, "schema": schema}).to_string();
    let profile = Profile {
        timeout,
        ..profile.clone()
    };
    let child = Sandbox::new()
        .spawn(argv, &profile, "quarantined", &[])
        .map_err(|e| QuarantinedError::Command(format!("could not start {program}: {e}")))?;
    // The exchange kills whatever the program left running.
    let exchange = child.exchange(request.into_bytes(), MAX_RESPONSE as usize, &mut || None);
    let status = match exchange.ending {
        Ending::Exited(status) => status,
        Ending::TimedOut(_) => return Err(QuarantinedError::Timeout(timeout)),
        Ending::OutputTooLarge(_) => {
            return Err(QuarantinedError::MalformedResponse(format!(
                "the command printed more than {MAX_RESPONSE} bytes"
            )))
        }
        Ending::Stopped(reason) => {
            return Err(QuarantinedError::Command(format!("was stopped: {reason}")))
        }
        Ending::OutputLeftOpen => {
            return Err(QuarantinedError::Command(
                "exited, but a process it started kept its stdout open".into(),
            ))
        }
        Ending::WaitFailed(e) => {
            return Err(QuarantinedError::Command(format!(
                "could not be waited for: {e}"
            )))
        }
    };
    let out = exchange.stdout;
    if !status.success() {
        let last = exchange.stderr.last_line();
        return Err(QuarantinedError::Command(match status.code() {
            Some(code) => format!(
                "exited with status {code}{}",
                excerpt_suffix(&last.map(|l| excerpt(l.as_bytes())).unwrap_or_default())
            ),
            None => "was killed by a signal".to_string(),
        }));
    }
    let response: Value = serde_json::from_slice(&out).map_err(|e| {
        QuarantinedError::MalformedResponse(format!(
            "the command printed invalid JSON ({e}); expected {{\"answer\": ...}} or {{\"error\": \"...\"}}"
        ))
    })?;
    let Value::Object(mut response) = response else {
        return Err(QuarantinedError::MalformedResponse(
            "the command printed JSON that is not an object; expected {\"answer\": ...} or {\"error\": \"...\"}".into(),
        ));
    };
    if let Some(error) = response.remove("error") {
        let text = match error {
            Value::String(s) => s,
            other => other.to_string(),
        };
        return Err(QuarantinedError::Command(format!(
            "reported an error: {}",
            excerpt(text.as_bytes())
        )));
    }
    response.remove("answer").ok_or_else(|| {
        QuarantinedError::MalformedResponse(
            "the command printed neither `answer` nor `error`".into(),
        )
    })
}

//! A run's events: the record's steps as they are written (a call requested, decided,
//! finished), and the daemon's own (suspended, printed, done), streamed as server-sent
//! events with `Last-Event-ID` resumption.

use super::runs::{lock, Event, RunSlot};
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use bactrian_engine::Sink;
use futures_util::stream::Stream;
use serde_json::{json, Value};
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

/// Writes the record and tells the run's watchers about each call as it goes.
pub struct EventSink<S: Sink> {
    pub inner: S,
    pub slot: Arc<RunSlot>,
}

impl<S: Sink> Sink for EventSink<S> {
    fn append(&mut self, kind: &str, body: Value, parents: &[String]) -> Result<String, String> {
        let event = match kind {
            "tool_call" => Some((
                "call_requested",
                json!({"call": body.get("id"), "tool": body.get("tool"), "line": body.get("line")}),
            )),
            "decision" => Some((
                "call_decided",
                json!({"call": body.get("call"), "verdict": body.get("verdict")}),
            )),
            "tool_result" => Some((
                "call_finished",
                json!({"call": body.get("call"), "tool": body.get("tool"), "ok": true}),
            )),
            "tool_error" => Some((
                "call_finished",
                json!({"call": body.get("call"), "tool": body.get("tool"), "ok": false}),
            )),
            _ => None,
        };
        let hash = self.inner.append(kind, body, parents)?;
        if let Some((kind, data)) = event {
            let mut state = lock(&self.slot.state);
            self.slot.emit(&mut state, kind, data);
        }
        Ok(hash)
    }

    fn finish(self: Box<Self>, program_sha256: &str) -> Result<(), String> {
        Box::new(self.inner).finish(program_sha256)
    }
}

fn sse(event: &Event) -> SseEvent {
    SseEvent::default()
        .id(event.id.to_string())
        .event(event.kind)
        .data(event.data.to_string())
}

/// The run's events after `after`, then each new one as it happens, until `done`.
pub fn stream(
    slot: Arc<RunSlot>,
    after: u64,
) -> Sse<impl Stream<Item = Result<SseEvent, Infallible>>> {
    let rx = slot.version.subscribe();
    let stream = futures_util::stream::unfold(
        (slot, after, rx, false),
        |(slot, mut next, mut rx, ended)| async move {
            if ended {
                return None;
            }
            loop {
                rx.borrow_and_update();
                let (found, settled) = {
                    let state = lock(&slot.state);
                    let found = state.events.iter().find(|e| e.id > next).cloned();
                    (found, !matches!(state.status, "running" | "suspended"))
                };
                if let Some(event) = found {
                    next = event.id;
                    let done = event.kind == "done";
                    return Some((Ok(sse(&event)), (slot, next, rx, done)));
                }
                // A run that ended before this daemon started has no events to wait for.
                if settled {
                    return None;
                }
                if rx.changed().await.is_err() {
                    return None;
                }
            }
        },
    );
    Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
}

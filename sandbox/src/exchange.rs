//! Talking to a tool process over its pipes, so that nothing the process does with them can
//! block the engine past the call's timeout or fill its memory.
//!
//! The pieces, each on a thread of its own: a [`StdinWriter`] (a process that never reads its
//! input cannot block the caller), a capped stdout reader (whole output for a one-shot tool,
//! [`read_lines`] for a line protocol), and a [`StderrTail`] that reads stderr to the end —
//! a process must never die of a full stderr pipe — and keeps only its last bytes.
//! [`Jailed::exchange`] puts them together for a process that gets one request and gives one
//! response; a long-lived server (MCP) uses the pieces directly.

use crate::event::{Limit, SandboxEvent};
use crate::spawn::{Halt, Jailed, Wait};
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::process::ExitStatus;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// How much of a process's stderr is kept (the rest is read and dropped).
pub const STDERR_TAIL: usize = 64 << 10;

/// The most characters of a stderr line quoted in a message.
pub const LINE_CHARS: usize = 300;

/// How long the readers may take to see the end of the pipes once every process of the call
/// is dead: only a process that escaped the call's process group without a cgroup to hold
/// it keeps them open longer.
const DRAIN: Duration = Duration::from_secs(2);

/// Writes to a process's stdin from a thread of its own. Dropping it (or [`close`]) closes
/// stdin once what was sent is written. A broken pipe ends the thread quietly: the process
/// is going, and its readers or its exit status say so.
///
/// [`close`]: StdinWriter::close
pub struct StdinWriter {
    queue: Option<Sender<Vec<u8>>>,
}

impl StdinWriter {
    pub fn spawn(mut stdin: impl Write + Send + 'static) -> StdinWriter {
        let (queue, outgoing) = mpsc::channel::<Vec<u8>>();
        std::thread::spawn(move || {
            // The process may close its stdin (exit, never read) before the request is
            // written: that must fail this write, not kill the engine.
            crate::kernel::block_sigpipe_in_this_thread();
            for bytes in outgoing {
                if stdin
                    .write_all(&bytes)
                    .and_then(|()| stdin.flush())
                    .is_err()
                {
                    return;
                }
            }
        });
        StdinWriter { queue: Some(queue) }
    }

    /// Queues `bytes` for the process; false once the writer has stopped (a broken pipe).
    pub fn send(&self, bytes: Vec<u8>) -> bool {
        self.queue.as_ref().is_some_and(|q| q.send(bytes).is_ok())
    }

    /// Closes stdin after what was queued: how a process is told there is no more input.
    pub fn close(&mut self) {
        self.queue = None;
    }
}

/// The end of a stream: its last bytes, and how many before them were dropped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tail {
    pub bytes: Vec<u8>,
    pub dropped: u64,
}

impl Tail {
    /// Whether the start of the stream was dropped to keep this tail.
    pub fn was_cut(&self) -> bool {
        self.dropped > 0
    }

    /// The last line that is not blank, for a message: at most [`LINE_CHARS`] characters,
    /// with `…` where it was cut (its start lost with the dropped bytes, its end clipped).
    pub fn last_line(&self) -> Option<String> {
        let text = String::from_utf8_lossy(&self.bytes);
        let mut lines = text.lines().map(str::trim);
        let line = lines.rfind(|l| !l.is_empty())?;
        // The first kept line may have begun in the dropped bytes.
        let began_earlier =
            self.was_cut() && lines.next().is_none() && !self.bytes.starts_with(b"\n");
        let mut out = String::new();
        if began_earlier {
            out.push('…');
        }
        match line.char_indices().nth(LINE_CHARS) {
            Some((cut, _)) => {
                out.push_str(&line[..cut]);
                out.push_str("… (cut at 300 characters)");
            }
            None => out.push_str(line),
        }
        Some(out)
    }
}

#[derive(Default)]
struct TailState {
    kept: VecDeque<u8>,
    dropped: u64,
    closed: bool,
}

/// Reads a stream to its end on a thread of its own, keeping its last bytes.
#[derive(Clone)]
pub struct StderrTail {
    state: Arc<(Mutex<TailState>, Condvar)>,
}

impl StderrTail {
    /// Starts reading `stream`; the last `keep` bytes are kept.
    pub fn spawn(mut stream: impl Read + Send + 'static, keep: usize) -> StderrTail {
        let state = Arc::new((Mutex::new(TailState::default()), Condvar::new()));
        let sink = state.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                let n = match stream.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => n,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(_) => break,
                };
                let (lock, _) = &*sink;
                let mut s = lock.lock().unwrap_or_else(|e| e.into_inner());
                s.kept.extend(buf.get(..n).unwrap_or_default());
                let excess = s.kept.len().saturating_sub(keep);
                s.kept.drain(..excess);
                s.dropped += excess as u64;
            }
            let (lock, closed) = &*sink;
            lock.lock().unwrap_or_else(|e| e.into_inner()).closed = true;
            closed.notify_all();
        });
        StderrTail { state }
    }

    /// What was read so far.
    pub fn snapshot(&self) -> Tail {
        let s = self.lock();
        Tail {
            bytes: s.kept.iter().copied().collect(),
            dropped: s.dropped,
        }
    }

    /// Whether the stream has ended.
    pub fn closed(&self) -> bool {
        self.lock().closed
    }

    /// Waits until the stream has ended, or `until`; true when it has ended.
    pub fn wait_closed(&self, until: Instant) -> bool {
        let (lock, cv) = &*self.state;
        let mut s = lock.lock().unwrap_or_else(|e| e.into_inner());
        while !s.closed {
            let left = until.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            s = cv
                .wait_timeout(s, left)
                .map(|(s, _)| s)
                .unwrap_or_else(|e| e.into_inner().0);
        }
        true
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, TailState> {
        self.state.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// One line of a line protocol, as [`read_lines`] hands it over.
pub enum Line {
    /// A line without its newline.
    Text(Vec<u8>),
    /// A line longer than the cap; it was read to its end and dropped.
    TooLong,
    /// The stream ended (or could not be read).
    Closed,
}

/// Reads `stream` line by line, handing each to `deliver` until it returns false or the
/// stream ends (then [`Line::Closed`] is the last thing delivered). A line longer than
/// `max_line` bytes is never held whole: it is skipped and reported as [`Line::TooLong`].
pub fn read_lines(stream: impl Read, max_line: usize, mut deliver: impl FnMut(Line) -> bool) {
    let mut r = BufReader::with_capacity(64 << 10, stream);
    loop {
        let mut line = Vec::new();
        let read = (&mut r)
            .take(max_line as u64 + 1)
            .read_until(b'\n', &mut line);
        let next = match read {
            Ok(0) => Line::Closed,
            Ok(_) if line.len() > max_line && line.last() != Some(&b'\n') => {
                drop(line);
                if !skip_line(&mut r) {
                    deliver(Line::TooLong);
                    deliver(Line::Closed);
                    return;
                }
                Line::TooLong
            }
            Ok(_) => {
                if line.last() == Some(&b'\n') {
                    line.pop();
                }
                Line::Text(line)
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => Line::Closed,
        };
        let closed = matches!(next, Line::Closed);
        if !deliver(next) || closed {
            return;
        }
    }
}

/// Discards the rest of an overlong line. False at the end of the stream.
fn skip_line(r: &mut impl BufRead) -> bool {
    loop {
        let (found, used) = match r.fill_buf() {
            Ok([]) => return false,
            Ok(buf) => match buf.iter().position(|&b| b == b'\n') {
                Some(i) => (true, i + 1),
                None => (false, buf.len()),
            },
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => return false,
        };
        r.consume(used);
        if found {
            return true;
        }
    }
}

/// Reads a whole stream on a thread of its own, up to `cap` bytes: one byte more sets
/// `overflowed` and stops reading (the process then gets a broken pipe, if it lives on).
fn read_capped(
    mut stream: impl Read + Send + 'static,
    cap: usize,
    overflowed: Arc<AtomicBool>,
) -> Receiver<Vec<u8>> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut out = Vec::new();
        let _ = (&mut stream).take(cap as u64 + 1).read_to_end(&mut out);
        if out.len() > cap {
            overflowed.store(true, Ordering::SeqCst);
            out.truncate(cap);
        }
        let _ = tx.send(out);
    });
    rx
}

/// How an exchange ended.
#[derive(Debug)]
pub enum Ending {
    /// The main process exited (its status); its stdout was read to the end.
    Exited(ExitStatus),
    /// Past the timeout; everything it started was killed.
    TimedOut(Duration),
    /// `check` said to stop it (the reason); everything it started was killed.
    Stopped(String),
    /// It printed more than the stdout cap (the cap); everything it started was killed.
    OutputTooLarge(usize),
    /// It exited, but something it started kept its stdout open past the end of the call.
    OutputLeftOpen,
    /// Waiting for it failed (the system's error).
    WaitFailed(String),
}

/// What one request to a process gave.
#[derive(Debug)]
pub struct Exchange {
    pub ending: Ending,
    /// Its stdout (complete when `ending` is `Exited`).
    pub stdout: Vec<u8>,
    /// The end of its stderr, which was read to its end.
    pub stderr: Tail,
    /// The call's sandbox events, in order (the fence first).
    pub events: Vec<SandboxEvent>,
}

impl Jailed {
    /// Gives the process one request: writes `request` on its stdin and closes it, reads its
    /// stdout (at most `max_stdout` bytes) and its stderr (to the end, keeping the last
    /// [`STDERR_TAIL`] bytes) while it runs, and waits for it. Past the profile's timeout,
    /// when `check` names a reason to stop it, or as soon as stdout passes its cap, everything
    /// it started is killed. Then the call is finished ([`Jailed::finish`]).
    pub fn exchange(
        mut self,
        request: Vec<u8>,
        max_stdout: usize,
        check: &mut dyn FnMut() -> Option<String>,
    ) -> Exchange {
        let mut writer = self.child.stdin.take().map(StdinWriter::spawn);
        if let Some(w) = &mut writer {
            w.send(request);
            w.close();
        }
        let overflowed = Arc::new(AtomicBool::new(false));
        let stdout = self
            .child
            .stdout
            .take()
            .map(|s| read_capped(s, max_stdout, overflowed.clone()));
        let stderr = self
            .child
            .stderr
            .take()
            .map(|s| StderrTail::spawn(s, STDERR_TAIL));
        let timeout = self.timeout();
        let waited = self.wait_or_halt(timeout, &mut || {
            if overflowed.load(Ordering::SeqCst) {
                Some(Halt::Overflow(max_stdout))
            } else {
                check().map(Halt::Rule)
            }
        });
        let status = match &waited {
            Ok(Wait::Exited(status)) => Some(*status),
            _ => None,
        };
        let mut events = self.finish(status);
        let drained = Instant::now() + DRAIN;
        let out = stdout.and_then(|rx| {
            rx.recv_timeout(drained.saturating_duration_since(Instant::now()))
                .ok()
        });
        let err = stderr.map(|t| {
            t.wait_closed(drained);
            t.snapshot()
        });
        let ending = match waited {
            _ if overflowed.load(Ordering::SeqCst) => {
                if !events.iter().any(|e| {
                    matches!(
                        e,
                        SandboxEvent::LimitHit {
                            limit: Limit::Output,
                            ..
                        }
                    )
                }) {
                    events.push(output_limit_hit(max_stdout));
                }
                Ending::OutputTooLarge(max_stdout)
            }
            Ok(Wait::Exited(_)) if out.is_none() => Ending::OutputLeftOpen,
            Ok(Wait::Exited(status)) => Ending::Exited(status),
            Ok(Wait::TimedOut) => Ending::TimedOut(timeout),
            Ok(Wait::Stopped(reason)) => Ending::Stopped(reason),
            Err(e) => Ending::WaitFailed(e.to_string()),
        };
        Exchange {
            ending,
            stdout: out.unwrap_or_default(),
            stderr: err.unwrap_or_default(),
            events,
        }
    }
}

/// The event of a process stopped for printing more than `cap` bytes.
pub(crate) fn output_limit_hit(cap: usize) -> SandboxEvent {
    SandboxEvent::LimitHit {
        limit: Limit::Output,
        detail: format!(
            "printed more than {cap} bytes on stdout; everything it started was killed"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tail(bytes: &[u8], dropped: u64) -> Tail {
        Tail {
            bytes: bytes.to_vec(),
            dropped,
        }
    }

    #[test]
    fn the_last_line_skips_blank_ones_and_says_where_it_was_cut() {
        assert_eq!(
            tail(b"a\nboom\n\n  \n", 0).last_line().as_deref(),
            Some("boom")
        );
        assert_eq!(tail(b"\n\n", 0).last_line(), None);
        assert_eq!(
            tail(b"xxboom\n", 10).last_line().as_deref(),
            Some("…xxboom")
        );
        assert_eq!(tail(b"\nboom\n", 10).last_line().as_deref(), Some("boom"));
        let long = format!("{}\n", "y".repeat(1000));
        let line = tail(long.as_bytes(), 0).last_line().unwrap_or_default();
        assert!(line.starts_with(&"y".repeat(300)), "{line}");
        assert!(line.ends_with("… (cut at 300 characters)"), "{line}");
    }

    #[test]
    fn stderr_is_read_to_the_end_and_its_tail_kept() {
        let mut input = vec![b'x'; 200_000];
        input.extend_from_slice(b"\nlast words\n");
        let t = StderrTail::spawn(std::io::Cursor::new(input), 1000);
        assert!(t.wait_closed(Instant::now() + Duration::from_secs(5)));
        let got = t.snapshot();
        assert_eq!(got.bytes.len(), 1000);
        assert_eq!(got.dropped, 200_012 - 1000);
        assert_eq!(got.last_line().as_deref(), Some("last words"));
    }

    #[test]
    fn overlong_lines_are_dropped_whole() {
        let mut input = vec![b'x'; 100];
        input.extend_from_slice(b"\nshort\n");
        input.extend_from_slice(&[b'y'; 100]);
        let mut got = Vec::new();
        read_lines(&input[..], 50, |l| {
            got.push(match l {
                Line::Text(t) => String::from_utf8_lossy(&t).into_owned(),
                Line::TooLong => "too long".into(),
                Line::Closed => "closed".into(),
            });
            true
        });
        assert_eq!(got, ["too long", "short", "too long", "closed"]);
    }
}

//! The bytes the thread running a plan holds, when the program counts them.
//!
//! The interpreter's own accounting ([`crate::Limits::max_alloc_bytes`], charged before each
//! allocation) estimates what strings and containers cost; it cannot see the derivation graph,
//! tool results, the record's buffers or what each container really takes. A program that
//! installs a counting global allocator (the `bactrian` binary does) reports every allocation
//! and release here, and a run then also stops when its thread holds more than the limit.
//! Without one, every count stays zero and only the estimate applies.

use std::cell::Cell;

thread_local! {
    /// Bytes allocated minus bytes released by this thread (it can go below zero when the
    /// thread frees what another allocated).
    static LIVE: Cell<i64> = const { Cell::new(0) };
}

/// Records that this thread allocated `bytes`.
#[inline]
pub fn note_alloc(bytes: usize) {
    // `try_with`: an allocation during the thread's teardown must not fail.
    let _ = LIVE.try_with(|live| live.set(live.get().wrapping_add(bytes as i64)));
}

/// Records that this thread released `bytes`.
#[inline]
pub fn note_free(bytes: usize) {
    let _ = LIVE.try_with(|live| live.set(live.get().wrapping_sub(bytes as i64)));
}

/// What this thread holds, by the counts reported (zero when nothing reports).
pub fn live_bytes() -> i64 {
    LIVE.try_with(Cell::get).unwrap_or(0)
}

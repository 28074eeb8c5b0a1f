//! Reference cycles are freed when a run ends: a process that runs plan after plan (a
//! service) must not keep what each plan's cycles held. This test binary counts every byte
//! it holds (the run evaluates on a thread of its own, so the count is process-wide).

mod common;

use common::*;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicI64, Ordering};

static LIVE: AtomicI64 = AtomicI64::new(0);

/// The count is process-wide: the tests measure one at a time.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

struct Counting;

// SAFETY: every call is forwarded to the system allocator unchanged; only counts are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as i64, Ordering::Relaxed);
        // SAFETY: the caller's contract is passed on as it is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as i64, Ordering::Relaxed);
        // SAFETY: `ptr` came from `alloc` above, with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// What this thread still holds after running `src` and dropping everything it returned.
fn held_after(src: &str) -> i64 {
    let before = LIVE.load(Ordering::Relaxed);
    let outcome = run(src);
    assert!(outcome.error.is_none(), "{:?}", outcome.error);
    drop(outcome);
    LIVE.load(Ordering::Relaxed) - before
}

/// The same, for a plan that may end in an error (a fuzzer's input).
fn held_after_any_end(src: &str) -> i64 {
    let before = LIVE.load(Ordering::Relaxed);
    drop(run(src));
    LIVE.load(Ordering::Relaxed) - before
}

#[test]
fn cycles_made_by_a_plan_are_freed_when_it_ends() {
    let _alone = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    // Each turn makes a list that holds itself, a parent and child that point at each
    // other, an object with a field that holds it, and a nested function that calls itself
    // (its cell holds it): about 2 KB a turn that only cycles keep alive.
    let src = r#"
        class Node(BaseModel):
            name: str
            links: list

        def make_counter():
            def count(n):
                return 0 if n == 0 else 1 + count(n - 1)
            return count

        kept = 0
        for i in range(3000):
            xs = [i]
            xs.append(xs)
            parent = {"name": "p", "children": []}
            child = {"name": "c", "parent": parent}
            parent["children"].append(child)
            node = Node(name="n", links=[])
            node.links.append(node)
            kept += make_counter()(3)
        print(kept)
    "#;
    // Warm up once: the first run fills tables that live for the process.
    held_after(src);
    let held = held_after(src);
    assert!(
        held < 256 << 10,
        "the run left {held} bytes behind (cycles not freed)"
    );
}

#[test]
fn the_leaks_the_run_fuzzer_found_stay_fixed() {
    let _alone = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    // Each kept input of the `run` fuzz target (fuzz/regressions/run/): once warmed up,
    // its runs leave nothing behind.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/regressions/run");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("fuzz/regressions/run") {
        let path = entry.expect("a directory entry").path();
        let Ok(src) = std::fs::read_to_string(&path) else {
            continue;
        };
        held_after_any_end(&src);
        // A leak of a few hundred bytes a run shows over a hundred runs.
        let held: i64 = (0..100).map(|_| held_after_any_end(&src)).sum();
        assert!(
            held < 16 << 10,
            "{} left {held} bytes behind",
            path.display()
        );
        seen += 1;
    }
    assert!(seen > 0, "no inputs in {}", dir.display());
}

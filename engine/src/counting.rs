//! A global allocator that reports what each thread allocates and releases to
//! [`bactrian_interpreter::memory`], so that a run stops at its memory limit by what it really
//! holds: the derivation graph, tool results and containers at their true size. A program that
//! runs plans installs it around its allocator:
//!
//! ```ignore
//! #[global_allocator]
//! static ALLOCATOR: bactrian_engine::CountingAllocator<std::alloc::System> =
//!     bactrian_engine::CountingAllocator(std::alloc::System);
//! ```

use bactrian_interpreter::memory::{note_alloc, note_free};
use std::alloc::{GlobalAlloc, Layout};

/// Wraps an allocator `A`, counting bytes per thread.
pub struct CountingAllocator<A>(pub A);

// SAFETY: every method forwards to `A` with the caller's arguments unchanged, so `A`'s
// guarantees hold; the counting only updates a const-initialized thread-local `Cell`, which
// neither allocates nor unwinds.
unsafe impl<A: GlobalAlloc> GlobalAlloc for CountingAllocator<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded as is (see above).
        let ptr = unsafe { self.0.alloc(layout) };
        if !ptr.is_null() {
            note_alloc(layout.size());
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded as is.
        let ptr = unsafe { self.0.alloc_zeroed(layout) };
        if !ptr.is_null() {
            note_alloc(layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded as is.
        unsafe { self.0.dealloc(ptr, layout) };
        note_free(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded as is.
        let new = unsafe { self.0.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            note_free(layout.size());
            note_alloc(new_size);
        }
        new
    }
}

/// What a run may hold under the process's address-space limit (`ulimit -v`, `RLIMIT_AS`),
/// if one is set: two fifths of it. The rest is for what is reserved but not used (the plan
/// thread's stack, the allocator's arenas, the binary), so that the run stops at its memory
/// limit with a clear error before an allocation fails and aborts the process.
pub fn address_space_budget() -> Option<u64> {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: `getrlimit` writes only the `rlimit` it is given, a valid local.
    if unsafe { libc::getrlimit(libc::RLIMIT_AS, &mut limit) } != 0 {
        return None;
    }
    if limit.rlim_cur == libc::RLIM_INFINITY {
        return None;
    }
    let cap: u64 = limit.rlim_cur;
    Some(cap / 5 * 2)
}

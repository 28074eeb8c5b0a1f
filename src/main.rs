//! The `bactrian` command line.

// Errors, not panics, outside tests: nothing a plan, a config or a tool sends can abort.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]
// `main` is the C entry point, without Rust's runtime set-up (see `main`).
#![cfg_attr(not(test), no_main)]
mod allocator;
mod cli;
mod serve;

/// mimalloc instead of the system allocator: a plan allocates and frees a small object for
/// most operations (strings, dict entries, frames), and glibc's malloc and free took a third
/// of the run of string-heavy plans. Counted, so that a run stops at its memory limit by
/// what it really holds.
#[global_allocator]
static ALLOCATOR: bactrian_engine::CountingAllocator<allocator::Allocator> =
    bactrian_engine::CountingAllocator(allocator::Allocator);

/// The allocator's first arena (64 MiB), mapped here in 4 KiB pages only: a run faults in
/// what it touches, and never waits for a huge page. When memory is fragmented (as it is
/// for a while after a large process exits), the kernel compacts memory to make a fresh
/// 2 MiB page on the fault itself: after a 1.2 GB process exited, dict_records took 100 ms
/// (median of 7) with huge pages against 54 ms without and CPython's 62, string_building 58
/// against 26 (bench/README.md, round 11). A heap that outgrows this arena goes on in arenas
/// mimalloc maps and advises for huge pages (where a large heap's fewer faults pay).
/// Installed before `main`, before the first allocation (Rust's runtime allocates before
/// `main`, and mimalloc maps its first arena on the first allocation).
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static INSTALL_FIRST_ARENA: extern "C" fn() = first_arena::install;

#[cfg(target_os = "linux")]
mod first_arena {
    use std::ffi::c_void;

    /// The arena's size. mimalloc reserves 1 GiB for its first arena, but an arena's
    /// bookkeeping (a bitmap per size class and state, ~190 KiB for 1 GiB, written when the
    /// arena is set up) grows with it: at 64 MiB it is 16 times smaller, 3 pages instead of
    /// 45 to fault in. A heap that outgrows it goes on in arenas mimalloc maps (1 GiB each,
    /// advised for huge pages).
    const ARENA_SIZE: usize = 64 << 20;

    type CommitFun = unsafe extern "C" fn(bool, *mut c_void, usize, *mut bool, *mut c_void) -> bool;

    extern "C" {
        fn mi_process_init();
        #[allow(clippy::too_many_arguments)]
        fn mi_manage_memory(
            start: *mut c_void,
            size: usize,
            is_committed: bool,
            is_pinned: bool,
            is_zero: bool,
            numa_node: libc::c_int,
            exclusive: bool,
            commit_fun: Option<CommitFun>,
            commit_fun_arg: *mut c_void,
            arena_id: *mut *mut c_void,
        ) -> bool;
    }

    /// Maps the arena and hands it to mimalloc. When the kernel or mimalloc refuses, nothing
    /// is left mapped and mimalloc maps its own arenas, as without this.
    pub extern "C" fn install() {
        // SAFETY: `mi_process_init` is idempotent and may be called before mimalloc's own
        // constructor (it is what that constructor calls first).
        unsafe { mi_process_init() };
        // SAFETY: a new private anonymous mapping at an address of the kernel's choosing
        // touches no existing memory.
        let start = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                ARENA_SIZE,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
                -1,
                0,
            )
        };
        if start == libc::MAP_FAILED {
            return;
        }
        // 4 KiB pages even where the system gives huge pages unasked (`always`).
        // SAFETY: advice over the mapping just made; it changes no content, and on an
        // error the system's default stands.
        unsafe { libc::madvise(start, ARENA_SIZE, libc::MADV_NOHUGEPAGE) };
        // SAFETY: the range is ours, mapped above, readable, writable and zero; mimalloc
        // owns it from here on (it is never unmapped) and asks `commit` before using a part
        // of it.
        let managed = unsafe {
            mi_manage_memory(
                start,
                ARENA_SIZE,
                false,
                false,
                true,
                -1,
                false,
                Some(commit),
                std::ptr::null_mut(),
                std::ptr::null_mut(),
            )
        };
        if !managed {
            // SAFETY: the mapping made above, which mimalloc declined and nothing uses.
            unsafe { libc::munmap(start, ARENA_SIZE) };
        }
    }

    /// mimalloc's commit hook for the arena. Committing needs nothing (the mapping is
    /// readable and writable, pages come on first touch). Decommitting gives the pages back
    /// to the kernel (`MADV_DONTNEED`, as mimalloc purges on Linux), and the range stays
    /// usable, so it needs no recommit (`false`).
    unsafe extern "C" fn commit(
        commit: bool,
        start: *mut c_void,
        size: usize,
        _is_zero: *mut bool,
        _arg: *mut c_void,
    ) -> bool {
        if !commit {
            // SAFETY: mimalloc purges a range of its arena that no block in use lies in; an
            // error leaves the pages as they were.
            unsafe { libc::madvise(start, size, libc::MADV_DONTNEED) };
            return false;
        }
        true
    }
}

/// The process's entry point, called by the C library, without Rust's runtime set-up
/// (`std::rt::lang_start`): that set-up finds the main thread's stack guard by reading and
/// parsing /proc/self/maps (`pthread_getattr_np`), ~0.1 ms of a 5 ms run, for a handler
/// that names the thread when a stack overflows (the plan runs on its own thread, whose
/// depth the interpreter bounds). What else it does is done here: standard descriptors
/// that are closed are opened on /dev/null (so that no file the run opens becomes stdout),
/// and SIGPIPE's action is set. `std::env::args` does not depend on it (glibc hands the
/// arguments to std's own constructor).
#[cfg(not(test))]
#[no_mangle]
pub extern "C" fn main(_argc: libc::c_int, _argv: *const *const libc::c_char) -> libc::c_int {
    open_closed_std_fds();
    run()
}

#[cfg(test)]
fn main() {
    run();
}

/// Opens /dev/null on each of the descriptors 0, 1 and 2 that is closed, as Rust's runtime
/// does before `main`.
#[cfg(not(test))]
fn open_closed_std_fds() {
    let mut fds = [0, 1, 2].map(|fd| libc::pollfd {
        fd,
        events: 0,
        revents: 0,
    });
    // SAFETY: `poll` reads and writes only the three `pollfd`s given, with no wait.
    let polled = unsafe { libc::poll(fds.as_mut_ptr(), 3, 0) };
    if polled < 0 {
        return;
    }
    for pfd in fds {
        if pfd.revents & libc::POLLNVAL != 0 {
            // SAFETY: opening a path from a C string literal; the new descriptor is the
            // lowest free one, the closed standard one.
            let _ = unsafe { libc::open(c"/dev/null".as_ptr(), libc::O_RDWR) };
        }
    }
}

fn run() -> ! {
    // Die quietly on a closed pipe (`bactrian graph ... | head`), as Unix tools do, instead
    // of failing a write.
    // SAFETY: restoring SIGPIPE's default action before any thread starts has no
    // preconditions.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let code = cli::main();
    // Leave at once, without the C library's exit: what a command writes is written by now
    // (files are closed, the record finished, stderr unbuffered) but for stdout's buffer,
    // flushed here; what is left is mimalloc's teardown, which collects every heap and gives
    // its pages back one range at a time, work the kernel does anyway when the process ends.
    let _ = std::io::Write::flush(&mut std::io::stdout());
    // SAFETY: `_exit` ends the process; nothing after it runs, and Rust statics are never
    // dropped at exit anyway.
    unsafe { libc::_exit(code) }
}

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
mod cli;

/// mimalloc instead of the system allocator: a plan allocates and frees a small object for
/// most operations (strings, dict entries, frames), and glibc's malloc and free took a third
/// of the run of string-heavy plans. Counted, so that a run stops at its memory limit by
/// what it really holds.
#[global_allocator]
static ALLOCATOR: bactrian_engine::CountingAllocator<mimalloc::MiMalloc> =
    bactrian_engine::CountingAllocator(mimalloc::MiMalloc);

/// No transparent huge pages: mimalloc asks for them on its segments, and the kernel then
/// zeroes 2 MiB for each one a run touches at all (`print(1)` held 16 MB instead of 10, and
/// zeroing them was a fifth of a small plan's run). This is what mimalloc's `allow_thp=0`
/// option does, which it reads from the environment only; it must happen before mimalloc's
/// first segment, so it runs as a constructor ordered before mimalloc's (priority 101).
/// Tools inherit it; it changes no result.
extern "C" fn disable_transparent_huge_pages() {
    // SAFETY: prctl with PR_SET_THP_DISABLE reads no memory; an error leaves THP as it was.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

#[used]
#[unsafe(link_section = ".init_array.00100")]
static DISABLE_THP_BEFORE_MIMALLOC: extern "C" fn() = disable_transparent_huge_pages;

fn main() {
    // Die quietly on a closed pipe (`bactrian graph ... | head`), as Unix tools do, instead
    // of failing a write.
    // SAFETY: restoring SIGPIPE's default action before any thread starts has no
    // preconditions.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    std::process::exit(cli::main());
}

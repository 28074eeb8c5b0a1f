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
mod serve;

/// mimalloc instead of the system allocator: a plan allocates and frees a small object for
/// most operations (strings, dict entries, frames), and glibc's malloc and free took a third
/// of the run of string-heavy plans. Counted, so that a run stops at its memory limit by
/// what it really holds.
#[global_allocator]
static ALLOCATOR: bactrian_engine::CountingAllocator<mimalloc::MiMalloc> =
    bactrian_engine::CountingAllocator(mimalloc::MiMalloc);

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

//! The `bactrian` command line.
mod cli;

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

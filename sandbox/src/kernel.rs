//! The system calls the sandbox makes, each behind a safe function. Everything called from
//! the child between fork and exec (`in_child_*`) only makes system calls: no allocation, no
//! locks, as `pre_exec` requires.

use std::io;
use std::os::fd::{FromRawFd, OwnedFd};

/// The Landlock ABI the kernel offers (0: none). Landlock came in Linux 5.13 (ABI 1); TCP
/// rules need ABI 4 (6.7); signal and abstract-socket scoping ABI 6 (6.12).
pub fn landlock_abi() -> u32 {
    const LANDLOCK_CREATE_RULESET_VERSION: libc::c_uint = 1;
    // SAFETY: with a null attribute, size 0 and the VERSION flag the kernel only returns the
    // ABI number (or fails with ENOSYS/EOPNOTSUPP); no memory is read or written.
    let abi = unsafe {
        libc::syscall(
            libc::SYS_landlock_create_ruleset,
            std::ptr::null::<libc::c_void>(),
            0usize,
            LANDLOCK_CREATE_RULESET_VERSION,
        )
    };
    u32::try_from(abi).unwrap_or(0)
}

/// Whether this process runs as root (and may create network namespaces and cgroups).
pub fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

fn check(ret: libc::c_int) -> io::Result<()> {
    if ret == -1 {
        Err(io::Error::last_os_error())
    } else {
        Ok(())
    }
}

/// A resource limit to set in the child.
#[derive(Debug, Clone, Copy)]
pub struct Rlimit {
    pub resource: libc::__rlimit_resource_t,
    pub soft: u64,
    pub hard: u64,
}

/// Sets one rlimit. Lowering a limit needs no privilege.
pub fn in_child_setrlimit(limit: &Rlimit) -> io::Result<()> {
    let value = libc::rlimit {
        rlim_cur: limit.soft,
        rlim_max: limit.hard,
    };
    // SAFETY: `value` is a valid rlimit that lives across the call.
    check(unsafe { libc::setrlimit(limit.resource, &value) })
}

/// The child dies with SIGKILL when Bactrian does, so no tool outlives the engine.
pub fn in_child_die_with_parent() -> io::Result<()> {
    // SAFETY: PR_SET_PDEATHSIG takes a signal number; no memory is passed.
    check(unsafe { libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL, 0, 0, 0) })
}

/// A network namespace of its own: only a loopback device that is down, so the tool can
/// reach nothing, over TCP, UDP or abstract Unix sockets. Needs CAP_SYS_ADMIN.
pub fn in_child_unshare_network() -> io::Result<()> {
    // SAFETY: unshare takes flags only.
    check(unsafe { libc::unshare(libc::CLONE_NEWNET) })
}

/// Writes `text` to the file at `path` (a NUL-terminated path prepared before fork): used to
/// join a cgroup by writing "0" to its `cgroup.procs`.
pub fn in_child_write_file(path: &std::ffi::CStr, text: &[u8]) -> io::Result<()> {
    // SAFETY: `path` is NUL-terminated; `text` is a valid buffer of its length; the fd is
    // closed on every path.
    unsafe {
        let fd = libc::open(path.as_ptr(), libc::O_WRONLY | libc::O_CLOEXEC);
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        let n = libc::write(fd, text.as_ptr().cast(), text.len());
        let err = io::Error::last_os_error();
        libc::close(fd);
        if n < 0 {
            return Err(err);
        }
    }
    Ok(())
}

/// Drops every capability for good: empties the bounding set, then the inheritable, ambient,
/// permitted and effective sets. After exec even a root tool holds no capability (it cannot
/// mount, load BPF, change owners or override file permissions). Needs CAP_SETPCAP to
/// shrink the bounding set; without it (not root) there is nothing to drop.
pub fn in_child_drop_capabilities() -> io::Result<()> {
    // SAFETY: prctl and capset take integers and a header/data pair that live across the
    // call; capability numbers past the kernel's last one fail with EINVAL, which ends the
    // loop.
    unsafe {
        for cap in 0..64 {
            if libc::prctl(libc::PR_CAPBSET_DROP, cap, 0, 0, 0) == -1 {
                let err = io::Error::last_os_error();
                match err.raw_os_error() {
                    Some(libc::EINVAL) => break,
                    Some(libc::EPERM) => return Ok(()),
                    _ => return Err(err),
                }
            }
        }
        libc::prctl(
            libc::PR_CAP_AMBIENT,
            libc::PR_CAP_AMBIENT_CLEAR_ALL,
            0,
            0,
            0,
        );
        #[repr(C)]
        struct Header {
            version: u32,
            pid: libc::c_int,
        }
        #[repr(C)]
        #[derive(Clone, Copy)]
        struct Data {
            effective: u32,
            permitted: u32,
            inheritable: u32,
        }
        const LINUX_CAPABILITY_VERSION_3: u32 = 0x2008_0522;
        let mut header = Header {
            version: LINUX_CAPABILITY_VERSION_3,
            pid: 0,
        };
        let data = [Data {
            effective: 0,
            permitted: 0,
            inheritable: 0,
        }; 2];
        check(libc::syscall(libc::SYS_capset, &mut header, data.as_ptr()) as libc::c_int)
    }
}

/// Marks every descriptor from 3 up close-on-exec, so the tool inherits only its stdin,
/// stdout and stderr — not whatever Bactrian itself inherited or opened without
/// `O_CLOEXEC`. `close_range(2)` with `CLOSE_RANGE_CLOEXEC` (Linux 5.11); on older kernels,
/// `fcntl` on each descriptor below the open-files limit.
pub fn in_child_cloexec_from_3() -> io::Result<()> {
    const CLOSE_RANGE_CLOEXEC: libc::c_uint = 1 << 2;
    // SAFETY: close_range takes integers only; fcntl on a descriptor that is not open fails
    // with EBADF, which is fine.
    unsafe {
        if libc::syscall(libc::SYS_close_range, 3u32, u32::MAX, CLOSE_RANGE_CLOEXEC) == 0 {
            return Ok(());
        }
        let mut limit = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        let max = if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 {
            limit.rlim_cur.min(1 << 20) as libc::c_int
        } else {
            1024
        };
        for fd in 3..max {
            libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC);
        }
    }
    Ok(())
}

/// Sets `no_new_privs`: no exec may grant privileges again (setuid bits and file
/// capabilities are ignored). Every tool gets it, with or without Landlock, which needs it.
/// `PR_SET_NO_NEW_PRIVS`: Linux 3.5.
pub fn in_child_no_new_privs() -> io::Result<()> {
    // SAFETY: prctl with integer arguments only.
    check(unsafe { libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) })
}

/// A pipe whose ends close on exec: how a child tells its parent, before it execs the
/// tool, what it could enact.
pub fn pipe_cloexec() -> io::Result<(OwnedFd, OwnedFd)> {
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: pipe2 fills the two descriptors of `fds`, which we then own.
    unsafe {
        check(libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC))?;
        Ok((OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])))
    }
}

/// Writes `bytes` to the descriptor `fd` (a pipe prepared before fork), once.
pub fn in_child_write_fd(fd: libc::c_int, bytes: &[u8]) {
    // SAFETY: `bytes` is a valid buffer of its length. A failed write only loses the report.
    unsafe {
        libc::write(fd, bytes.as_ptr().cast(), bytes.len());
    }
}

/// Lets the ruleset `ruleset` read this process's own `/proc/PID` (what `/proc/self` is in
/// the child), then enacts it (`no_new_privs` must be set already). Only the child knows its pid, so this
/// rule is added here, between fork and exec; every other rule was added in the parent.
/// `landlock_add_rule(2)` and `landlock_restrict_self(2)`: Linux 5.13 (ABI 1).
pub fn in_child_enact_landlock(ruleset: libc::c_int, own_proc_access: u64) -> io::Result<()> {
    const LANDLOCK_RULE_PATH_BENEATH: libc::c_int = 1;
    #[repr(C, packed)]
    struct PathBeneath {
        allowed_access: u64,
        parent_fd: i32,
    }
    // SAFETY: the path is a NUL-terminated literal; `attr` lives across the call; the fd we
    // open is closed on every path.
    unsafe {
        let own = libc::open(
            c"/proc/self".as_ptr(),
            libc::O_PATH | libc::O_DIRECTORY | libc::O_CLOEXEC,
        );
        if own >= 0 {
            let attr = PathBeneath {
                allowed_access: own_proc_access,
                parent_fd: own,
            };
            let added = libc::syscall(
                libc::SYS_landlock_add_rule,
                ruleset,
                LANDLOCK_RULE_PATH_BENEATH,
                &attr as *const PathBeneath,
                0u32,
            );
            let err = io::Error::last_os_error();
            libc::close(own);
            if added != 0 {
                return Err(err);
            }
        }
        check(libc::syscall(libc::SYS_landlock_restrict_self, ruleset, 0u32) as libc::c_int)
    }
}

/// Blocks SIGPIPE in the calling thread, so that a write to a pipe whose reader has gone
/// fails with `EPIPE` instead of killing the process (the CLI restores SIGPIPE's default
/// action for its own stdout). A SIGPIPE a write then raises stays pending on this thread
/// and goes with it.
pub fn block_sigpipe_in_this_thread() {
    // SAFETY: the sets are initialised by sigemptyset before use and live across the calls.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGPIPE);
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
    }
}

/// Signals every process of a process group.
pub fn kill_group(pgid: u32, signal: libc::c_int) {
    let Ok(pgid) = i32::try_from(pgid) else {
        return;
    };
    if pgid <= 1 {
        return; // never the whole system or init
    }
    // SAFETY: kill(2) with a negative pid signals that process group; no memory involved.
    unsafe {
        libc::kill(-pgid, signal);
    }
}

/// Signals one process.
pub fn kill_pid(pid: u32, signal: libc::c_int) {
    let Ok(pid) = i32::try_from(pid) else {
        return;
    };
    if pid <= 1 {
        return;
    }
    // SAFETY: as above, for one process.
    unsafe {
        libc::kill(pid, signal);
    }
}

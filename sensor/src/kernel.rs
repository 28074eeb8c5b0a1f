//! The kernel ABI and the few raw system calls the sensor needs; the only `unsafe` in the crate.
//!
//! What the kernel promises, and since when:
//! - BPF ring buffer records (5.8) arrive whole: a record is visible to the reader only after
//!   the program's `bpf_ringbuf_submit`, with the exact size it reserved. The layouts parsed
//!   here are the structs in `bpf/sensor.bpf.c`, written by the same machine (native byte
//!   order); a record of unknown kind or wrong size is refused, never guessed at.
//! - `bpf_get_current_cgroup_id()` (4.18) is the inode number of the task's cgroup v2
//!   directory: what `stat` on that directory reports.
//! - `task->exit_code` holds the wait(2) status at `sched_process_exit`: the low 7 bits are the
//!   killing signal (0 if none), bits 8..16 the exit status.
//! - poll(2) on a ring buffer map's fd reports it readable when records are waiting;
//!   eventfd(2) (2.6.22) gives the reader thread a second fd to be woken by.

use std::ffi::CString;
use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, FromRawFd, OwnedFd, RawFd};
use std::path::Path;

use crate::{Event, EventKind};

const KIND_EXEC: u32 = 1;
const KIND_CONNECT: u32 = 2;
const KIND_OPEN: u32 = 3;
const KIND_EXIT: u32 = 4;

const HEADER_LEN: usize = 32;
const FILENAME_MAX_LEN: usize = 256;
const ARGS_MAX_LEN: usize = 1024;
const PATH_MAX_LEN: usize = 512;
const EXEC_LEN: usize = HEADER_LEN + 8 + FILENAME_MAX_LEN + ARGS_MAX_LEN;
const CONNECT_LEN: usize = HEADER_LEN + 8 + 16;
const OPEN_LEN: usize = HEADER_LEN + 8 + PATH_MAX_LEN;
const EXIT_LEN: usize = HEADER_LEN;

const AF_INET: u32 = 2;
const AF_INET6: u32 = 10;

/// At most this many arguments are kept from an exec's argv.
pub(crate) const MAX_ARGS: usize = 16;

fn u32_at(b: &[u8], off: usize) -> Option<u32> {
    Some(u32::from_ne_bytes(b.get(off..off + 4)?.try_into().ok()?))
}

fn u64_at(b: &[u8], off: usize) -> Option<u64> {
    Some(u64::from_ne_bytes(b.get(off..off + 8)?.try_into().ok()?))
}

/// A NUL-terminated string in `field`, of which the kernel reported writing `written` bytes.
fn c_string(field: &[u8], written: u32) -> String {
    let written = (written as usize).min(field.len());
    let bytes = field.get(..written).unwrap_or_default();
    let end = bytes.iter().position(|&c| c == 0).unwrap_or(bytes.len());
    String::from_utf8_lossy(bytes.get(..end).unwrap_or_default()).into_owned()
}

/// Decodes one ring buffer record; `None` if it is not one the programs write.
pub(crate) fn parse_record(b: &[u8]) -> Option<Event> {
    let kind = u32_at(b, 0)?;
    let pid = u32_at(b, 4)?;
    let ppid = u32_at(b, 8)?;
    let aux = u32_at(b, 12)?;
    let cgroup_id = u64_at(b, 16)?;
    let ktime_ns = u64_at(b, 24)?;
    let body = b.get(HEADER_LEN..)?;
    let kind = match (kind, b.len()) {
        (KIND_EXEC, EXEC_LEN) => {
            let filename_len = u32_at(body, 0)?;
            let args_len = (u32_at(body, 4)? as usize).min(ARGS_MAX_LEN);
            let filename = c_string(body.get(8..8 + FILENAME_MAX_LEN)?, filename_len);
            let area = body.get(8 + FILENAME_MAX_LEN..8 + FILENAME_MAX_LEN + args_len)?;
            EventKind::Exec {
                filename,
                argv: split_args(area),
            }
        }
        (KIND_CONNECT, CONNECT_LEN) => {
            let port = u16::from_be_bytes(body.get(0..2)?.try_into().ok()?);
            let raw: [u8; 16] = body.get(8..24)?.try_into().ok()?;
            let addr = match aux {
                AF_INET => {
                    let [a, b, c, d, ..] = raw;
                    IpAddr::V4(Ipv4Addr::new(a, b, c, d))
                }
                AF_INET6 => IpAddr::V6(Ipv6Addr::from(raw)),
                _ => return None,
            };
            EventKind::Connect { addr, port }
        }
        (KIND_OPEN, OPEN_LEN) => {
            let path_len = u32_at(body, 0)?;
            EventKind::Open {
                path: c_string(body.get(8..8 + PATH_MAX_LEN)?, path_len),
                flags: aux as i32,
            }
        }
        (KIND_EXIT, EXIT_LEN) => {
            let status = aux as i32;
            let signal = status & 0x7f;
            if signal != 0 {
                EventKind::Exit {
                    code: 128 + signal,
                    signal: Some(signal),
                }
            } else {
                EventKind::Exit {
                    code: (status >> 8) & 0xff,
                    signal: None,
                }
            }
        }
        _ => return None,
    };
    Some(Event {
        cgroup_id,
        pid,
        ppid,
        ktime_ns,
        kind,
    })
}

/// The NUL-separated argv area, first [`MAX_ARGS`] entries; the last may be cut short.
fn split_args(area: &[u8]) -> Vec<String> {
    let area = area.strip_suffix(&[0]).unwrap_or(area);
    if area.is_empty() {
        return Vec::new();
    }
    area.split(|&c| c == 0)
        .take(MAX_ARGS)
        .map(|a| String::from_utf8_lossy(a).into_owned())
        .collect()
}

/// An eventfd the reader thread polls beside the ring buffer, so others can wake it.
#[derive(Debug)]
pub(crate) struct Wakeup(OwnedFd);

impl Wakeup {
    pub(crate) fn new() -> io::Result<Wakeup> {
        // SAFETY: eventfd takes no pointers; a non-negative return is a new fd we now own.
        let fd = unsafe { libc::eventfd(0, libc::EFD_CLOEXEC | libc::EFD_NONBLOCK) };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: fd is a freshly created descriptor owned by nobody else.
        Ok(Wakeup(unsafe { OwnedFd::from_raw_fd(fd) }))
    }

    pub(crate) fn wake(&self) {
        let one: u64 = 1;
        // SAFETY: writes 8 bytes from a live u64 to our own eventfd. A failure (counter
        // saturated, EAGAIN) means a wakeup is already pending, which is all we want.
        unsafe {
            libc::write(
                self.0.as_raw_fd(),
                (&one as *const u64).cast(),
                std::mem::size_of::<u64>(),
            )
        };
    }

    fn clear(&self) {
        let mut value: u64 = 0;
        // SAFETY: reads 8 bytes into a live u64; the fd is non-blocking, EAGAIN is fine.
        unsafe {
            libc::read(
                self.0.as_raw_fd(),
                (&mut value as *mut u64).cast(),
                std::mem::size_of::<u64>(),
            )
        };
    }
}

impl AsFd for Wakeup {
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.0.as_fd()
    }
}

/// Waits until the ring buffer has records or `wakeup` was signalled (which it clears), or
/// `timeout_ms` passed. Interrupted waits return as a timeout; the caller loops anyway.
///
/// `ring` must be an open fd for as long as the call lasts (the caller holds the map).
pub(crate) fn wait_readable(ring: RawFd, wakeup: &Wakeup, timeout_ms: i32) -> io::Result<()> {
    let mut fds = [
        libc::pollfd {
            fd: ring,
            events: libc::POLLIN,
            revents: 0,
        },
        libc::pollfd {
            fd: wakeup.0.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        },
    ];
    // SAFETY: fds is a live array of two pollfd for the duration of the call.
    let n = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, timeout_ms) };
    if n < 0 {
        let err = io::Error::last_os_error();
        if err.kind() == io::ErrorKind::Interrupted {
            return Ok(());
        }
        return Err(err);
    }
    if fds[1].revents & libc::POLLIN != 0 {
        wakeup.clear();
    }
    Ok(())
}

/// Mounts tracefs at `target` (the kernel's own mount point for it since 4.1).
pub(crate) fn mount_tracefs(target: &Path) -> io::Result<()> {
    let target = CString::new(target.as_os_str().as_encoded_bytes())
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "NUL in path"))?;
    let fstype = c"tracefs";
    // SAFETY: all pointers are to NUL-terminated strings that outlive the call; data is NULL.
    let rc = unsafe {
        libc::mount(
            fstype.as_ptr(),
            target.as_ptr(),
            fstype.as_ptr(),
            libc::MS_NOSUID | libc::MS_NODEV | libc::MS_NOEXEC,
            std::ptr::null(),
        )
    };
    if rc != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

pub(crate) fn effective_uid() -> u32 {
    // SAFETY: geteuid has no arguments and cannot fail.
    unsafe { libc::geteuid() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(kind: u32, aux: u32, len: usize) -> Vec<u8> {
        let mut b = vec![0u8; len];
        b[0..4].copy_from_slice(&kind.to_ne_bytes());
        b[4..8].copy_from_slice(&42u32.to_ne_bytes());
        b[8..12].copy_from_slice(&1u32.to_ne_bytes());
        b[12..16].copy_from_slice(&aux.to_ne_bytes());
        b[16..24].copy_from_slice(&7u64.to_ne_bytes());
        b[24..32].copy_from_slice(&99u64.to_ne_bytes());
        b
    }

    #[test]
    fn exec_record() {
        let mut b = header(KIND_EXEC, 0, EXEC_LEN);
        let name = b"/bin/true\0";
        b[32..36].copy_from_slice(&(name.len() as u32).to_ne_bytes());
        let args = b"true\0-x\0";
        b[36..40].copy_from_slice(&(args.len() as u32).to_ne_bytes());
        b[40..40 + name.len()].copy_from_slice(name);
        let a = 40 + FILENAME_MAX_LEN;
        b[a..a + args.len()].copy_from_slice(args);
        let e = parse_record(&b).unwrap();
        assert_eq!((e.pid, e.ppid, e.cgroup_id, e.ktime_ns), (42, 1, 7, 99));
        assert_eq!(
            e.kind,
            EventKind::Exec {
                filename: "/bin/true".into(),
                argv: vec!["true".into(), "-x".into()]
            }
        );
    }

    #[test]
    fn connect_and_exit_records() {
        let mut b = header(KIND_CONNECT, AF_INET, CONNECT_LEN);
        b[32..34].copy_from_slice(&8080u16.to_be_bytes());
        b[40..44].copy_from_slice(&[127, 0, 0, 1]);
        let e = parse_record(&b).unwrap();
        assert_eq!(
            e.kind,
            EventKind::Connect {
                addr: "127.0.0.1".parse().unwrap(),
                port: 8080
            }
        );
        let e = parse_record(&header(KIND_EXIT, 3 << 8, EXIT_LEN)).unwrap();
        assert_eq!(
            e.kind,
            EventKind::Exit {
                code: 3,
                signal: None
            }
        );
        let e = parse_record(&header(KIND_EXIT, 9, EXIT_LEN)).unwrap();
        assert_eq!(
            e.kind,
            EventKind::Exit {
                code: 137,
                signal: Some(9)
            }
        );
    }

    #[test]
    fn refuses_unknown_or_short_records() {
        assert_eq!(parse_record(&[0u8; 8]), None);
        assert_eq!(parse_record(&header(9, 0, EXIT_LEN)), None);
        assert_eq!(parse_record(&header(KIND_OPEN, 0, OPEN_LEN - 1)), None);
        assert_eq!(parse_record(&header(KIND_CONNECT, 1, CONNECT_LEN)), None);
    }

    #[test]
    fn args_are_bounded() {
        let many: Vec<u8> = (0..40)
            .flat_map(|i| format!("a{i}\0").into_bytes())
            .collect();
        assert_eq!(split_args(&many).len(), MAX_ARGS);
        assert_eq!(split_args(b""), Vec::<String>::new());
        assert_eq!(split_args(b"cut-sho"), vec!["cut-sho".to_string()]);
    }
}

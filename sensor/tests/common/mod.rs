//! Test helpers: a cgroup v2 leaf to run children in, and the one sensor of the test process.
#![allow(dead_code)]

use std::ffi::CString;
use std::fs::{File, OpenOptions};
use std::io;
use std::os::fd::AsRawFd;
use std::os::unix::fs::MetadataExt;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::path::PathBuf;
use std::process::{Command, ExitStatus};
use std::sync::{Mutex, MutexGuard, OnceLock};
use std::time::Duration;

use bactrian_sensor::{Sensor, SensorError};

/// The cgroup2 mount point, from /proc/self/mountinfo (`... - cgroup2 ...`).
pub fn cgroup2_mount() -> Option<PathBuf> {
    let info = std::fs::read_to_string("/proc/self/mountinfo").ok()?;
    info.lines().find_map(|line| {
        let (left, right) = line.split_once(" - ")?;
        if right.split_whitespace().next()? != "cgroup2" {
            return None;
        }
        let mount_point = left.split_whitespace().nth(4)?;
        Some(PathBuf::from(unescape(mount_point)))
    })
}

/// mountinfo writes space, tab, newline and backslash as `\ooo`.
fn unescape(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' && i + 4 <= b.len() {
            let digits = std::str::from_utf8(&b[i + 1..i + 4]).unwrap_or("");
            if let Ok(v) = u8::from_str_radix(digits, 8) {
                out.push(v);
                i += 4;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A fresh cgroup v2 leaf; removed on drop.
pub struct Leaf {
    pub path: PathBuf,
    pub id: u64,
    procs: File,
}

impl Leaf {
    pub fn new(name: &str) -> io::Result<Leaf> {
        let root = cgroup2_mount()
            .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "no cgroup2 mount"))?;
        let path = root.join(format!(
            "bactrian-sensor-test-{}-{name}",
            std::process::id()
        ));
        std::fs::create_dir(&path)?;
        let id = std::fs::metadata(&path)?.ino();
        let procs = OpenOptions::new()
            .write(true)
            .open(path.join("cgroup.procs"))?;
        Ok(Leaf { path, id, procs })
    }

    /// A command whose child moves itself into this leaf before it execs.
    pub fn command(&self, program: &str) -> Command {
        let mut cmd = Command::new(program);
        self.enter_before_exec(&mut cmd);
        cmd
    }

    pub fn enter_before_exec(&self, cmd: &mut Command) {
        let fd = self.procs.as_raw_fd();
        // SAFETY: the closure only calls write(2), which is async-signal-safe, on an fd that
        // stays open until exec (it is O_CLOEXEC).
        unsafe {
            cmd.pre_exec(move || enter(fd));
        }
    }

    pub fn procs_fd(&self) -> i32 {
        self.procs.as_raw_fd()
    }
}

/// In a forked child: move the calling process into the cgroup whose cgroup.procs is `fd`.
pub fn enter(fd: i32) -> io::Result<()> {
    // SAFETY: writes one byte from a static buffer.
    if unsafe { libc::write(fd, b"0".as_ptr().cast(), 1) } != 1 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

impl Drop for Leaf {
    fn drop(&mut self) {
        // The children were waited for; a just-exited one may linger for a moment.
        for _ in 0..50 {
            if std::fs::remove_dir(&self.path).is_ok() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        eprintln!("could not remove test cgroup {}", self.path.display());
    }
}

/// The test process's sensor, or `None` (with the reason printed) where the environment
/// cannot load one. Set BACTRIAN_REQUIRE_SENSOR=1 to make that a failure instead.
pub fn sensor() -> Option<&'static Sensor> {
    static SENSOR: OnceLock<Result<Sensor, String>> = OnceLock::new();
    let loaded = SENSOR.get_or_init(|| {
        // SAFETY: geteuid cannot fail.
        if unsafe { libc::geteuid() } != 0 {
            return Err("not root".into());
        }
        if cgroup2_mount().is_none() {
            return Err("no cgroup2 mount".into());
        }
        match Sensor::load() {
            Ok(s) => Ok(s),
            Err(
                e @ (SensorError::NotBuilt
                | SensorError::NotPermitted(_)
                | SensorError::NoBtf
                | SensorError::NoTracepoint(_)
                | SensorError::Tracefs(_)),
            ) => Err(e.to_string()),
            Err(e) => panic!("the sensor failed to load: {e}"),
        }
    });
    match loaded {
        Ok(s) => Some(s),
        Err(reason) => {
            if std::env::var_os("BACTRIAN_REQUIRE_SENSOR").is_some_and(|v| !v.is_empty()) {
                panic!("sensor required but unavailable: {reason}");
            }
            eprintln!("SKIP: sensor unavailable: {reason}");
            None
        }
    }
}

/// Tests that put load on the ring buffer run one at a time, so one's burst cannot make
/// another lose events.
pub fn serial() -> MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    LOCK.lock().unwrap_or_else(|p| p.into_inner())
}

/// Forks a child that enters `leaf`, opens and closes `path` `count` times and `_exit`s
/// without ever exec'ing, so its only events are those opens and its exit.
pub fn open_loop(leaf: &Leaf, path: &Path, count: u64) -> ExitStatus {
    let c_path = CString::new(path.to_string_lossy().into_owned()).expect("no NUL in path");
    let procs = leaf.procs_fd();
    let mut cmd = Command::new("/bin/true");
    // SAFETY: the closure calls only write(2), open(2), close(2) and _exit(2), which are
    // async-signal-safe, on buffers allocated before the fork.
    unsafe {
        cmd.pre_exec(move || {
            enter(procs)?;
            for _ in 0..count {
                let fd = libc::open(c_path.as_ptr(), libc::O_RDONLY | libc::O_CLOEXEC);
                if fd < 0 {
                    libc::_exit(2);
                }
                libc::close(fd);
            }
            libc::_exit(0)
        });
    }
    cmd.status().expect("fork the open loop")
}

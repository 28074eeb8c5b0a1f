//! What a tool may do: the paths it reads and writes, the ports it reaches, its limits.

use std::path::PathBuf;
use std::time::Duration;

/// What to do where the kernel cannot enforce a profile.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Enforce {
    /// Refuse to run the tool (the default).
    #[default]
    Required,
    /// Run it with what the kernel can enforce, and say so in the call's events.
    BestEffort,
}

/// One tool's fence. [`Profile::default`] is the profile a tool gets when nothing is
/// configured: read the system, write only its private working directory, connect nowhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    /// Paths the tool may read (and execute), beyond the system's and its own directory.
    pub read: Vec<PathBuf>,
    /// Paths the tool may read and write, beyond its private working directory.
    pub write: Vec<PathBuf>,
    /// TCP ports it may connect to. None: the tool gets a network namespace of its own.
    pub connect: Vec<u16>,
    /// TCP ports it may bind.
    pub bind: Vec<u16>,
    pub cpu_seconds: u64,
    /// Bytes of memory: the call's cgroup limit where a memory controller is available,
    /// else the address-space rlimit.
    pub memory: u64,
    /// Processes and threads at once: the call's cgroup `pids.max` where available.
    pub processes: u64,
    /// Largest file it may write, in bytes.
    pub file_size: u64,
    /// Wall-clock limit of one call (or of an MCP server's start-up and each request).
    pub timeout: Duration,
    /// Variables passed through from Bactrian's environment; all others are cleared.
    pub env: Vec<String>,
    pub enforce: Enforce,
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            read: Vec::new(),
            write: Vec::new(),
            connect: Vec::new(),
            bind: Vec::new(),
            cpu_seconds: 10,
            memory: 512 << 20,
            processes: 32,
            file_size: 64 << 20,
            timeout: Duration::from_secs(30),
            env: Vec::new(),
            enforce: Enforce::Required,
        }
    }
}

/// Directories every tool may read: the system's programs and libraries, and the few files
/// under /etc that the C library, Python and Node read at start.
pub const SYSTEM_READ: &[&str] = &[
    "/usr",
    "/bin",
    "/sbin",
    "/lib",
    "/lib32",
    "/lib64",
    "/libx32",
    "/etc/ld.so.cache",
    "/etc/ld.so.conf",
    "/etc/ld.so.conf.d",
    "/etc/localtime",
    "/etc/nsswitch.conf",
    "/etc/passwd",
    "/etc/group",
    "/etc/hosts",
    "/etc/host.conf",
    "/etc/resolv.conf",
    "/etc/gai.conf",
    "/etc/ssl",
    "/etc/ca-certificates",
    "/etc/alternatives",
    "/etc/mime.types",
    "/etc/python3",
    "/etc/python3.11",
    "/etc/python3.12",
    "/etc/python3.13",
    // Runtimes read CPU counts, memory and limits. Not the rest of /proc: the other
    // processes' entries (Bactrian's command line holds the user's request). Each tool also
    // reads its own /proc/PID, granted in the child.
    "/proc/cpuinfo",
    "/proc/meminfo",
    "/proc/stat",
    "/proc/loadavg",
    "/proc/uptime",
    "/proc/version",
    "/proc/filesystems",
    "/proc/sys",
    "/sys/devices/system/cpu",
    "/sys/fs/cgroup",
];

/// Device files every tool may read and write.
pub const SYSTEM_DEVICES: &[&str] = &[
    "/dev/null",
    "/dev/zero",
    "/dev/full",
    "/dev/random",
    "/dev/urandom",
];

/// The `PATH` a tool sees unless its profile passes Bactrian's own through.
pub const DEFAULT_PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

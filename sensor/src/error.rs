use std::io;

/// Why the sensor could not load, watch, or take a rule.
#[derive(Debug, thiserror::Error)]
pub enum SensorError {
    #[error(
        "the sensor's eBPF programs were not built into this binary (clang or the libbpf \
         headers were missing at build time); `make` installs clang-19, llvm-19 and \
         libbpf-dev, then rebuild"
    )]
    NotBuilt,

    #[error(
        "loading eBPF programs needs root (or CAP_BPF and CAP_PERFMON); run as root or \
         without the sensor: {0}"
    )]
    NotPermitted(String),

    #[error(
        "the kernel exposes no BTF at /sys/kernel/btf/vmlinux (it needs \
         CONFIG_DEBUG_INFO_BTF=y); the sensor's programs use CO-RE and cannot load"
    )]
    NoBtf,

    #[error("loading the sensor's eBPF object failed: {0}")]
    Load(#[source] aya::EbpfError),

    #[error("the kernel refused eBPF program `{name}`: {source}")]
    Program {
        name: &'static str,
        #[source]
        source: aya::programs::ProgramError,
    },

    #[error("attaching to tracepoint {category}/{name} failed: {source}")]
    Attach {
        category: &'static str,
        name: &'static str,
        #[source]
        source: aya::programs::ProgramError,
    },

    #[error("this kernel has no tracepoint {0} (needs CONFIG_FTRACE_SYSCALLS for syscalls/*)")]
    NoTracepoint(String),

    #[error(
        "tracefs is not mounted and mounting it at /sys/kernel/tracing failed: {0}; mount it \
         with `mount -t tracefs tracefs /sys/kernel/tracing`"
    )]
    Tracefs(#[source] io::Error),

    #[error("eBPF map {name}: {source}")]
    Map {
        name: &'static str,
        #[source]
        source: aya::maps::MapError,
    },

    #[error("a sensor is already loaded in this process; share it (it is Send + Sync)")]
    AlreadyLoaded,

    #[error("cgroup {0} is already watched; finish or drop its Watch first")]
    AlreadyWatched(u64),

    #[error("starting the sensor's reader thread failed: {0}")]
    Reader(#[source] io::Error),

    #[error("rule `{rule}`: {reason}")]
    BadRule { rule: String, reason: String },
}

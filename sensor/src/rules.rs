//! Runtime rules, checked in userspace on each event: a connect to a denied network or port,
//! an open of a denied path, an exec of a denied program.
//!
//! Globs use `globset` with `*` staying within one path component and `**` crossing
//! directories: `**/.ssh/**` matches `/root/.ssh/id_rsa`, `/bin/*sh` matches `/bin/bash` but
//! not `/bin/x/sh`.
//!
//! Relative paths (an open of `.ssh/id_rsa`, an exec of `./tool`) are matched as given and,
//! best effort, joined to the process's working directory read from `/proc/PID/cwd` — which
//! works only while the process is alive and has not changed directory since. Paths opened
//! relative to a directory fd (openat with a dirfd) are matched only as given.

use std::fmt;
use std::net::IpAddr;
use std::path::{Path, PathBuf};

use globset::{GlobBuilder, GlobMatcher};

use crate::{Event, EventKind, SensorError};

/// One runtime rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// Deny connects to addresses in `net` (address, prefix length) and/or to `port`; `None`
    /// matches any. An IPv4 network also matches IPv4-mapped IPv6 addresses (`::ffff:a.b.c.d`).
    DenyConnect {
        net: Option<(IpAddr, u8)>,
        port: Option<u16>,
    },
    /// Deny opening a path matching `glob`.
    DenyOpen { glob: String },
    /// Deny executing a program matching `glob` (checked on the file name and on argv[0],
    /// which for a `#!` script is the interpreter).
    DenyExec { glob: String },
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rule::DenyConnect { net, port } => {
                f.write_str("deny_connect")?;
                if let Some((addr, prefix)) = net {
                    write!(f, " {addr}/{prefix}")?;
                }
                if let Some(port) = port {
                    write!(f, " port {port}")?;
                }
                if net.is_none() && port.is_none() {
                    f.write_str(" any")?;
                }
                Ok(())
            }
            Rule::DenyOpen { glob } => write!(f, "deny_open {glob}"),
            Rule::DenyExec { glob } => write!(f, "deny_exec {glob}"),
        }
    }
}

/// An event that broke a rule.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Violation {
    /// The rule, as written: `deny_open **/.ssh/**`.
    pub rule: String,
    pub event: Event,
    /// The absolute path the rule matched when the event's path was relative and was
    /// resolved against the process's working directory.
    pub resolved: Option<String>,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.event.kind {
            EventKind::Open { path, .. } => write!(f, "opened {path}")?,
            EventKind::Exec { filename, .. } => write!(f, "executed {filename}")?,
            EventKind::Connect { addr, port } => match addr {
                IpAddr::V4(a) => write!(f, "connected to {a}:{port}")?,
                IpAddr::V6(a) => write!(f, "connected to [{a}]:{port}")?,
            },
            EventKind::Exit { .. } => f.write_str("exited")?,
        }
        if let Some(resolved) = &self.resolved {
            write!(f, " (resolved to {resolved})")?;
        }
        write!(f, " (rule {})", self.rule)
    }
}

#[derive(Debug)]
enum Check {
    Connect { net: Option<Net>, port: Option<u16> },
    Open(GlobMatcher),
    Exec(GlobMatcher),
}

/// A network prefix, normalised so that IPv4 and IPv4-mapped IPv6 compare equal.
#[derive(Debug, Clone, Copy)]
struct Net {
    addr: IpAddr,
    prefix: u8,
}

impl Net {
    fn new(addr: IpAddr, prefix: u8) -> Result<Net, String> {
        let max = if addr.is_ipv4() { 32 } else { 128 };
        if prefix > max {
            return Err(format!("prefix /{prefix} is longer than {max} bits"));
        }
        // ::ffff:a.b.c.d/p with p >= 96 is the IPv4 network a.b.c.d/(p-96).
        if let IpAddr::V6(v6) = addr {
            if let (Some(v4), true) = (v6.to_ipv4_mapped(), prefix >= 96) {
                return Ok(Net {
                    addr: IpAddr::V4(v4),
                    prefix: prefix - 96,
                });
            }
        }
        Ok(Net { addr, prefix })
    }

    fn contains(&self, addr: IpAddr) -> bool {
        let addr = canonical(addr);
        match (self.addr, addr) {
            (IpAddr::V4(net), IpAddr::V4(a)) => prefix_eq(&net.octets(), &a.octets(), self.prefix),
            (IpAddr::V6(net), IpAddr::V6(a)) => prefix_eq(&net.octets(), &a.octets(), self.prefix),
            _ => false,
        }
    }
}

/// IPv4-mapped IPv6 addresses as the IPv4 address they carry.
fn canonical(addr: IpAddr) -> IpAddr {
    match addr {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(addr, IpAddr::V4),
        v4 => v4,
    }
}

fn prefix_eq(a: &[u8], b: &[u8], prefix: u8) -> bool {
    let full = usize::from(prefix / 8);
    let rest = prefix % 8;
    if a.get(..full) != b.get(..full) {
        return false;
    }
    if rest == 0 {
        return true;
    }
    let mask = 0xffu8 << (8 - rest);
    match (a.get(full), b.get(full)) {
        (Some(x), Some(y)) => (x & mask) == (y & mask),
        _ => false,
    }
}

/// The rules of a run, ready to check events against.
#[derive(Debug)]
pub struct RuleSet {
    rules: Vec<(String, Check)>,
}

fn glob(rule: &Rule, pattern: &str) -> Result<GlobMatcher, SensorError> {
    GlobBuilder::new(pattern)
        .literal_separator(true)
        .build()
        .map(|g| g.compile_matcher())
        .map_err(|e| SensorError::BadRule {
            rule: rule.to_string(),
            reason: e.to_string(),
        })
}

impl RuleSet {
    /// Compiles the rules; a bad glob or prefix length is an error naming the rule.
    pub fn new(rules: &[Rule]) -> Result<RuleSet, SensorError> {
        let mut compiled = Vec::with_capacity(rules.len());
        for rule in rules {
            let check = match rule {
                Rule::DenyConnect { net, port } => {
                    let net = match net {
                        Some((addr, prefix)) => {
                            Some(Net::new(*addr, *prefix).map_err(|reason| {
                                SensorError::BadRule {
                                    rule: rule.to_string(),
                                    reason,
                                }
                            })?)
                        }
                        None => None,
                    };
                    Check::Connect { net, port: *port }
                }
                Rule::DenyOpen { glob: g } => Check::Open(glob(rule, g)?),
                Rule::DenyExec { glob: g } => Check::Exec(glob(rule, g)?),
            };
            compiled.push((rule.to_string(), check));
        }
        Ok(RuleSet { rules: compiled })
    }

    /// The first rule `e` breaks, if any.
    pub fn check(&self, e: &Event) -> Option<Violation> {
        for (name, check) in &self.rules {
            let hit = match (check, &e.kind) {
                (Check::Connect { net, port }, EventKind::Connect { addr, port: p }) => {
                    let net_ok = net.is_none_or(|n| n.contains(*addr));
                    let port_ok = port.is_none_or(|want| want == *p);
                    (net_ok && port_ok).then_some(None)
                }
                (Check::Open(m), EventKind::Open { path, .. }) => match_path(m, path, e.pid),
                (Check::Exec(m), EventKind::Exec { filename, argv }) => {
                    match_path(m, filename, e.pid).or_else(|| {
                        argv.first()
                            .filter(|a0| *a0 != filename)
                            .and_then(|a0| match_path(m, a0, e.pid))
                    })
                }
                _ => None,
            };
            if let Some(resolved) = hit {
                return Some(Violation {
                    rule: name.clone(),
                    event: e.clone(),
                    resolved,
                });
            }
        }
        None
    }
}

/// `Some(None)` if `path` matches as given, `Some(Some(abs))` if it matches once joined to
/// the working directory of `pid`, `None` otherwise.
fn match_path(m: &GlobMatcher, path: &str, pid: u32) -> Option<Option<String>> {
    if path.is_empty() {
        return None;
    }
    if m.is_match(path) {
        return Some(None);
    }
    // `/etc/./shadow`, `//etc/shadow`, `/tmp/../etc/shadow`: match the lexical form too.
    let full = if Path::new(path).is_absolute() {
        normalize(Path::new(path))
    } else {
        let cwd = std::fs::read_link(format!("/proc/{pid}/cwd")).ok()?;
        normalize(&cwd.join(path))
    };
    let full = full.to_string_lossy().into_owned();
    (full != path && m.is_match(&full)).then_some(Some(full))
}

/// Removes `.` and `..` components lexically (symlinks are not followed).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

//! Runtime rules on synthetic events (no kernel, no traffic).

use std::net::IpAddr;

use bactrian_sensor::{Event, EventKind, Rule, RuleSet, SensorError};

/// A pid that is not alive, so relative paths are matched only as given.
const DEAD_PID: u32 = u32::MAX - 1;

fn event(kind: EventKind) -> Event {
    Event {
        cgroup_id: 1,
        pid: DEAD_PID,
        ppid: 1,
        ktime_ns: 0,
        kind,
    }
}

fn connect(addr: &str, port: u16) -> Event {
    event(EventKind::Connect {
        addr: addr.parse().expect("test address"),
        port,
    })
}

fn open(path: &str) -> Event {
    event(EventKind::Open {
        path: path.into(),
        flags: 0,
    })
}

fn exec(filename: &str, argv: &[&str]) -> Event {
    event(EventKind::Exec {
        filename: filename.into(),
        argv: argv.iter().map(|a| a.to_string()).collect(),
    })
}

fn net(addr: &str, prefix: u8) -> Option<(IpAddr, u8)> {
    Some((addr.parse().expect("test network"), prefix))
}

fn rules(rules: &[Rule]) -> RuleSet {
    RuleSet::new(rules).expect("valid rules")
}

/// The rule `e` breaks, as written, or "" if none.
fn broken(set: &RuleSet, e: &Event) -> String {
    set.check(e).map(|v| v.rule).unwrap_or_default()
}

#[test]
fn metadata_address_is_denied_on_any_port() {
    let set = rules(&[Rule::DenyConnect {
        net: net("169.254.169.254", 32),
        port: None,
    }]);
    assert_eq!(
        broken(&set, &connect("169.254.169.254", 80)),
        "deny_connect 169.254.169.254/32"
    );
    assert_eq!(
        broken(&set, &connect("169.254.169.254", 443)),
        "deny_connect 169.254.169.254/32"
    );
    assert_eq!(broken(&set, &connect("169.254.169.253", 80)), "");
    assert_eq!(broken(&set, &connect("127.0.0.1", 80)), "");
    let v = set
        .check(&connect("169.254.169.254", 80))
        .expect("violation");
    assert_eq!(
        v.to_string(),
        "connected to 169.254.169.254:80 (rule deny_connect 169.254.169.254/32)"
    );
}

#[test]
fn private_network_prefix() {
    let set = rules(&[Rule::DenyConnect {
        net: net("10.0.0.0", 8),
        port: None,
    }]);
    assert_eq!(
        broken(&set, &connect("10.0.0.1", 22)),
        "deny_connect 10.0.0.0/8"
    );
    assert_eq!(
        broken(&set, &connect("10.255.255.255", 22)),
        "deny_connect 10.0.0.0/8"
    );
    assert_eq!(broken(&set, &connect("11.0.0.1", 22)), "");
    assert_eq!(broken(&set, &connect("9.255.255.255", 22)), "");
    // An IPv6 address is not in an IPv4 network, unless it is IPv4-mapped.
    assert_eq!(broken(&set, &connect("::1", 22)), "");
    assert_eq!(broken(&set, &connect("a00::1", 22)), "");
}

#[test]
fn ipv4_mapped_ipv6_matches_ipv4_rules() {
    let set = rules(&[
        Rule::DenyConnect {
            net: net("169.254.169.254", 32),
            port: None,
        },
        Rule::DenyConnect {
            net: net("10.0.0.0", 8),
            port: None,
        },
    ]);
    assert_eq!(
        broken(&set, &connect("::ffff:169.254.169.254", 80)),
        "deny_connect 169.254.169.254/32"
    );
    assert_eq!(
        broken(&set, &connect("::ffff:10.1.2.3", 80)),
        "deny_connect 10.0.0.0/8"
    );
    assert_eq!(broken(&set, &connect("::ffff:127.0.0.1", 80)), "");
    let v = set
        .check(&connect("::ffff:169.254.169.254", 80))
        .expect("violation");
    assert_eq!(
        v.to_string(),
        "connected to [::ffff:169.254.169.254]:80 (rule deny_connect 169.254.169.254/32)"
    );
    // And a rule written as a mapped network matches plain IPv4.
    let mapped = rules(&[Rule::DenyConnect {
        net: net("::ffff:10.0.0.0", 104),
        port: None,
    }]);
    assert_eq!(
        broken(&mapped, &connect("10.9.9.9", 1)),
        "deny_connect ::ffff:10.0.0.0/104"
    );
}

#[test]
fn ipv6_prefixes_and_ports() {
    let set = rules(&[
        Rule::DenyConnect {
            net: net("fd00::", 8),
            port: None,
        },
        Rule::DenyConnect {
            net: None,
            port: Some(25),
        },
        Rule::DenyConnect {
            net: net("127.0.0.0", 8),
            port: Some(6379),
        },
    ]);
    assert_eq!(
        broken(&set, &connect("fd12:3456::1", 80)),
        "deny_connect fd00::/8"
    );
    assert_eq!(broken(&set, &connect("fe80::1", 80)), "");
    assert_eq!(
        broken(&set, &connect("127.0.0.1", 25)),
        "deny_connect port 25"
    );
    assert_eq!(broken(&set, &connect("::1", 25)), "deny_connect port 25");
    assert_eq!(
        broken(&set, &connect("127.0.0.1", 6379)),
        "deny_connect 127.0.0.0/8 port 6379"
    );
    assert_eq!(broken(&set, &connect("127.0.0.1", 6380)), "");
    let any = rules(&[Rule::DenyConnect {
        net: None,
        port: None,
    }]);
    assert_eq!(broken(&any, &connect("127.0.0.1", 1)), "deny_connect any");
}

#[test]
fn secret_paths() {
    let set = rules(&[
        Rule::DenyOpen {
            glob: "**/.ssh/**".into(),
        },
        Rule::DenyOpen {
            glob: "**/.aws/credentials".into(),
        },
    ]);
    assert_eq!(
        broken(&set, &open("/root/.ssh/id_rsa")),
        "deny_open **/.ssh/**"
    );
    assert_eq!(
        broken(&set, &open("/home/a/b/.ssh/keys/id_ed25519")),
        "deny_open **/.ssh/**"
    );
    assert_eq!(
        broken(&set, &open("/home/a/.aws/credentials")),
        "deny_open **/.aws/credentials"
    );
    assert_eq!(broken(&set, &open("/home/a/.aws/config")), "");
    assert_eq!(broken(&set, &open("/home/a/ssh/id_rsa")), "");
    assert_eq!(broken(&set, &open("/etc/hostname")), "");
    // Relative, as given.
    assert_eq!(broken(&set, &open(".ssh/id_rsa")), "deny_open **/.ssh/**");
    assert_eq!(
        broken(&set, &open(".aws/credentials")),
        "deny_open **/.aws/credentials"
    );
    // Lexically disguised absolute paths.
    assert_eq!(
        broken(&set, &open("/root/x/../.aws/./credentials")),
        "deny_open **/.aws/credentials"
    );
    let v = set.check(&open("/root/.ssh/id_rsa")).expect("violation");
    assert_eq!(
        v.to_string(),
        "opened /root/.ssh/id_rsa (rule deny_open **/.ssh/**)"
    );
    assert_eq!(v.resolved, None);
}

#[test]
fn relative_paths_resolve_against_a_live_process_cwd() {
    let set = rules(&[Rule::DenyOpen {
        glob: "/etc/**".into(),
    }]);
    let dir = std::env::current_dir().expect("cwd");
    std::env::set_current_dir("/etc").expect("cd /etc");
    let mut e = open("hostname");
    e.pid = std::process::id();
    let v = set.check(&e);
    std::env::set_current_dir(dir).expect("cd back");
    let v = v.expect("violation through /proc/PID/cwd");
    assert_eq!(v.resolved.as_deref(), Some("/etc/hostname"));
    assert_eq!(
        v.to_string(),
        "opened hostname (resolved to /etc/hostname) (rule deny_open /etc/**)"
    );
    // A dead process: matched as given only.
    assert_eq!(broken(&set, &open("hostname")), "");
}

#[test]
fn shells_are_denied_by_filename_or_interpreter() {
    let set = rules(&[Rule::DenyExec {
        glob: "/bin/*sh".into(),
    }]);
    assert_eq!(
        broken(&set, &exec("/bin/sh", &["sh", "-c", "x"])),
        "deny_exec /bin/*sh"
    );
    assert_eq!(
        broken(&set, &exec("/bin/bash", &["bash"])),
        "deny_exec /bin/*sh"
    );
    assert_eq!(broken(&set, &exec("/bin/true", &["true"])), "");
    // `*` stays within one directory.
    assert_eq!(broken(&set, &exec("/bin/x/sh", &["sh"])), "");
    // A `#!/bin/sh` script: the kernel puts the interpreter in argv[0].
    assert_eq!(
        broken(&set, &exec("/tmp/script", &["/bin/sh", "/tmp/script"])),
        "deny_exec /bin/*sh"
    );
    let v = set.check(&exec("/bin/sh", &["sh"])).expect("violation");
    assert_eq!(v.to_string(), "executed /bin/sh (rule deny_exec /bin/*sh)");
}

#[test]
fn rules_apply_to_their_own_kind_only() {
    let set = rules(&[
        Rule::DenyOpen {
            glob: "/bin/*sh".into(),
        },
        Rule::DenyExec {
            glob: "**/.ssh/**".into(),
        },
    ]);
    assert_eq!(broken(&set, &exec("/bin/sh", &["sh"])), "");
    assert_eq!(broken(&set, &open("/root/.ssh/id_rsa")), "");
    assert_eq!(
        broken(
            &set,
            &event(EventKind::Exit {
                code: 0,
                signal: None
            })
        ),
        ""
    );
}

#[test]
fn bad_rules_are_refused_with_the_rule_named() {
    let err = RuleSet::new(&[Rule::DenyOpen { glob: "a[".into() }]).expect_err("bad glob");
    assert!(matches!(err, SensorError::BadRule { .. }));
    assert!(err.to_string().starts_with("rule `deny_open a[`:"), "{err}");
    let err = RuleSet::new(&[Rule::DenyConnect {
        net: net("10.0.0.0", 33),
        port: None,
    }])
    .expect_err("bad prefix");
    assert!(err.to_string().contains("longer than 32 bits"), "{err}");
}

#[test]
fn violations_serialize_for_the_record() {
    let set = rules(&[Rule::DenyOpen {
        glob: "**/.ssh/**".into(),
    }]);
    let v = set.check(&open("/root/.ssh/id_rsa")).expect("violation");
    let json = serde_json::to_value(&v).expect("json");
    assert_eq!(json["rule"], "deny_open **/.ssh/**");
    assert_eq!(json["event"]["kind"], "open");
    assert_eq!(json["event"]["path"], "/root/.ssh/id_rsa");
}

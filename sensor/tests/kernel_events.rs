//! The sensor on the real kernel: a child in a fresh cgroup leaf, what it does, and nothing
//! of what happens outside. Skips (printing why) where the sensor cannot load.

mod common;

use std::collections::HashSet;
use std::net::{IpAddr, Ipv4Addr, TcpListener, TcpStream};
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use bactrian_sensor::{Event, EventKind};
use common::{sensor, serial, Leaf};

const SETTLE: Duration = Duration::from_secs(2);

fn exec_of<'a>(events: &'a [Event], path: &str) -> Option<&'a Event> {
    events
        .iter()
        .find(|e| matches!(&e.kind, EventKind::Exec { filename, .. } if filename == path))
}

#[test]
fn exec_open_connect_and_exit_of_the_cgroup_only() {
    let Some(sensor) = sensor() else { return };
    let _serial = serial();
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback listener");
    let port = listener.local_addr().expect("listener address").port();
    let leaf = Leaf::new("events").expect("create a cgroup v2 leaf");
    let watch = sensor.watch(leaf.id).expect("watch the leaf");

    // Activity outside the cgroup, at the same time: the same commands, and connects from
    // this process to the same listener.
    let stop = Arc::new(AtomicBool::new(false));
    let outside = {
        let stop = Arc::clone(&stop);
        std::thread::spawn(move || {
            let mut pids = Vec::new();
            while !stop.load(Ordering::Relaxed) {
                let child = Command::new("/bin/sh")
                    .args([
                        "-c",
                        "/bin/true outside-marker; cat /etc/hostname >/dev/null",
                    ])
                    .spawn();
                if let Ok(mut child) = child {
                    pids.push(child.id());
                    let _ = child.wait();
                }
                let _ = TcpStream::connect(("127.0.0.1", port));
                std::thread::sleep(Duration::from_millis(5));
            }
            pids
        })
    };

    let script = format!(
        "/bin/true inside-marker; cat /etc/hostname >/dev/null; exec 3<>/dev/tcp/127.0.0.1/{port}"
    );
    let mut child = leaf
        .command("/bin/bash")
        .args(["-c", &script])
        .stdout(Stdio::null())
        .spawn()
        .expect("spawn bash in the leaf");
    let pid = child.id();
    let status = child.wait().expect("wait for the child");
    assert!(status.success(), "child failed: {status}");
    std::thread::sleep(Duration::from_millis(50));
    stop.store(true, Ordering::Relaxed);
    let outside_pids: HashSet<u32> = outside
        .join()
        .expect("outside thread")
        .into_iter()
        .collect();
    assert!(!outside_pids.is_empty(), "the outside activity ran");

    let finished = watch.finish(SETTLE);
    let events = finished.events;
    assert_eq!(finished.dropped, 0);
    let dump = || format!("{events:#?}");

    // Everything is of this cgroup, from the child or its children, in timestamp order.
    let ours: HashSet<u32> = events.iter().map(|e| e.pid).collect();
    for e in &events {
        assert_eq!(e.cgroup_id, leaf.id, "{e:?}");
        assert!(e.pid == pid || e.ppid == pid, "not the child's tree: {e:?}");
        assert!(
            !outside_pids.contains(&e.pid),
            "outside process reported: {e:?}"
        );
    }
    assert!(ours.is_disjoint(&outside_pids));
    assert!(events.windows(2).all(|w| w[0].ktime_ns <= w[1].ktime_ns));
    assert!(
        !events.iter().any(|e| matches!(&e.kind,
            EventKind::Exec { argv, .. } if argv.iter().any(|a| a == "outside-marker"))),
        "{}",
        dump()
    );

    // exec, with argv.
    let bash =
        exec_of(&events, "/bin/bash").unwrap_or_else(|| panic!("no exec of bash: {}", dump()));
    assert_eq!(bash.pid, pid);
    assert_eq!(bash.ppid, std::process::id());
    match &bash.kind {
        EventKind::Exec { argv, .. } => assert_eq!(argv, &["/bin/bash", "-c", script.as_str()]),
        other => panic!("{other:?}"),
    }
    let true_ =
        exec_of(&events, "/bin/true").unwrap_or_else(|| panic!("no exec of true: {}", dump()));
    assert_eq!(true_.ppid, pid);
    assert!(
        matches!(&true_.kind, EventKind::Exec { argv, .. } if argv == &["/bin/true", "inside-marker"])
    );
    let cat = events
        .iter()
        .find(|e| matches!(&e.kind, EventKind::Exec { argv, .. } if argv == &["cat", "/etc/hostname"]))
        .unwrap_or_else(|| panic!("no exec of cat: {}", dump()));

    // open, by cat.
    assert!(
        events.iter().any(|e| e.pid == cat.pid
            && matches!(&e.kind, EventKind::Open { path, .. } if path == "/etc/hostname")),
        "no open of /etc/hostname by cat: {}",
        dump()
    );

    // connect, once, by bash.
    let connects: Vec<&Event> = events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::Connect { .. }))
        .collect();
    assert_eq!(connects.len(), 1, "{}", dump());
    assert_eq!(connects[0].pid, pid);
    assert_eq!(
        connects[0].kind,
        EventKind::Connect {
            addr: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port
        }
    );

    // exit, of each process, bash last with status 0.
    let exits: Vec<&Event> = events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::Exit { .. }))
        .collect();
    assert!(exits.iter().any(|e| e.pid == true_.pid), "{}", dump());
    assert!(exits.iter().any(|e| e.pid == cat.pid), "{}", dump());
    let last = events.last().expect("events");
    assert_eq!(last.pid, pid);
    assert_eq!(
        last.kind,
        EventKind::Exit {
            code: 0,
            signal: None
        }
    );
    drop(listener);
}

#[test]
fn exit_reports_the_killing_signal() {
    let Some(sensor) = sensor() else { return };
    let _serial = serial();
    let leaf = Leaf::new("signal").expect("create a cgroup v2 leaf");
    let watch = sensor.watch(leaf.id).expect("watch the leaf");
    let mut child = leaf
        .command("/bin/sleep")
        .arg("30")
        .spawn()
        .expect("spawn sleep");
    let pid = child.id();
    // Wait for the exec, so the kill lands on sleep and not on the forked test process.
    let exec = watch
        .recv_timeout(Duration::from_secs(5))
        .expect("exec event");
    assert!(matches!(exec.kind, EventKind::Exec { .. }), "{exec:?}");
    child.kill().expect("kill sleep");
    let status = child.wait().expect("wait");
    assert_eq!(status.signal(), Some(libc::SIGKILL));
    let finished = watch.finish(SETTLE);
    let exit = finished
        .events
        .iter()
        .find(|e| e.pid == pid && matches!(e.kind, EventKind::Exit { .. }))
        .unwrap_or_else(|| panic!("no exit: {:#?}", finished.events));
    assert_eq!(
        exit.kind,
        EventKind::Exit {
            code: 128 + 9,
            signal: Some(9)
        }
    );
}

#[test]
fn each_process_exits_once_with_its_status() {
    let Some(sensor) = sensor() else { return };
    let _serial = serial();
    let leaf = Leaf::new("exits").expect("create a cgroup v2 leaf");
    let watch = sensor.watch(leaf.id).expect("watch the leaf");
    // A subshell exiting 3, and a multithreaded process (python's threads end before it
    // does) exiting 5: one exit event per process, none per thread.
    let script = "(exit 3) & wait $!; /usr/bin/python3 -c 'import threading, sys\n\
                  ts = [threading.Thread(target=len, args=((),)) for _ in range(4)]\n\
                  [t.start() for t in ts]; [t.join() for t in ts]; sys.exit(5)'; exit 7";
    let mut child = leaf
        .command("/bin/bash")
        .args(["-c", script])
        .spawn()
        .expect("spawn bash");
    let pid = child.id();
    let status = child.wait().expect("wait");
    assert_eq!(status.code(), Some(7));
    let finished = watch.finish(SETTLE);
    let exits: Vec<&Event> = finished
        .events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::Exit { .. }))
        .collect();
    let of_bash: Vec<&&Event> = exits.iter().filter(|e| e.pid == pid).collect();
    assert_eq!(of_bash.len(), 1, "{exits:#?}");
    assert_eq!(
        of_bash[0].kind,
        EventKind::Exit {
            code: 7,
            signal: None
        }
    );
    let code = |c| EventKind::Exit {
        code: c,
        signal: None,
    };
    assert_eq!(
        exits
            .iter()
            .filter(|e| e.ppid == pid && e.kind == code(3))
            .count(),
        1,
        "{exits:#?}"
    );
    assert_eq!(
        exits
            .iter()
            .filter(|e| e.ppid == pid && e.kind == code(5))
            .count(),
        1,
        "{exits:#?}"
    );
    assert_eq!(exits.len(), 3, "{exits:#?}");
}

/// 100,000 opens of one path: every one is either received or counted as dropped.
#[test]
fn every_open_is_received_or_counted() {
    const OPENS: u64 = 100_000;
    let Some(sensor) = sensor() else { return };
    let _serial = serial();
    let leaf = Leaf::new("load").expect("create a cgroup v2 leaf");
    let watch = sensor.watch(leaf.id).expect("watch the leaf");
    let path = std::env::temp_dir().join(format!("bactrian-sensor-load-{}", std::process::id()));
    std::fs::write(&path, b"x").expect("write the file to open");
    let want = path.to_string_lossy().into_owned();
    let total_before = sensor.dropped_total();

    let (mut opens, mut exits, mut others) = (0u64, 0u64, Vec::new());
    let mut count = |e: Event| match &e.kind {
        EventKind::Open { path, .. } if *path == want => opens += 1,
        EventKind::Exit { .. } => exits += 1,
        _ => others.push(e),
    };
    std::thread::scope(|scope| {
        let child = scope.spawn(|| common::open_loop(&leaf, &path, OPENS));
        // Take events while the child runs, as the engine would.
        while let Some(e) = watch.recv_timeout(Duration::from_secs(3)) {
            count(e);
        }
        let status = child.join().expect("open loop thread");
        assert!(status.success(), "{status}");
    });
    let finished = watch.finish(SETTLE);
    finished.events.into_iter().for_each(&mut count);
    let dropped = finished.dropped;
    let _ = std::fs::remove_file(&path);
    eprintln!(
        "{OPENS} opens: {opens} received, {exits} exit, {dropped} dropped; \
         sensor total dropped {}",
        sensor.dropped_total() - total_before
    );
    // The child does nothing else (it _exits before any exec): every event is accounted for.
    assert!(others.is_empty(), "{others:#?}");
    assert_eq!(
        opens + exits + dropped,
        OPENS + 1,
        "lost silently or counted twice"
    );
    assert!(sensor.dropped_total() - total_before >= dropped);
}

//! Loading the programs, the reader thread, and routing events to watches.

use std::collections::HashMap;
use std::fmt;
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use aya::maps::{Array, HashMap as BpfHashMap, MapData, RingBuf};
use aya::programs::TracePoint;
use aya::Ebpf;

use crate::kernel::{self, Wakeup};
use crate::{Event, SensorError};

/// The programs in `bpf/sensor.bpf.c` and where they attach. Optional ones are skipped on
/// kernels without that tracepoint (openat2 before 5.6; open(2) does not exist on arm64).
struct Hook {
    program: &'static str,
    category: &'static str,
    name: &'static str,
    required: bool,
}

const HOOKS: &[Hook] = &[
    Hook {
        program: "sensor_exec",
        category: "sched",
        name: "sched_process_exec",
        required: true,
    },
    Hook {
        program: "sensor_exit",
        category: "sched",
        name: "sched_process_exit",
        required: true,
    },
    Hook {
        program: "sensor_connect",
        category: "syscalls",
        name: "sys_enter_connect",
        required: true,
    },
    Hook {
        program: "sensor_openat",
        category: "syscalls",
        name: "sys_enter_openat",
        required: true,
    },
    Hook {
        program: "sensor_openat2",
        category: "syscalls",
        name: "sys_enter_openat2",
        required: false,
    },
    Hook {
        program: "sensor_open",
        category: "syscalls",
        name: "sys_enter_open",
        required: false,
    },
];

const BTF_PATH: &str = "/sys/kernel/btf/vmlinux";
const TRACEFS: &str = "/sys/kernel/tracing";
const TRACEFS_OLD: &str = "/sys/kernel/debug/tracing";

/// How long the reader sleeps in poll(2) at most. Exec, connect and exit records wake it at
/// once; open records wake it only once ~64 KiB are waiting (see `bpf/sensor.bpf.c`), so a
/// lone open is delivered within this.
const POLL_MS: i32 = 50;

static LOADED: AtomicBool = AtomicBool::new(false);

#[cfg(not(sensor_no_bpf))]
fn object() -> Result<&'static [u8], SensorError> {
    Ok(aya::include_bytes_aligned!(concat!(
        env!("OUT_DIR"),
        "/sensor.bpf.o"
    )))
}

#[cfg(sensor_no_bpf)]
fn object() -> Result<&'static [u8], SensorError> {
    Err(SensorError::NotBuilt)
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding one of these locks leaves plain data behind; go on with it.
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The loaded eBPF programs and the thread that reads their events. One per process.
///
/// Dropping it stops the reader and detaches the programs.
pub struct Sensor {
    shared: Arc<Shared>,
    reader: Option<JoinHandle<()>>,
    // Owns the programs and their links: dropping it detaches them.
    _programs: Ebpf,
}

/// What the reader thread, the sensor and its watches share.
struct Shared {
    watched: Mutex<BpfHashMap<MapData, u64, u64>>,
    counters: Array<MapData, u64>,
    routes: Mutex<HashMap<u64, Sender<Event>>>,
    wakeup: Wakeup,
    stop: AtomicBool,
    /// Records the reader could not decode (a bug, but counted rather than hidden).
    malformed: AtomicU64,
    /// Completed drain passes of the ring buffer.
    epoch: Mutex<u64>,
    drained: Condvar,
}

impl fmt::Debug for Sensor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sensor")
            .field("watched", &lock(&self.shared.routes).len())
            .field("dropped_total", &self.dropped_total())
            .finish()
    }
}

/// The tracefs mount aya will use, if any (the same search aya makes).
fn tracefs_dir() -> Option<PathBuf> {
    [TRACEFS, TRACEFS_OLD]
        .iter()
        .map(PathBuf::from)
        .find(|dir| {
            std::fs::read_dir(dir)
                .map(|mut entries| entries.next().is_some())
                .unwrap_or(false)
        })
}

fn has_tracepoint(tracefs: &Path, hook: &Hook) -> bool {
    tracefs
        .join("events")
        .join(hook.category)
        .join(hook.name)
        .exists()
}

/// Parses the embedded object and loads (verifies) every program into the kernel, without
/// attaching. `present` says which optional hooks to load.
fn load_object(present: impl Fn(&Hook) -> bool) -> Result<Ebpf, SensorError> {
    let bytes = object()?;
    if !Path::new(BTF_PATH).exists() {
        return Err(SensorError::NoBtf);
    }
    let not_root = kernel::effective_uid() != 0;
    let mut ebpf = Ebpf::load(bytes).map_err(|e| {
        if not_root {
            SensorError::NotPermitted(e.to_string())
        } else {
            SensorError::Load(e)
        }
    })?;
    for hook in HOOKS.iter().filter(|h| h.required || present(h)) {
        tracepoint_of(&mut ebpf, hook)?.load().map_err(|source| {
            if not_root {
                SensorError::NotPermitted(source.to_string())
            } else {
                SensorError::Program {
                    name: hook.program,
                    source,
                }
            }
        })?;
    }
    Ok(ebpf)
}

/// The tracepoint program of `hook` in the loaded object.
fn tracepoint_of<'a>(ebpf: &'a mut Ebpf, hook: &Hook) -> Result<&'a mut TracePoint, SensorError> {
    let program = ebpf.program_mut(hook.program).ok_or(SensorError::Program {
        name: hook.program,
        source: aya::programs::ProgramError::UnexpectedProgramType,
    })?;
    program.try_into().map_err(|source| SensorError::Program {
        name: hook.program,
        source,
    })
}

fn take_map(ebpf: &mut Ebpf, name: &'static str) -> Result<aya::maps::Map, SensorError> {
    ebpf.take_map(name).ok_or(SensorError::Map {
        name,
        source: aya::maps::MapError::InvalidName {
            name: name.to_string(),
        },
    })
}

impl Sensor {
    /// Loads and attaches the programs, mounting tracefs at /sys/kernel/tracing first if it
    /// is not mounted, and starts the reader thread. Nothing is reported until [`watch`].
    ///
    /// [`watch`]: Sensor::watch
    pub fn load() -> Result<Sensor, SensorError> {
        object()?;
        if LOADED.swap(true, Ordering::AcqRel) {
            return Err(SensorError::AlreadyLoaded);
        }
        let result = Sensor::load_inner();
        if result.is_err() {
            LOADED.store(false, Ordering::Release);
        }
        result
    }

    fn load_inner() -> Result<Sensor, SensorError> {
        let tracefs = match tracefs_dir() {
            Some(dir) => dir,
            None => {
                if kernel::effective_uid() != 0 {
                    return Err(SensorError::NotPermitted("tracefs is not mounted".into()));
                }
                let dir = PathBuf::from(TRACEFS);
                kernel::mount_tracefs(&dir).map_err(SensorError::Tracefs)?;
                dir
            }
        };
        for hook in HOOKS.iter().filter(|h| h.required) {
            if !has_tracepoint(&tracefs, hook) {
                return Err(SensorError::NoTracepoint(format!(
                    "{}/{}",
                    hook.category, hook.name
                )));
            }
        }
        let present = |h: &Hook| has_tracepoint(&tracefs, h);
        let mut ebpf = load_object(present)?;
        for hook in HOOKS.iter().filter(|h| h.required || present(h)) {
            tracepoint_of(&mut ebpf, hook)?
                .attach(hook.category, hook.name)
                .map_err(|source| SensorError::Attach {
                    category: hook.category,
                    name: hook.name,
                    source,
                })?;
        }

        let map_err = |name| move |source| SensorError::Map { name, source };
        let ring = RingBuf::try_from(take_map(&mut ebpf, "EVENTS")?).map_err(map_err("EVENTS"))?;
        let watched =
            BpfHashMap::try_from(take_map(&mut ebpf, "WATCHED")?).map_err(map_err("WATCHED"))?;
        let counters =
            Array::try_from(take_map(&mut ebpf, "COUNTERS")?).map_err(map_err("COUNTERS"))?;
        let shared = Arc::new(Shared {
            watched: Mutex::new(watched),
            counters,
            routes: Mutex::new(HashMap::new()),
            wakeup: Wakeup::new().map_err(SensorError::Reader)?,
            stop: AtomicBool::new(false),
            malformed: AtomicU64::new(0),
            epoch: Mutex::new(0),
            drained: Condvar::new(),
        });
        let reader_shared = Arc::clone(&shared);
        let reader = std::thread::Builder::new()
            .name("bactrian-sensor".into())
            .spawn(move || read_events(ring, &reader_shared))
            .map_err(SensorError::Reader)?;
        Ok(Sensor {
            shared,
            reader: Some(reader),
            _programs: ebpf,
        })
    }

    /// Starts reporting the events of cgroup `cgroup_id` (the inode number of its cgroup v2
    /// directory) to the returned [`Watch`]. Processes that stay in that cgroup, children
    /// included, are reported; events of any other cgroup, even a child cgroup, are not.
    pub fn watch(&self, cgroup_id: u64) -> Result<Watch, SensorError> {
        let (tx, rx) = mpsc::channel();
        {
            let mut routes = lock(&self.shared.routes);
            if routes.contains_key(&cgroup_id) {
                return Err(SensorError::AlreadyWatched(cgroup_id));
            }
            routes.insert(cgroup_id, tx);
        }
        if let Err(source) = lock(&self.shared.watched).insert(cgroup_id, 0, 0) {
            lock(&self.shared.routes).remove(&cgroup_id);
            return Err(SensorError::Map {
                name: "WATCHED",
                source,
            });
        }
        Ok(Watch {
            shared: Arc::clone(&self.shared),
            cgroup_id,
            rx: Mutex::new(rx),
            active: true,
        })
    }

    /// Events lost since load, all cgroups together: the ring buffer was full when a program
    /// had an event to send (counted in the kernel), or a record could not be decoded.
    pub fn dropped_total(&self) -> u64 {
        self.shared.dropped_total()
    }
}

impl Drop for Sensor {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::Release);
        self.shared.wakeup.wake();
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
        lock(&self.shared.routes).clear();
        LOADED.store(false, Ordering::Release);
    }
}

impl Shared {
    fn dropped_total(&self) -> u64 {
        let kernel = self.counters.get(&0, 0).unwrap_or(0);
        kernel + self.malformed.load(Ordering::Relaxed)
    }

    /// Removes `cgroup_id` from WATCHED; returns its drop counter.
    fn unwatch_kernel(&self, cgroup_id: u64) -> u64 {
        let mut watched = lock(&self.watched);
        let dropped = watched.get(&cgroup_id, 0).unwrap_or(0);
        let _ = watched.remove(&cgroup_id);
        dropped
    }

    /// Waits, at most `settle`, until the reader has emptied the ring buffer at least once
    /// after this call began, so that every record committed before it has been routed.
    fn sync(&self, settle: Duration) {
        let deadline = Instant::now() + settle;
        // A pass already running may have seen the ring empty just before this call: wait
        // for the one after it.
        let target = *lock(&self.epoch) + 2;
        loop {
            self.wakeup.wake();
            let epoch = lock(&self.epoch);
            if *epoch >= target {
                return;
            }
            let now = Instant::now();
            if now >= deadline {
                return;
            }
            let wait = (deadline - now).min(Duration::from_millis(20));
            let (epoch, _) = self
                .drained
                .wait_timeout(epoch, wait)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            if *epoch >= target {
                return;
            }
        }
    }
}

/// The reader thread: sleep in poll(2) until records arrive, drain them, route each to the
/// watch of its cgroup.
fn read_events(mut ring: RingBuf<MapData>, shared: &Shared) {
    let mut batch = Vec::new();
    while !shared.stop.load(Ordering::Acquire) {
        if kernel::wait_readable(ring.as_raw_fd(), &shared.wakeup, POLL_MS).is_err() {
            // poll(2) fails only on bad arguments or ENOMEM; do not spin on it.
            std::thread::sleep(Duration::from_millis(POLL_MS as u64));
        }
        while let Some(record) = ring.next() {
            match kernel::parse_record(&record) {
                Some(event) => batch.push(event),
                None => {
                    shared.malformed.fetch_add(1, Ordering::Relaxed);
                }
            }
        }
        if !batch.is_empty() {
            let routes = lock(&shared.routes);
            for event in batch.drain(..) {
                // No route: the watch finished after the kernel sent it. Nobody wants it.
                if let Some(tx) = routes.get(&event.cgroup_id) {
                    let _ = tx.send(event);
                }
            }
        }
        *lock(&shared.epoch) += 1;
        shared.drained.notify_all();
    }
}

/// The events of one watched cgroup. Dropping it stops the watch.
pub struct Watch {
    shared: Arc<Shared>,
    cgroup_id: u64,
    rx: Mutex<Receiver<Event>>,
    active: bool,
}

/// What a finished [`Watch`] saw.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Finished {
    /// In kernel-timestamp order.
    pub events: Vec<Event>,
    /// Events of this cgroup lost because the ring buffer was full.
    pub dropped: u64,
}

impl fmt::Debug for Watch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Watch")
            .field("cgroup_id", &self.cgroup_id)
            .finish()
    }
}

impl Watch {
    /// The cgroup id this watch reports.
    pub fn cgroup_id(&self) -> u64 {
        self.cgroup_id
    }

    /// The next event, waiting at most `d`.
    pub fn recv_timeout(&self, d: Duration) -> Option<Event> {
        lock(&self.rx).recv_timeout(d).ok()
    }

    /// Asks the reader to drain the ring buffer now rather than at its next batch, without
    /// waiting for it: what the kernel holds arrives by the next [`Watch::try_events`]. Opens
    /// wake the reader only in batches (for speed); a caller enforcing rules on them calls
    /// this between checks.
    pub fn flush(&self) {
        self.shared.wakeup.wake();
    }

    /// The events that arrived so far and were not yet taken, in kernel-timestamp order.
    pub fn try_events(&self) -> Vec<Event> {
        let mut events: Vec<Event> = lock(&self.rx).try_iter().collect();
        events.sort_by_key(|e| e.ktime_ns);
        events
    }

    /// Stops watching and returns what remains: the kernel stops reporting the cgroup first,
    /// then the records already in the ring buffer are drained (waiting at most `settle`).
    /// Events taken earlier with [`recv_timeout`] or [`try_events`] are not repeated.
    ///
    /// [`recv_timeout`]: Watch::recv_timeout
    /// [`try_events`]: Watch::try_events
    pub fn finish(mut self, settle: Duration) -> Finished {
        let dropped = self.shared.unwatch_kernel(self.cgroup_id);
        self.shared.sync(settle);
        lock(&self.shared.routes).remove(&self.cgroup_id);
        self.active = false;
        let events = self.try_events();
        Finished { events, dropped }
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        if self.active {
            self.shared.unwatch_kernel(self.cgroup_id);
            lock(&self.shared.routes).remove(&self.cgroup_id);
        }
    }
}

/// Whether the sensor can work on this machine, for `bactrian doctor`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Probe {
    pub available: bool,
    /// One line: what loads, or why it does not and what to do.
    pub detail: String,
}

impl fmt::Display for Probe {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.available {
            write!(f, "sensor: available ({})", self.detail)
        } else {
            write!(f, "sensor: unavailable: {}", self.detail)
        }
    }
}

/// Checks whether the programs load here (root, BTF, built, accepted by the verifier) by
/// loading them without attaching; everything is unloaded before it returns. Mounts nothing.
pub fn probe() -> Probe {
    let unavailable = |e: SensorError| Probe {
        available: false,
        detail: e.to_string(),
    };
    if let Err(e) = object() {
        return unavailable(e);
    }
    if kernel::effective_uid() != 0 {
        return unavailable(SensorError::NotPermitted("not running as root".into()));
    }
    let tracefs = tracefs_dir();
    let present = |h: &Hook| tracefs.as_deref().is_none_or(|dir| has_tracepoint(dir, h));
    match load_object(present) {
        Ok(_unloaded_on_drop) => {
            let mount = match &tracefs {
                Some(dir) => format!("tracefs at {}", dir.display()),
                None => format!("tracefs not mounted; loading mounts it at {TRACEFS}"),
            };
            Probe {
                available: true,
                detail: format!("programs pass the verifier, kernel BTF present, {mount}"),
            }
        }
        Err(e) => unavailable(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::fd::AsRawFd;
    use std::os::unix::fs::MetadataExt;
    use std::os::unix::process::CommandExt;

    /// With the reader stalled the ring buffer fills: the kernel must count every event it
    /// could not send. (Needs root and a cgroup2 mount; skips otherwise.)
    #[test]
    fn a_full_ring_buffer_counts_every_lost_event() {
        const OPENS: u64 = 50_000;
        let info = std::fs::read_to_string("/proc/self/mountinfo").unwrap_or_default();
        let mount = info.lines().find_map(|l| {
            let (left, right) = l.split_once(" - ")?;
            right
                .starts_with("cgroup2 ")
                .then(|| left.split_whitespace().nth(4))?
        });
        let (Some(mount), 0) = (mount, kernel::effective_uid()) else {
            eprintln!("SKIP: needs root and a cgroup2 mount");
            return;
        };
        let sensor = match Sensor::load() {
            Ok(s) => s,
            Err(e) => {
                eprintln!("SKIP: {e}");
                return;
            }
        };
        let leaf =
            PathBuf::from(mount).join(format!("bactrian-sensor-unit-{}", std::process::id()));
        std::fs::create_dir(&leaf).expect("create leaf");
        let id = std::fs::metadata(&leaf).expect("stat leaf").ino();
        let procs = std::fs::OpenOptions::new()
            .write(true)
            .open(leaf.join("cgroup.procs"))
            .expect("open cgroup.procs");
        let watch = sensor.watch(id).expect("watch");
        let path = c"/dev/null";
        let fd = procs.as_raw_fd();
        let mut cmd = std::process::Command::new("/bin/true");
        // SAFETY: only write, open, close and _exit, all async-signal-safe, in the child.
        unsafe {
            cmd.pre_exec(move || {
                if libc::write(fd, b"0".as_ptr().cast(), 1) != 1 {
                    libc::_exit(3);
                }
                for _ in 0..OPENS {
                    libc::close(libc::open(path.as_ptr(), libc::O_RDONLY));
                }
                libc::_exit(0)
            });
        }
        let status = {
            // The reader blocks on this lock as soon as it has a batch to route.
            let _stall = lock(&sensor.shared.routes);
            cmd.status().expect("run the child")
        };
        assert!(status.success());
        let finished = watch.finish(Duration::from_secs(2));
        let opens = finished
            .events
            .iter()
            .filter(
                |e| matches!(&e.kind, crate::EventKind::Open { path, .. } if path == "/dev/null"),
            )
            .count() as u64;
        let exits = finished.events.len() as u64 - opens;
        let _ = std::fs::remove_dir(&leaf);
        assert!(
            finished.dropped > 0,
            "the ring buffer (8 MiB) should have overflowed"
        );
        assert_eq!(opens + exits + finished.dropped, OPENS + 1);
        assert!(sensor.dropped_total() >= finished.dropped);
    }
}

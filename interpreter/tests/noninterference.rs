//! Noninterference, tested the quick way (Hritcu et al., "Testing noninterference, quickly"):
//! generate random plans over the whole subset, run each one twice with different data, and
//! compare what an observer sees. See docs/noninterference.md.
//!
//! * `noninterference_search` generates `BACTRIAN_NI_CASES` plans (or searches for
//!   `BACTRIAN_NI_SECONDS`), from `BACTRIAN_NI_SEED`, checks integrity, confidentiality and
//!   the normal/strict differential on each, shrinks the first counterexamples and prints a
//!   one-line summary. `BACTRIAN_NI_SAVE=1` writes new shrunk counterexamples to
//!   `tests/noninterference/regressions/` (`make fuzz-labels` does).
//! * `noninterference_regressions` replays every kept counterexample: it fails while any of
//!   them still leaks.

#[path = "noninterference/generator.rs"]
mod generator;
#[path = "noninterference/plan.rs"]
mod plan;
#[path = "noninterference/property.rs"]
mod property;
#[path = "noninterference/regressions.rs"]
mod regressions;
#[path = "noninterference/rng.rs"]
mod rng;
#[path = "noninterference/shrinker.rs"]
mod shrinker;
#[path = "noninterference/world.rs"]
mod world;

use bactrian_interpreter::Mode;
use property::{End, Experiment, Run, Verdict};
use regressions::Regression;
use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};
use world::{Rules, World};

struct Settings {
    cases: u64,
    seed: u64,
    seconds: Option<f64>,
    save: bool,
    /// How many counterexamples to shrink.
    shrink: usize,
    shrink_budget: Duration,
}

fn env_num<T: std::str::FromStr>(name: &str) -> Option<T> {
    let v = std::env::var(name).ok()?;
    Some(
        v.trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name}={v:?} is not a number")),
    )
}

fn settings() -> Settings {
    let explicit_cases: Option<u64> = env_num("BACTRIAN_NI_CASES");
    let mut seconds: Option<f64> = env_num("BACTRIAN_NI_SECONDS");
    let long = seconds.is_some();
    if seconds.is_none() && explicit_cases.is_none() {
        // The quick run stops early on a slow machine (the case count it reached is
        // printed; a case replays alone with BACTRIAN_NI_CASE).
        seconds = Some(QUICK_SECONDS);
    }
    let seed = env_num("BACTRIAN_NI_SEED").unwrap_or_else(|| {
        if long {
            // A long search explores new ground each time; the seed is printed.
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or(1)
        } else {
            1
        }
    });
    let save = std::env::var("BACTRIAN_NI_SAVE").is_ok_and(|v| !v.is_empty() && v != "0");
    Settings {
        cases: explicit_cases.unwrap_or(if long { u64::MAX } else { DEFAULT_CASES }),
        seed,
        seconds,
        save,
        shrink: env_num("BACTRIAN_NI_SHRINK").unwrap_or(if long { 40 } else { 2 }),
        shrink_budget: Duration::from_secs_f64(
            env_num("BACTRIAN_NI_SHRINK_SECONDS").unwrap_or(if long { 30.0 } else { 4.0 }),
        ),
    }
}

/// Cases of the quick run: about a minute in a debug build on two cores (parsing the plans
/// is half of it), a few seconds in a release build.
const DEFAULT_CASES: u64 = 3000;

/// The quick run's time limit when no count is given.
const QUICK_SECONDS: f64 = 90.0;

#[derive(Default)]
struct Stats {
    cases: u64,
    refused: u64,
    /// Strict runs under the rules (three per case).
    runs: u64,
    finished: u64,
    denied: u64,
    exceptions: u64,
    limits: u64,
    other: u64,
    integrity: u64,
    confidentiality: u64,
    differential: u64,
    /// Violations already kept in regressions/ (found at this seed and case).
    known: u64,
    explained: u64,
    refusals: Vec<String>,
    explained_examples: Vec<String>,
    /// Uncaught exception types, with a count.
    exception_types: std::collections::BTreeMap<String, u64>,
}

impl Stats {
    fn count_end(&mut self, run: &Run) {
        self.runs += 1;
        match &run.end {
            End::Finished => self.finished += 1,
            End::Denied => self.denied += 1,
            End::Exception(t) => {
                self.exceptions += 1;
                *self.exception_types.entry(t.clone()).or_default() += 1;
            }
            End::Limit => self.limits += 1,
            End::Refused | End::Other(_) => self.other += 1,
        }
    }

    fn violations(&self) -> u64 {
        self.integrity + self.confidentiality + self.differential
    }

    fn merge(&mut self, o: Stats) {
        self.cases += o.cases;
        self.refused += o.refused;
        self.runs += o.runs;
        self.finished += o.finished;
        self.denied += o.denied;
        self.exceptions += o.exceptions;
        self.limits += o.limits;
        self.other += o.other;
        self.integrity += o.integrity;
        self.confidentiality += o.confidentiality;
        self.differential += o.differential;
        self.explained += o.explained;
        self.known += o.known;
        for (k, v) in o.exception_types {
            *self.exception_types.entry(k).or_default() += v;
        }
        for r in o.refusals {
            if self.refusals.len() < 5 {
                self.refusals.push(r);
            }
        }
        for r in o.explained_examples {
            if self.explained_examples.len() < 3 {
                self.explained_examples.push(r);
            }
        }
    }
}

struct Failure {
    experiment: Experiment,
    plan: plan::Plan,
    a: World,
    b: World,
    message: String,
    found: String,
}

fn pct(n: u64, d: u64) -> f64 {
    if d == 0 {
        0.0
    } else {
        100.0 * n as f64 / d as f64
    }
}

/// One generated case: a plan and the worlds of its three experiments.
fn case(base: u64, i: u64) -> (plan::Plan, World, World, World) {
    let seed = rng::hash(&[&base.to_le_bytes(), &i.to_le_bytes()]);
    let plan = generator::generate(seed);
    let w = |k: u64| rng::hash(&[&seed.to_le_bytes(), &k.to_le_bytes()]);
    let a = World::new(w(1), w(3));
    // Other untrusted data, same secret: half the time a few leaves changed, half the time
    // all new.
    let b = if w(5) % 2 == 0 {
        World {
            untrusted_tweak: w(2),
            ..a
        }
    } else {
        World::new(w(2), w(3))
    };
    // Same untrusted data, another secret (likewise).
    let c = if w(6) % 2 == 0 {
        World {
            secret_tweak: w(4),
            ..a
        }
    } else {
        World::new(w(1), w(4))
    };
    (plan, a, b, c)
}

/// Where kept counterexamples were found (`seed S, case N`), by experiment.
type Known = HashSet<(Experiment, String)>;

fn run_case(base: u64, i: u64, known: &Known, stats: &mut Stats, failures: &mut Vec<Failure>) {
    let (plan, a, b, c) = case(base, i);
    let text = plan.render();
    stats.cases += 1;
    let found = format!("seed {base}, case {i}");
    let ra = property::run(&text, a, Mode::Strict, Rules::Enforce);
    if ra.end == End::Refused {
        stats.refused += 1;
        if stats.refusals.len() < 5 {
            stats.refusals.push(ra.message.clone());
        }
        return;
    }
    let rb = property::run(&text, b, Mode::Strict, Rules::Enforce);
    let rc = property::run(&text, c, Mode::Strict, Rules::Enforce);
    for r in [&ra, &rb, &rc] {
        stats.count_end(r);
    }
    if i < env_num::<u64>("BACTRIAN_NI_SHOW").unwrap_or(0) {
        println!(
            "--- case {i}: {:?} ({}) / {:?} ({}) / {:?} ({})\n{text}",
            ra.end, ra.message, rb.end, rb.message, rc.end, rc.message
        );
    }
    let mut fail = |experiment, a, b, message: String| {
        if known.contains(&(experiment, found.clone())) {
            stats.known += 1;
            return;
        }
        failures.push(Failure {
            experiment,
            plan: plan.clone(),
            a,
            b,
            message,
            found: found.clone(),
        })
    };
    match property::judge_integrity(&ra, &rb) {
        Verdict::Pass => {}
        Verdict::Explained(m) => {
            stats.explained += 1;
            if stats.explained_examples.len() < 3 {
                stats.explained_examples.push(m);
            }
        }
        Verdict::Violation(m) => {
            stats.integrity += 1;
            fail(Experiment::Integrity, a, b, m);
        }
    }
    if let Verdict::Violation(m) = property::judge_confidentiality(&ra, &rc) {
        stats.confidentiality += 1;
        fail(Experiment::Confidentiality, a, c, m);
    }
    // The strict run under the rules makes the same calls as one allowing everything, up
    // to a denial.
    let normal = property::run(&text, a, Mode::Normal, Rules::AllowAll);
    let verdict = if ra.end == End::Denied {
        let strict = property::run(&text, a, Mode::Strict, Rules::AllowAll);
        property::judge_differential(&normal, &strict)
    } else {
        property::judge_differential(&normal, &ra)
    };
    if let Verdict::Violation(m) = verdict {
        stats.differential += 1;
        fail(Experiment::Differential, a, a, m);
    }
}

/// Stops the search when the process grows past `BACTRIAN_NI_MAX_RSS_MB` (4096): some plans
/// make the interpreter allocate without bound (see docs/noninterference.md), and a machine
/// that runs out of memory kills whatever it likes. Names the cases that were running.
fn watch_memory(done: &std::sync::atomic::AtomicBool, running: &[AtomicU64], seed: u64) {
    let max_mb: u64 = env_num("BACTRIAN_NI_MAX_RSS_MB").unwrap_or(4096);
    while !done.load(Ordering::Relaxed) {
        std::thread::sleep(Duration::from_millis(100));
        let rss_mb = std::fs::read_to_string("/proc/self/statm")
            .ok()
            .and_then(|t| t.split_whitespace().nth(1)?.parse::<u64>().ok())
            .map_or(0, |pages| (pages * 4096) >> 20);
        if rss_mb > max_mb {
            let cases: Vec<u64> = running
                .iter()
                .map(|c| c.load(Ordering::Relaxed))
                .filter(|c| *c != u64::MAX)
                .collect();
            eprintln!(
                "noninterference: the process uses {rss_mb} MB, more than {max_mb} MB, while \
                 running cases {cases:?} of seed {seed}: stopping (replay one with \
                 BACTRIAN_NI_SEED={seed} BACTRIAN_NI_CASE=N)"
            );
            std::process::exit(3);
        }
    }
}

/// Whether `text` still fails `experiment` with the same worlds, the same way.
fn still_fails(experiment: Experiment, text: &str, a: World, b: World) -> bool {
    matches!(
        property::check(experiment, text, a, b).verdict,
        Verdict::Violation(_)
    )
}

#[test]
fn noninterference_search() {
    let s = settings();
    if let Some(i) = env_num::<u64>("BACTRIAN_NI_CASE") {
        return replay_case(s.seed, i);
    }
    println!(
        "noninterference: searching from seed {} ({})",
        s.seed,
        match s.seconds {
            Some(x) => format!("for {x} s"),
            None => format!("{} cases", s.cases),
        }
    );
    let start = Instant::now();
    let deadline = s.seconds.map(|x| start + Duration::from_secs_f64(x));
    let next = AtomicU64::new(0);
    let kept = regressions::load_all();
    let known_cases: Known = kept
        .iter()
        .map(|(_, r)| (r.experiment, r.found.clone()))
        .collect();
    let total = Mutex::new(Stats::default());
    let failures: Mutex<Vec<Failure>> = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .min(16);
    // The case each worker is running, for the memory watchdog.
    let running: Vec<AtomicU64> = (0..workers).map(|_| AtomicU64::new(u64::MAX)).collect();
    let done = std::sync::atomic::AtomicBool::new(false);
    let workers_done = AtomicU64::new(0);
    std::thread::scope(|scope| {
        scope.spawn(|| watch_memory(&done, &running, s.seed));
        for w in 0..workers {
            let (running, workers_done, done) = (&running, &workers_done, &done);
            let (next, known_cases, total, failures, s) =
                (&next, &known_cases, &total, &failures, &s);
            scope.spawn(move || {
                let mut stats = Stats::default();
                let mut mine = Vec::new();
                loop {
                    if deadline.is_some_and(|d| Instant::now() >= d) {
                        break;
                    }
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= s.cases {
                        break;
                    }
                    running[w].store(i, Ordering::Relaxed);
                    run_case(s.seed, i, known_cases, &mut stats, &mut mine);
                    // Keep memory bounded on long searches: the first few of each kind.
                    if mine.len() > 64 {
                        mine.truncate(64);
                    }
                }
                total.lock().unwrap().merge(stats);
                failures.lock().unwrap().extend(mine);
                if workers_done.fetch_add(1, Ordering::Relaxed) + 1 == workers as u64 {
                    done.store(true, Ordering::Relaxed);
                }
            });
        }
    });
    let search_time = start.elapsed();
    let stats = total.into_inner().unwrap();
    let mut failures = failures.into_inner().unwrap();
    failures.sort_by_key(|f| f.found.clone());

    // Shrink the first new counterexamples, taking the experiments in turn.
    let mut queues: Vec<std::collections::VecDeque<Failure>> =
        (0..3).map(|_| Default::default()).collect();
    for f in failures {
        queues[f.experiment as usize].push_back(f);
    }
    let mut rr: Vec<Failure> = Vec::new();
    while queues.iter().any(|q| !q.is_empty()) {
        for q in queues.iter_mut() {
            if let Some(f) = q.pop_front() {
                rr.push(f);
            }
        }
    }
    let mut keeper = Keeper::new(&kept, s.save);
    let shrink_start = Instant::now();
    // Shrinking takes at most a quarter of a long search's time (a minute at least).
    let shrink_total = Duration::from_secs_f64(s.seconds.map_or(1e9, |x| (x / 4.0).max(60.0)));
    let mut unshrunk = 0;
    for f in rr.into_iter().take(s.shrink) {
        if shrink_start.elapsed() > shrink_total {
            unshrunk += 1;
            continue;
        }
        keeper.shrink_and_keep(&f, s.shrink_budget);
    }
    let (report, saved, shown) = (keeper.report, keeper.saved, keeper.seen.len());
    let shrink_time = shrink_start.elapsed();

    let summary = format!(
        "noninterference: {} cases in {:.1}s (seed {}, {} threads): violations {} \
         (integrity {}, confidentiality {}, differential {}; {} already kept); explained by \
         the user-value \
         allowance {}; refused {} ({:.1}%); strict runs {}: finished {:.1}%, denied {} \
         ({:.1}%), uncaught exception {:.1}%, limit {:.1}%, other {:.1}%",
        stats.cases,
        search_time.as_secs_f64(),
        s.seed,
        workers,
        stats.violations(),
        stats.integrity,
        stats.confidentiality,
        stats.differential,
        stats.known,
        stats.explained,
        stats.refused,
        pct(stats.refused, stats.cases),
        stats.runs,
        pct(stats.finished, stats.runs),
        stats.denied,
        pct(stats.denied, stats.runs),
        pct(stats.exceptions, stats.runs),
        pct(stats.limits, stats.runs),
        pct(stats.other, stats.runs),
    );
    println!("{summary}");
    // `make test` prints this line after the run (cargo hides a passing test's output).
    let _ = std::fs::write(
        std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("noninterference.txt"),
        format!("{summary}\n"),
    );
    println!("  uncaught exceptions: {:?}", stats.exception_types);
    for r in &stats.refusals {
        println!("  refused: {r}");
    }
    for r in &stats.explained_examples {
        println!("  explained: {r}");
    }
    if unshrunk > 0 {
        println!("  {unshrunk} more counterexamples left unshrunk (time)");
    }
    if !report.is_empty() {
        println!(
            "shrunk {} counterexamples in {:.1}s:{report}",
            shown,
            shrink_time.as_secs_f64()
        );
    }
    if !saved.is_empty() {
        println!(
            "saved {} new regression cases: {}",
            saved.len(),
            saved.join(" ")
        );
    }
    // Violations already kept as regressions fail `noninterference_regressions`, not this.
    assert!(
        stats.violations() == stats.known,
        "{summary}\nthe label model leaks in new ways (shrunk counterexamples above; replay \
         one with BACTRIAN_NI_SEED and BACTRIAN_NI_CASE, keep them with BACTRIAN_NI_SAVE=1 or \
         `make fuzz-labels`)"
    );
}

/// Shrinks counterexamples, prints them, and keeps the new ones as regression files.
struct Keeper {
    /// Signatures of the kept files.
    known: HashSet<String>,
    /// Signatures shrunk in this run.
    seen: HashSet<String>,
    per_kind: std::collections::HashMap<(Experiment, String), usize>,
    save: bool,
    report: String,
    saved: Vec<String>,
}

impl Keeper {
    fn new(kept: &[(String, Regression)], save: bool) -> Keeper {
        Keeper {
            known: kept
                .iter()
                .map(|(_, r)| regressions::signature(r.experiment, &r.plan))
                .collect(),
            seen: HashSet::new(),
            per_kind: Default::default(),
            save,
            report: String::new(),
            saved: Vec::new(),
        }
    }

    fn shrink_and_keep(&mut self, f: &Failure, budget: Duration) {
        let small = shrinker::shrink(f.plan.clone(), budget, |text| {
            still_fails(f.experiment, text, f.a, f.b)
        });
        let text = small.render();
        let sig = regressions::signature(f.experiment, &text);
        if !self.seen.insert(sig.clone()) {
            return;
        }
        let checked = property::check(f.experiment, &text, f.a, f.b);
        let differed = match checked.verdict {
            Verdict::Violation(m) | Verdict::Explained(m) => m,
            Verdict::Pass => f.message.clone(),
        };
        let kind = regressions::kind_of(f.experiment, &text);
        self.report.push_str(&format!(
            "\n--- {:?} ({kind}), {}: {differed}\n{text}",
            f.experiment, f.found
        ));
        // A few new files per kind and run: the same bug tends to come back in many shapes.
        let per_kind = self
            .per_kind
            .entry((f.experiment, kind.clone()))
            .or_insert(0);
        if self.save && !self.known.contains(&sig) && *per_kind < 3 {
            *per_kind += 1;
            let r = Regression {
                experiment: f.experiment,
                kind,
                world_a: f.a.into(),
                world_b: f.b.into(),
                differed,
                found: f.found.clone(),
                plan: text,
            };
            match regressions::save(&r) {
                Ok(name) => self.saved.push(name),
                Err(e) => eprintln!("could not save a regression: {e}"),
            }
        }
    }
}

/// Prints one case in full: the plan, the worlds, how each run ended, what each allowed and
/// the verdicts.
fn replay_case(seed: u64, i: u64) {
    let (plan, a, b, c) = case(seed, i);
    let text = plan.render();
    println!("--- seed {seed}, case {i}\n{text}");
    for (name, w) in [
        ("a", a),
        ("b (other untrusted data)", b),
        ("c (other secret)", c),
    ] {
        let r = property::run(&text, w, Mode::Strict, Rules::Enforce);
        println!("world {name}: {w:?}\n  ended {:?} {}", r.end, r.message);
        for call in &r.allowed {
            println!("  allowed {call:?}");
        }
        for v in &r.vars {
            println!(
                "  {} = {} (trusted {}, public {})",
                v.name, v.repr, v.trusted, v.public
            );
        }
    }
    let verdicts = [
        (
            "integrity",
            property::check(Experiment::Integrity, &text, a, b).verdict,
        ),
        (
            "confidentiality",
            property::check(Experiment::Confidentiality, &text, a, c).verdict,
        ),
        (
            "differential",
            property::check(Experiment::Differential, &text, a, a).verdict,
        ),
    ];
    for (name, v) in &verdicts {
        println!("{name}: {v:?}");
    }
    let s = settings();
    let mut keeper = Keeper::new(&regressions::load_all(), s.save);
    for ((_, v), (exp, b)) in verdicts.iter().zip([
        (Experiment::Integrity, b),
        (Experiment::Confidentiality, c),
        (Experiment::Differential, a),
    ]) {
        if let Verdict::Violation(m) = v {
            let f = Failure {
                experiment: exp,
                plan: plan.clone(),
                a,
                b,
                message: m.clone(),
                found: format!("seed {seed}, case {i}"),
            };
            keeper.shrink_and_keep(&f, s.shrink_budget);
        }
    }
    println!("{}", keeper.report);
    if !keeper.saved.is_empty() {
        println!("saved {}", keeper.saved.join(" "));
    }
    assert!(
        !verdicts
            .iter()
            .any(|(_, v)| matches!(v, Verdict::Violation(_))),
        "case {i} leaks"
    );
}

#[test]
fn noninterference_regressions() {
    let all = regressions::load_all();
    let mut still = Vec::new();
    for (name, r) in &all {
        let checked = property::check(
            r.experiment,
            &r.plan,
            World::from(&r.world_a),
            World::from(&r.world_b),
        );
        if let Verdict::Violation(m) = checked.verdict {
            still.push(format!(
                "{name} ({:?}, {}): {m}\n{}",
                r.experiment, r.kind, r.plan
            ));
        }
    }
    println!(
        "noninterference regressions: {} cases, {} still leak",
        all.len(),
        still.len()
    );
    assert!(
        still.is_empty(),
        "{} of {} kept counterexamples still leak:\n\n{}",
        still.len(),
        all.len(),
        still.join("\n")
    );
}

/// The harness itself: generation is deterministic, the host applies its rules, and a plan
/// that keeps untrusted data away from decisions passes every experiment.
#[test]
fn noninterference_harness() {
    assert_eq!(
        generator::generate(7).render(),
        generator::generate(7).render()
    );
    let a = World::new(1, 1);
    // An untrusted recipient is denied unless it is a user value.
    let r = property::run(
        "send(fetch('q')['to'] + 'zz', 'hi')\n",
        a,
        Mode::Strict,
        Rules::Enforce,
    );
    assert_eq!(r.end, End::Denied);
    let r = property::run(
        "to = fetch('q')['to']\nsend('bob@corp.com' if to else 'bob@corp.com', 'hi')\n",
        a,
        Mode::Strict,
        Rules::Enforce,
    );
    assert_eq!(r.end, End::Finished, "a user value passes");
    assert!(r.allowed.iter().any(|c| c.tool == "send" && c.by_allowance));
    // The secret may go to its reader, not to the public, nor under a branch on it.
    let r = property::run(
        "s = read_secret()\nsend('alice@corp.com', str(s))\n",
        a,
        Mode::Strict,
        Rules::Enforce,
    );
    assert_eq!(r.end, End::Finished);
    let r = property::run(
        "s = read_secret()\npost(str(s))\n",
        a,
        Mode::Strict,
        Rules::Enforce,
    );
    assert_eq!(r.end, End::Denied);
    let r = property::run(
        "s = read_secret()\nif s:\n    post('x')\n",
        a,
        Mode::Strict,
        Rules::Enforce,
    );
    assert_eq!(r.end, End::Denied);
    // Keyword and positional arguments bind to the same parameters; unknown ones are refused.
    let r = property::run(
        "send(body='x', to='carol@corp.com')\npay('DE00 1234', amount=3)\n",
        a,
        Mode::Strict,
        Rules::Enforce,
    );
    assert_eq!(r.end, End::Finished);
    assert_eq!(
        r.allowed[0].arg("to"),
        Some(&serde_json::json!("carol@corp.com"))
    );
    let r = property::run("send('a', cc='b')\n", a, Mode::Strict, Rules::Enforce);
    assert_eq!(r.end, End::Exception("TypeError".into()));
    // A sound plan passes.
    let plan = "r = fetch('q')\nto = 'carol@corp.com'\nif r['n'] == 2:\n    print('two')\nsend(to, r['body'])\npay('DE00 1234', 3)\n";
    let other_data = World::new(2, 1);
    let other_secret = World::new(1, 2);
    for (exp, b) in [
        (Experiment::Integrity, other_data),
        (Experiment::Confidentiality, other_secret),
        (Experiment::Differential, a),
    ] {
        assert_eq!(property::check(exp, plan, a, b).verdict, Verdict::Pass);
    }
}

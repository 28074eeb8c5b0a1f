//! Data-driven tests: every `tests/cases/*.yaml` holds cases of the form
//!
//! ```yaml
//! cases:
//!   - note: what the case shows
//!     files: [tools/search.py]      # created (empty, executable) next to agent.yaml
//!     plain_files: [tools/x.sh]     # created without the executable bit
//!     agent: |
//!       name: x
//!     error: "agent.yaml:2:1: ..."  # a substring of the error (or a list of them)
//!     # or
//!     ok: true
//!     warning: "..."                # optional: a substring of some warning
//! ```
//!
//! Adding a case is adding YAML. Each agent.yaml is written to its own temporary directory
//! and read with `AgentConfig::load`, so messages end in `agent.yaml:line:col: ...`.

use std::fs;
use std::path::{Path, PathBuf};

use bactrian_agent_config::AgentConfig;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFile {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    note: String,
    agent: String,
    #[serde(default)]
    files: Vec<String>,
    #[serde(default)]
    plain_files: Vec<String>,
    #[serde(default)]
    error: Option<OneOrMany>,
    #[serde(default)]
    ok: bool,
    #[serde(default)]
    warning: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn all(&self) -> Vec<&str> {
        match self {
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(v) => v.iter().map(String::as_str).collect(),
        }
    }
}

fn scratch_dir(file: &str, index: usize) -> PathBuf {
    let dir = std::env::temp_dir()
        .join(format!("bactrian-agent-config-{}", std::process::id()))
        .join(format!("{file}-{index}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

fn touch(dir: &Path, rel: &str, executable: bool) {
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("create dirs");
    }
    fs::write(&path, "").expect("write file");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = if executable { 0o755 } else { 0o644 };
        fs::set_permissions(&path, fs::Permissions::from_mode(mode)).expect("chmod");
    }
}

/// Run one case; `Err` describes how it failed.
fn run(file: &str, index: usize, case: &Case) -> Result<(), String> {
    let dir = scratch_dir(file, index);
    for f in &case.files {
        touch(&dir, f, true);
    }
    for f in &case.plain_files {
        touch(&dir, f, false);
    }
    let agent = dir.join("agent.yaml");
    fs::write(&agent, &case.agent).map_err(|e| e.to_string())?;
    let result = AgentConfig::load(&agent);
    match (&case.error, case.ok, result) {
        (Some(want), false, Err(err)) => {
            let got = err.to_string();
            let missing: Vec<&str> = want
                .all()
                .into_iter()
                .filter(|w| !got.contains(w))
                .collect();
            if missing.is_empty() {
                Ok(())
            } else {
                Err(format!(
                    "expected error containing {missing:?}\n     got: {got}"
                ))
            }
        }
        (Some(want), false, Ok(_)) => {
            Err(format!("expected error {:?}, but it loaded", want.all()))
        }
        (None, true, Ok(config)) => match &case.warning {
            Some(w)
                if !config
                    .warnings
                    .iter()
                    .any(|p| p.message.contains(w.as_str())) =>
            {
                Err(format!(
                    "expected a warning containing {w:?}, got {:?}",
                    config.warnings
                ))
            }
            _ => Ok(()),
        },
        (None, true, Err(err)) => Err(format!("expected ok, got: {err}")),
        _ => Err("a case needs exactly one of `error:` and `ok: true`".to_string()),
    }
}

#[test]
fn cases() {
    let cases_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files: Vec<PathBuf> = fs::read_dir(&cases_dir)
        .expect("tests/cases exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    assert!(
        !files.is_empty(),
        "no case files in {}",
        cases_dir.display()
    );
    let mut failures = Vec::new();
    let mut count = 0;
    for path in files {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("cases")
            .to_string();
        let text = fs::read_to_string(&path).expect("read case file");
        let file: CaseFile =
            serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for (i, case) in file.cases.iter().enumerate() {
            count += 1;
            if let Err(why) = run(&stem, i, case) {
                failures.push(format!("{stem}.yaml case {i} ({}):\n  {why}", case.note));
            }
        }
    }
    let _ = fs::remove_dir_all(
        std::env::temp_dir().join(format!("bactrian-agent-config-{}", std::process::id())),
    );
    assert!(
        failures.is_empty(),
        "{} of {count} cases failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

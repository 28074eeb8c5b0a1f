//! Where the daemon keeps what must outlive it: registered agents, and each run's journal
//! (its plan, query, agent digest, the results of its calls so far, and how it ended or what
//! it waits for). One trait, so that a store shared by several replicas can follow; the
//! default is a directory (nothing to install).

use bactrian_engine::journal::JournalEntry;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// A run as stored: enough to resume it by replay, or to answer for it once it ended.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct StoredRun {
    pub id: String,
    pub agent: String,
    /// The agent's digest when the run started: a run resumes only under the same agent.
    pub agent_digest: String,
    pub code: String,
    pub query: String,
    #[serde(default)]
    pub session: Option<String>,
    #[serde(default)]
    pub limits: Option<Value>,
    #[serde(default)]
    pub idempotency_key: Option<String>,
    /// Who submitted it (peer credentials on the Unix socket, the token's scope on TCP).
    pub caller: Value,
    pub created_at: u64,
    /// Kept apart, in an append-only journal file (see [`DirStore`]).
    #[serde(default, skip_serializing)]
    pub entries: Vec<JournalEntry>,
    /// The run as the API shows it (status, pending suspension, result...).
    pub view: Value,
}

/// A registered agent as stored.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct StoredAgent {
    pub id: String,
    pub registration: Value,
}

/// Keeps agents and runs.
pub trait Store: Send + Sync {
    fn save_run(&self, run: &StoredRun) -> Result<(), String>;
    fn load_runs(&self) -> Result<Vec<StoredRun>, String>;
    fn save_agent(&self, agent: &StoredAgent) -> Result<(), String>;
    fn load_agents(&self) -> Result<Vec<StoredAgent>, String>;
}

/// A directory. A run that waits (suspended) has `runs/ID.json`, replaced whole (written
/// beside, then renamed, so a crash leaves the old version or the new one, never half of
/// one), and its journal in `runs/ID.journal`, one JSON entry per line, appended as the run
/// goes (a suspension costs the entries since the last one, not the whole journal). A torn
/// last line (a crash mid-append) is dropped when read back: that call was never answered.
/// An ended run needs no journal: its view is appended to `runs/ended.jsonl` and its own
/// files go, so a run that never waits creates no file here (its record is in `records/`).
/// Agents are `agents/ID.json`.
pub struct DirStore {
    root: PathBuf,
    /// Entries of each waiting run's journal file, as written by this process.
    journal_lens: std::sync::Mutex<std::collections::HashMap<String, usize>>,
    /// `runs/ended.jsonl`, open for appending.
    ended: std::sync::Mutex<Option<std::fs::File>>,
}

/// Whether a run with this view has ended.
fn has_ended(run: &StoredRun) -> bool {
    matches!(
        run.view.get("status").and_then(serde_json::Value::as_str),
        Some("completed" | "failed" | "denied" | "stopped")
    )
}

impl DirStore {
    pub fn open(root: &Path) -> Result<DirStore, String> {
        for sub in ["runs", "agents", "records"] {
            let dir = root.join(sub);
            std::fs::create_dir_all(&dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        Ok(DirStore {
            root: root.to_path_buf(),
            journal_lens: Default::default(),
            ended: Default::default(),
        })
    }

    pub fn records(&self) -> PathBuf {
        self.root.join("records")
    }

    fn write(&self, sub: &str, id: &str, value: &impl Serialize) -> Result<(), String> {
        let path = self.root.join(sub).join(format!("{id}.json"));
        let tmp = self.root.join(sub).join(format!(".{id}.json.tmp"));
        let bytes = serde_json::to_vec(value).map_err(|e| e.to_string())?;
        std::fs::write(&tmp, bytes).map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
        std::fs::rename(&tmp, &path).map_err(|e| format!("cannot write {}: {e}", path.display()))
    }

    fn read_all<T: serde::de::DeserializeOwned>(&self, sub: &str) -> Result<Vec<T>, String> {
        let dir = self.root.join(sub);
        let mut out = Vec::new();
        let entries =
            std::fs::read_dir(&dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "json")
                || path
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            {
                continue;
            }
            let bytes =
                std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            match serde_json::from_slice(&bytes) {
                Ok(v) => out.push(v),
                // One damaged file does not stop the daemon: it is reported and left alone.
                Err(e) => eprintln!("bactrian serve: skipping {}: {e}", path.display()),
            }
        }
        Ok(out)
    }
}

impl DirStore {
    fn journal_path(&self, id: &str) -> PathBuf {
        self.root.join("runs").join(format!("{id}.journal"))
    }

    /// Brings `runs/ID.journal` up to `entries`: appends what is new, or rewrites it when
    /// the journal was cut (a plan that left its journal).
    fn write_journal(&self, id: &str, entries: &[JournalEntry]) -> Result<(), String> {
        use std::io::Write;
        let mut lens = self.journal_lens.lock().unwrap_or_else(|p| p.into_inner());
        let path = self.journal_path(id);
        let lines = |from: &[JournalEntry]| -> Result<Vec<u8>, String> {
            let mut out = Vec::new();
            for e in from {
                serde_json::to_writer(&mut out, e).map_err(|e| e.to_string())?;
                out.push(b'\n');
            }
            Ok(out)
        };
        match lens.get(id).copied() {
            // Nothing to write, and no file to make for it.
            None if entries.is_empty() && !path.exists() => {}
            Some(n) if n <= entries.len() => {
                let new = lines(entries.get(n..).unwrap_or_default())?;
                if !new.is_empty() {
                    let mut f = std::fs::OpenOptions::new()
                        .create(true)
                        .append(true)
                        .open(&path)
                        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                    f.write_all(&new)
                        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                }
            }
            _ => {
                let tmp = path.with_extension("journal.tmp");
                std::fs::write(&tmp, lines(entries)?)
                    .map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
                std::fs::rename(&tmp, &path)
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            }
        }
        lens.insert(id.to_string(), entries.len());
        Ok(())
    }

    /// The entries of a run's journal, and whether the file holds exactly them (no torn
    /// last line to rewrite before appending).
    fn read_journal(&self, id: &str) -> (Vec<JournalEntry>, bool) {
        let text = std::fs::read_to_string(self.journal_path(id)).unwrap_or_default();
        let entries: Vec<JournalEntry> = text
            .lines()
            .map_while(|l| serde_json::from_str(l).ok())
            .collect();
        let whole =
            entries.len() == text.lines().count() && (text.is_empty() || text.ends_with('\n'));
        (entries, whole)
    }
}

impl DirStore {
    /// Appends an ended run to `runs/ended.jsonl`, then removes its own files.
    fn save_ended(&self, run: &StoredRun) -> Result<(), String> {
        use std::io::Write;
        let path = self.root.join("runs").join("ended.jsonl");
        let mut line = serde_json::to_vec(run).map_err(|e| e.to_string())?;
        line.push(b'\n');
        let mut ended = self.ended.lock().unwrap_or_else(|p| p.into_inner());
        if ended.is_none() {
            *ended = Some(
                std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(&path)
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?,
            );
        }
        if let Some(file) = ended.as_mut() {
            file.write_all(&line)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
        drop(ended);
        let known = self
            .journal_lens
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&run.id)
            .is_some();
        let json = self.root.join("runs").join(format!("{}.json", run.id));
        if known || json.exists() {
            let _ = std::fs::remove_file(&json);
            let _ = std::fs::remove_file(self.journal_path(&run.id));
        }
        Ok(())
    }

    fn read_ended(&self) -> Vec<StoredRun> {
        let path = self.root.join("runs").join("ended.jsonl");
        let text = std::fs::read_to_string(path).unwrap_or_default();
        text.lines()
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect()
    }
}

impl Store for DirStore {
    fn save_run(&self, run: &StoredRun) -> Result<(), String> {
        if has_ended(run) {
            return self.save_ended(run);
        }
        // The journal first: a saved view never waits on entries the journal lacks.
        self.write_journal(&run.id, &run.entries)?;
        self.write("runs", &run.id, run)
    }
    fn load_runs(&self) -> Result<Vec<StoredRun>, String> {
        // An ended run's line wins over its own files (a crash between the two writes).
        let mut by_id: std::collections::HashMap<String, StoredRun> = self
            .read_ended()
            .into_iter()
            .map(|r| (r.id.clone(), r))
            .collect();
        for run in self.read_all::<StoredRun>("runs")? {
            by_id.entry(run.id.clone()).or_insert(run);
        }
        let mut runs: Vec<StoredRun> = by_id.into_values().collect();
        for run in runs.iter_mut().filter(|r| !has_ended(r)) {
            let (entries, whole) = self.read_journal(&run.id);
            run.entries = entries;
            if whole {
                self.journal_lens
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .insert(run.id.clone(), run.entries.len());
            }
        }
        Ok(runs)
    }
    fn save_agent(&self, agent: &StoredAgent) -> Result<(), String> {
        self.write("agents", &agent.id, agent)
    }
    fn load_agents(&self) -> Result<Vec<StoredAgent>, String> {
        self.read_all("agents")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn entry(n: usize) -> JournalEntry {
        JournalEntry::Approval {
            call: format!("c{n}"),
            tool: "t".into(),
            answer: "once".into(),
        }
    }

    fn run(entries: Vec<JournalEntry>) -> StoredRun {
        StoredRun {
            id: "run_1".into(),
            agent: "a".into(),
            agent_digest: "d".into(),
            code: "x = 1".into(),
            query: String::new(),
            session: None,
            limits: None,
            idempotency_key: None,
            caller: json!({}),
            created_at: 0,
            entries,
            view: json!({"status": "suspended"}),
        }
    }

    #[test]
    fn a_journal_is_appended_and_a_torn_line_is_dropped_and_rewritten() {
        let dir = tempfile::tempdir().unwrap();
        let store = DirStore::open(dir.path()).unwrap();
        store.save_run(&run(vec![entry(1)])).unwrap();
        store.save_run(&run(vec![entry(1), entry(2)])).unwrap();
        let path = dir.path().join("runs/run_1.journal");
        assert_eq!(std::fs::read_to_string(&path).unwrap().lines().count(), 2);
        // A crash in the middle of an append.
        let mut text = std::fs::read_to_string(&path).unwrap();
        text.push_str("{\"kind\": \"appro");
        std::fs::write(&path, text).unwrap();
        let again = DirStore::open(dir.path()).unwrap();
        let loaded = again.load_runs().unwrap();
        assert_eq!(loaded[0].entries, vec![entry(1), entry(2)]);
        again
            .save_run(&run(vec![entry(1), entry(2), entry(3)]))
            .unwrap();
        let third = DirStore::open(dir.path()).unwrap().load_runs().unwrap();
        assert_eq!(third[0].entries, vec![entry(1), entry(2), entry(3)]);
    }

    #[test]
    fn an_ended_run_leaves_one_line_and_no_files_of_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let store = DirStore::open(dir.path()).unwrap();
        store.save_run(&run(vec![entry(1)])).unwrap();
        assert!(dir.path().join("runs/run_1.json").exists());
        let mut ended = run(vec![entry(1)]);
        ended.view = json!({"status": "completed"});
        store.save_run(&ended).unwrap();
        assert!(!dir.path().join("runs/run_1.json").exists());
        assert!(!dir.path().join("runs/run_1.journal").exists());
        let mut quick = run(Vec::new());
        quick.id = "run_2".into();
        quick.view = json!({"status": "failed"});
        store.save_run(&quick).unwrap();
        let names: Vec<String> = std::fs::read_dir(dir.path().join("runs"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .collect();
        assert_eq!(names, ["ended.jsonl"]);
        let mut loaded = DirStore::open(dir.path()).unwrap().load_runs().unwrap();
        loaded.sort_by(|a, b| a.id.cmp(&b.id));
        assert_eq!(loaded.len(), 2);
        assert_eq!(loaded[0].view["status"], "completed");
    }
}

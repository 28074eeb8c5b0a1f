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

/// A directory: `runs/ID.json`, `agents/ID.json`, each replaced whole (written beside, then
/// renamed), so a crash leaves the old version or the new one, never half of one.
pub struct DirStore {
    root: PathBuf,
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

impl Store for DirStore {
    fn save_run(&self, run: &StoredRun) -> Result<(), String> {
        self.write("runs", &run.id, run)
    }
    fn load_runs(&self) -> Result<Vec<StoredRun>, String> {
        self.read_all("runs")
    }
    fn save_agent(&self, agent: &StoredAgent) -> Result<(), String> {
        self.write("agents", &agent.id, agent)
    }
    fn load_agents(&self) -> Result<Vec<StoredAgent>, String> {
        self.read_all("agents")
    }
}

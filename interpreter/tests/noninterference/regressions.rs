//! Counterexamples kept as files: `regressions/NNN.yaml`, each with the shrunk plan, the two
//! worlds and what differed when it was found.

use super::property::Experiment;
use super::world::World;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Seeds {
    pub untrusted: u64,
    pub secret: u64,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub untrusted_tweak: u64,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub secret_tweak: u64,
}

fn is_zero(x: &u64) -> bool {
    *x == 0
}

impl From<World> for Seeds {
    fn from(w: World) -> Seeds {
        Seeds {
            untrusted: w.untrusted,
            secret: w.secret,
            untrusted_tweak: w.untrusted_tweak,
            secret_tweak: w.secret_tweak,
        }
    }
}

impl From<&Seeds> for World {
    fn from(s: &Seeds) -> World {
        World {
            untrusted: s.untrusted,
            secret: s.secret,
            untrusted_tweak: s.untrusted_tweak,
            secret_tweak: s.secret_tweak,
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Regression {
    pub experiment: Experiment,
    /// A guess at the construct that leaks: exceptions, untaken-branches,
    /// comprehensions-builtins, index-writes, readers, other.
    pub kind: String,
    pub world_a: Seeds,
    pub world_b: Seeds,
    /// What differed between the two runs when it was found.
    pub differed: String,
    /// Where the generator found it (base seed and case number).
    pub found: String,
    pub plan: String,
}

pub fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/noninterference/regressions")
}

/// Every kept counterexample, by file name.
pub fn load_all() -> Vec<(String, Regression)> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir()) else {
        return out;
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    paths.sort();
    for p in paths {
        let name = p
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{name}: {e}"));
        let r: Regression = serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        out.push((name, r));
    }
    out
}

/// Writes `r` as the next `NNN.yaml`; returns its file name.
pub fn save(r: &Regression) -> std::io::Result<String> {
    let d = dir();
    std::fs::create_dir_all(&d)?;
    let next = load_all()
        .iter()
        .filter_map(|(n, _)| n.trim_end_matches(".yaml").parse::<u32>().ok())
        .max()
        .unwrap_or(0)
        + 1;
    let name = format!("{next:03}.yaml");
    let text = serde_yaml::to_string(r).map_err(std::io::Error::other)?;
    std::fs::write(d.join(&name), text)?;
    Ok(name)
}

/// The plan with names, strings and numbers blanked: two counterexamples with the same
/// signature are the same bug, most likely.
pub fn signature(experiment: Experiment, plan: &str) -> String {
    let mut out = format!("{experiment:?}:");
    let mut chars = plan.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\'' || c == '"' {
            for d in chars.by_ref() {
                if d == c {
                    break;
                }
            }
            out.push('S');
        } else if c.is_ascii_digit() {
            while chars.peek().is_some_and(|d| d.is_ascii_digit()) {
                chars.next();
            }
            out.push('N');
        } else if c.is_ascii_alphabetic() || c == '_' {
            let mut word = String::from(c);
            while let Some(&d) = chars.peek() {
                if d.is_ascii_alphanumeric() || d == '_' {
                    word.push(d);
                    chars.next();
                } else {
                    break;
                }
            }
            // Generated names end in digits; keep keywords, builtins and tools.
            let generated = word.chars().last().is_some_and(|d| d.is_ascii_digit());
            if generated {
                out.push('v');
            } else {
                out.push_str(&word);
            }
        } else if !c.is_whitespace() || c == '\n' {
            out.push(c);
        }
    }
    out
}

/// A guess at which construct a shrunk counterexample is about.
pub fn kind_of(experiment: Experiment, plan: &str) -> String {
    let has = |s: &str| plan.contains(s);
    let index_write = plan.lines().any(|l| {
        let l = l.trim();
        (l.contains("] = ") && !l.starts_with("for "))
            || l.starts_with("del ")
            || l.contains(".pop(")
            || l.contains(".insert(")
            || l.contains(".remove(")
            || l.contains(".setdefault(")
    });
    let kind = if experiment == Experiment::Confidentiality {
        "readers"
    } else if has("try:") || has("raise ") || has("except") {
        "exceptions"
    } else if index_write {
        "index-writes"
    } else if has(" for ")
        && (has("[") || has("("))
        && plan.lines().any(|l| {
            let l = l.trim_start();
            !l.starts_with("for ") && l.contains(" for ")
        })
        || has("map(")
        || has("filter(")
        || has("key=")
        || has("lambda")
    {
        "comprehensions-builtins"
    } else if has("if ") || has("while ") || has("for ") || has(" and ") || has(" or ") {
        "untaken-branches"
    } else {
        "other"
    };
    kind.to_string()
}

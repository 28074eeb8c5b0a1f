//! Reading policy files with a size cap.
//!
//! A size checked after reading protects nothing: a path to `/dev/zero` or a FIFO never
//! ends, and reading it whole runs out of memory first. So a policy file or test fixture is
//! read through [`Read::take`], one byte past its cap and never further.

use std::io::Read;
use std::path::Path;

use crate::error::PolicyError;

/// The largest policy file or test fixture, in bytes. regorus refuses Rego files past
/// 1 MiB on its own; YAML fixtures with many cases may be larger.
pub(crate) const MAX_FILE_BYTES: u64 = 4 << 20;

/// The text of the policy file or fixture at `path`.
pub(crate) fn read(path: &Path) -> Result<String, PolicyError> {
    let file = std::fs::File::open(path).map_err(|e| PolicyError::read(path, e))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| PolicyError::read(path, e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(PolicyError::read(
            path,
            std::io::Error::new(
                std::io::ErrorKind::FileTooLarge,
                format!(
                    "the file is larger than {MAX_FILE_BYTES} bytes, the limit for a policy file"
                ),
            ),
        ));
    }
    String::from_utf8(bytes).map_err(|_| {
        PolicyError::read(
            path,
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "the file is not UTF-8 text",
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_endless_policy_file_ends_at_the_cap() {
        let dir =
            std::env::temp_dir().join(format!("bactrian-policy-files-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let link = dir.join("zero.rego");
        let _ = std::fs::remove_file(&link);
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        let err = crate::PolicySet::load(&[&link]).unwrap_err().to_string();
        assert!(
            err.ends_with("zero.rego: cannot read: the file is larger than 4194304 bytes, the limit for a policy file"),
            "{err}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

//! Reading an input file with a size cap.
//!
//! A size limit checked after reading protects nothing: `/dev/zero`, a FIFO or a file still
//! being written never ends, and reading it whole runs out of memory first. So input files
//! are read through [`std::io::Read::take`], one byte past their cap and never further.

use std::io::{self, Read};
use std::path::Path;

/// Reads the file at `path`, which must hold at most `cap` bytes. A longer input (or an
/// endless one) is an error naming the cap and `what` it is the limit for (e.g. "a plan"),
/// after reading at most `cap + 1` bytes into a buffer of at most `cap`.
pub fn read_capped(path: &Path, cap: u64, what: &str) -> io::Result<Vec<u8>> {
    let mut file = std::fs::File::open(path)?;
    // The buffer is sized once: to a regular file's size, else to the cap (untouched pages
    // cost no memory). Growing it by doubling would hold two copies at its peak.
    let size = match file.metadata() {
        Ok(m) if m.is_file() => m.len().min(cap),
        _ => cap,
    };
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    (&mut file).take(cap).read_to_end(&mut bytes)?;
    // One byte more, read apart, says whether there was more without growing the buffer.
    let mut more = Vec::new();
    if bytes.len() as u64 == cap && file.take(1).read_to_end(&mut more)? > 0 {
        return Err(too_large(cap, what));
    }
    Ok(bytes)
}

/// Like [`read_capped`], for a text file: invalid UTF-8 is an error.
pub fn read_capped_text(path: &Path, cap: u64, what: &str) -> io::Result<String> {
    String::from_utf8(read_capped(path, cap, what)?)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "the file is not UTF-8 text"))
}

/// The error of an input past its cap.
pub fn too_large(cap: u64, what: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::FileTooLarge,
        format!("the file is larger than {cap} bytes, the limit for {what}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endless_input_ends_at_its_cap() {
        let err = read_capped(Path::new("/dev/zero"), 1000, "a test").unwrap_err();
        assert_eq!(
            err.to_string(),
            "the file is larger than 1000 bytes, the limit for a test"
        );
    }

    #[test]
    fn a_file_within_its_cap_is_read_whole() {
        let dir = std::env::temp_dir().join(format!("capped-{}", std::process::id()));
        std::fs::write(&dir, "abc").unwrap();
        assert_eq!(read_capped_text(&dir, 3, "a test").unwrap(), "abc");
        assert!(read_capped(&dir, 2, "a test").is_err());
        std::fs::remove_file(&dir).unwrap();
    }
}

//! Resource limits: each one ends the run with a clear error, never a crash or an OOM.

use serde::{Deserialize, Serialize};
use std::time::Duration;

/// Bounds on what one run may consume.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// Statements, loop turns and calls executed.
    pub max_steps: u64,
    /// Wall-clock time of the whole run, tool calls included.
    #[serde(with = "secs")]
    pub max_time: Duration,
    /// Nested calls of plan functions.
    pub max_recursion: u32,
    /// Approximate total bytes allocated for strings and containers.
    pub max_alloc_bytes: u64,
    /// Bytes in any one string.
    pub max_str_len: u64,
    /// Items in any one list, tuple, dict or set.
    pub max_collection_len: u64,
    /// Bits in any one integer.
    pub max_int_bits: u64,
    /// Bytes the plan may print.
    pub max_output_bytes: u64,
    /// Bytes of plan source.
    pub max_source_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_steps: 50_000_000,
            max_time: Duration::from_secs(60),
            max_recursion: 1000,
            max_alloc_bytes: 2 << 30,
            max_str_len: 64 << 20,
            max_collection_len: 10_000_000,
            max_int_bits: 100_000,
            max_output_bytes: 16 << 20,
            max_source_bytes: 1 << 20,
        }
    }
}

/// The error of a string of `len` bytes past the string limit `max`. `len` is wide enough for
/// any product of two sizes, so the message says the size asked for, never a saturated one.
pub(crate) fn string_size_exceeded(len: u128, max: u64) -> crate::error::Unwind {
    crate::error::Unwind::limit(
        "string size",
        format!("string size limit exceeded: a string of {len} bytes is larger than {max}"),
    )
}

/// The error of a collection of `len` items past the collection limit `max`.
pub(crate) fn collection_size_exceeded(len: u128, max: u64) -> crate::error::Unwind {
    crate::error::Unwind::limit(
        "collection size",
        format!("collection size limit exceeded: {len} items is more than {max}"),
    )
}

mod secs {
    use serde::{Deserialize, Deserializer, Serializer};
    use std::time::Duration;
    pub fn serialize<S: Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(d.as_secs_f64())
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
        let secs = f64::deserialize(d)?;
        Duration::try_from_secs_f64(secs).map_err(serde::de::Error::custom)
    }
}

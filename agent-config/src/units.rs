//! Durations (`30s`, `500ms`, `2m`, `1h`, or a number of seconds) and sizes (`512MiB`,
//! `64KiB`, `1GiB`, or a number of bytes).

use std::fmt;
use std::time::Duration;

use serde::de::{self, Deserializer, Visitor};

const DURATION_FORMS: &str = "write it as `500ms`, `30s`, `2m`, `1h` or a number of seconds";
const SIZE_FORMS: &str = "write it as `64KiB`, `512MiB`, `1GiB` or a number of bytes";

/// Parse a duration: a number followed by `ms`, `s`, `m` or `h`, or a bare number of
/// seconds. Decimals are allowed (`1.5s`). Every duration in agent.yaml is a timeout, so
/// zero and negative values are refused.
///
/// ```
/// use std::time::Duration;
/// use bactrian_agent_config::parse_duration;
/// assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
/// assert_eq!(parse_duration("2m"), Ok(Duration::from_secs(120)));
/// assert_eq!(parse_duration("1.5"), Ok(Duration::from_millis(1500)));
/// assert!(parse_duration("30 sec").is_err());
/// ```
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let t = text.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let seconds_per_unit = match unit {
        "" | "s" => 1.0,
        "ms" => 0.001,
        "m" => 60.0,
        "h" => 3600.0,
        _ => return Err(format!("invalid duration `{text}`: {DURATION_FORMS}")),
    };
    if number.is_empty() {
        return Err(format!("invalid duration `{text}`: {DURATION_FORMS}"));
    }
    if !number.contains('.') && unit != "ms" {
        // Whole numbers of whole units: exact arithmetic.
        let n: u64 = number
            .parse()
            .map_err(|_| format!("invalid duration `{text}`: {DURATION_FORMS}"))?;
        let secs = n
            .checked_mul(seconds_per_unit as u64)
            .ok_or_else(|| format!("duration `{text}` is too large"))?;
        return positive(Duration::from_secs(secs), text);
    }
    if unit == "ms" && !number.contains('.') {
        let n: u64 = number
            .parse()
            .map_err(|_| format!("invalid duration `{text}`: {DURATION_FORMS}"))?;
        return positive(Duration::from_millis(n), text);
    }
    let n: f64 = number
        .parse()
        .map_err(|_| format!("invalid duration `{text}`: {DURATION_FORMS}"))?;
    seconds_f64(n * seconds_per_unit, text)
}

fn seconds_f64(secs: f64, text: &str) -> Result<Duration, String> {
    let d = Duration::try_from_secs_f64(secs)
        .map_err(|_| format!("invalid duration `{text}`: {DURATION_FORMS}"))?;
    positive(d, text)
}

fn positive(d: Duration, text: &str) -> Result<Duration, String> {
    if d.is_zero() {
        Err(format!(
            "duration `{text}` must be greater than zero (every duration here is a timeout)"
        ))
    } else {
        Ok(d)
    }
}

/// Parse a size in bytes: a number followed by `B`, `KiB`, `MiB`, `GiB` or `TiB` (binary
/// units; the case of the unit does not matter), or a bare number of bytes. Decimal units
/// (`MB`) are refused rather than guessed.
///
/// ```
/// use bactrian_agent_config::parse_size;
/// assert_eq!(parse_size("512MiB"), Ok(512 * 1024 * 1024));
/// assert_eq!(parse_size("64KiB"), Ok(65536));
/// assert_eq!(parse_size("1000"), Ok(1000));
/// assert!(parse_size("512MB").is_err());
/// ```
pub fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let unit_lower = unit.trim_start().to_ascii_lowercase();
    let multiplier: u64 = match unit_lower.as_str() {
        "" | "b" => 1,
        "kib" => 1 << 10,
        "mib" => 1 << 20,
        "gib" => 1 << 30,
        "tib" => 1 << 40,
        "k" | "kb" | "m" | "mb" | "g" | "gb" | "t" | "tb" => {
            return Err(format!(
                "size `{text}`: `{unit}` is ambiguous; write {}iB for binary units or a number of bytes",
                unit.trim_start().chars().next().map(|c| c.to_ascii_uppercase()).unwrap_or('M')
            ))
        }
        _ => return Err(format!("invalid size `{text}`: {SIZE_FORMS}")),
    };
    if number.is_empty() {
        return Err(format!("invalid size `{text}`: {SIZE_FORMS}"));
    }
    if number.contains('.') {
        let n: f64 = number
            .parse()
            .map_err(|_| format!("invalid size `{text}`: {SIZE_FORMS}"))?;
        let bytes = n * multiplier as f64;
        if !bytes.is_finite() || bytes >= u64::MAX as f64 {
            return Err(format!("size `{text}` is too large"));
        }
        if bytes.fract() != 0.0 {
            return Err(format!("size `{text}` is not a whole number of bytes"));
        }
        return Ok(bytes as u64);
    }
    let n: u64 = number
        .parse()
        .map_err(|_| format!("invalid size `{text}`: {SIZE_FORMS}"))?;
    n.checked_mul(multiplier)
        .ok_or_else(|| format!("size `{text}` is too large"))
}

/// serde adapter: a duration field.
pub(crate) fn de_duration<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
    d.deserialize_any(DurationVisitor)
}

/// serde adapter: an optional duration field (`~` is none).
pub(crate) fn de_opt_duration<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<Duration>, D::Error> {
    d.deserialize_any(DurationVisitor).map(Some)
}

struct DurationVisitor;

impl<'de> Visitor<'de> for DurationVisitor {
    type Value = Duration;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a duration such as `30s`, `500ms`, `2m` or a number of seconds")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Duration, E> {
        positive(Duration::from_secs(v), &v.to_string()).map_err(E::custom)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Duration, E> {
        match u64::try_from(v) {
            Ok(v) => self.visit_u64(v),
            Err(_) => Err(E::custom(format!(
                "duration `{v}` must be greater than zero (every duration here is a timeout)"
            ))),
        }
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Duration, E> {
        seconds_f64(v, &v.to_string()).map_err(E::custom)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Duration, E> {
        parse_duration(v).map_err(E::custom)
    }
}

/// serde adapter: a size field.
pub(crate) fn de_size<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    d.deserialize_any(SizeVisitor)
}

/// [`de_size`] for an optional setting (with `#[serde(default)]`, absent is `None`).
pub(crate) fn de_opt_size<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    de_size(d).map(Some)
}

struct SizeVisitor;

impl<'de> Visitor<'de> for SizeVisitor {
    type Value = u64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a size such as `512MiB`, `64KiB` or a number of bytes")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<u64, E> {
        Ok(v)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<u64, E> {
        u64::try_from(v).map_err(|_| E::custom(format!("size `{v}` must not be negative")))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<u64, E> {
        parse_size(v).map_err(E::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        let ok = [
            ("30s", Duration::from_secs(30)),
            ("500ms", Duration::from_millis(500)),
            ("2m", Duration::from_secs(120)),
            ("1h", Duration::from_secs(3600)),
            ("45", Duration::from_secs(45)),
            ("1.5s", Duration::from_millis(1500)),
            ("0.25", Duration::from_millis(250)),
            ("1.5ms", Duration::from_micros(1500)),
            (" 10s ", Duration::from_secs(10)),
        ];
        for (text, want) in ok {
            assert_eq!(parse_duration(text), Ok(want), "{text}");
        }
        for bad in [
            "", "s", "30 s", "30sec", "-1s", "1m30s", "0s", "0", "0ms", "abc", "1.2.3s", "30S",
            "1e3",
        ] {
            assert!(parse_duration(bad).is_err(), "{bad:?} should not parse");
        }
        assert!(parse_duration("0s")
            .unwrap_err()
            .contains("greater than zero"));
        assert!(parse_duration("99999999999999999999h").is_err());
        assert!(parse_duration("18446744073709551615h").is_err());
    }

    #[test]
    fn sizes() {
        let ok = [
            ("512MiB", 512u64 << 20),
            ("64KiB", 64 << 10),
            ("1GiB", 1 << 30),
            ("2TiB", 2 << 40),
            ("1gib", 1 << 30),
            ("10B", 10),
            ("4096", 4096),
            ("0", 0),
            ("1.5KiB", 1536),
            ("512 MiB", 512 << 20),
        ];
        for (text, want) in ok {
            assert_eq!(parse_size(text), Ok(want), "{text}");
        }
        for bad in [
            "",
            "MiB",
            "512MB",
            "1G",
            "1.3B",
            "-1",
            "12 apples",
            "1.0.0KiB",
        ] {
            assert!(parse_size(bad).is_err(), "{bad:?} should not parse");
        }
        assert!(parse_size("512MB").unwrap_err().contains("write MiB"));
        assert!(parse_size("99999999TiB").unwrap_err().contains("too large"));
    }
}

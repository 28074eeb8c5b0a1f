//! Values the user gave in the request, which a sensitive argument may equal even when it
//! was computed from untrusted data. The rule is documented in docs/agent-yaml.md,
//! section "Trusted values"; keep the two in step.

// A byte scanner: every index is checked against the length on the line before it.
#![allow(clippy::indexing_slicing)]

/// The trusted values in the user's request, deduplicated, in the order they appear
/// (at the same position, the longer value first).
///
/// They are: the whole query (trimmed); the contents of every quoted string (`"…"`,
/// `'…'`, `` `…` ``, `“…”`, `‘…’`); every email address; every `http://` or `https://`
/// URL; every number outside those (as written, plus the integer form without leading
/// zeros); and every
/// identifier-like word of 3 or more characters that contains a digit, `_`, `-`, `.` or
/// `/`, or starts with `@` or `#`. Plain English words are not trusted values.
///
/// ```
/// use bactrian_agent_config::trusted_values_from_query;
/// let values = trusted_values_from_query("Email the summary of PROJ-0149 to 'ops team' at ops@example.com");
/// assert_eq!(values, [
///     "Email the summary of PROJ-0149 to 'ops team' at ops@example.com",
///     "PROJ-0149", "0149", "149", "ops team", "ops@example.com",
/// ]);
/// ```
pub fn trusted_values_from_query(query: &str) -> Vec<String> {
    let mut found: Vec<(usize, &str)> = Vec::new();
    let whole = query.trim();
    if !whole.is_empty() {
        found.push((0, whole));
    }
    quoted(query, &mut found);
    let mut addresses = Vec::new();
    emails(query, &mut addresses);
    urls(query, &mut addresses);
    let covered: Vec<(usize, usize)> = addresses
        .iter()
        .map(|&(at, text)| (at, at + text.len()))
        .collect();
    found.extend(addresses);
    numbers(query, &covered, &mut found);
    words(query, &mut found);

    // First-seen order: by position, the longer value first at the same position. The
    // sort is stable, so equal (position, length) pairs keep the order found.
    found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.len().cmp(&a.1.len())));
    let mut seen = std::collections::HashSet::new();
    let mut out: Vec<String> = Vec::new();
    for (_, value) in found {
        if seen.insert(value) {
            out.push(value.to_string());
        }
    }
    out
}

/// Characters that may stand around a single-quote-like mark used as an apostrophe.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn quoted<'q>(query: &'q str, found: &mut Vec<(usize, &'q str)>) {
    let chars: Vec<(usize, char)> = query.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let (close, apostrophe_like) = match c {
            '"' => ('"', false),
            '`' => ('`', false),
            '“' => ('”', false),
            '\'' => ('\'', true),
            '‘' => ('’', true),
            _ => {
                i += 1;
                continue;
            }
        };
        let before = i.checked_sub(1).map(|j| chars[j].1);
        if apostrophe_like && before.is_some_and(is_word_char) {
            // "don't": an apostrophe, not an opening quote.
            i += 1;
            continue;
        }
        let mut end = None;
        for j in i + 1..chars.len() {
            if chars[j].1 != close {
                continue;
            }
            let after = chars.get(j + 1).map(|&(_, c)| c);
            if apostrophe_like && after.is_some_and(is_word_char) {
                // "'Bob's file'": the inner mark is an apostrophe.
                continue;
            }
            end = Some(j);
            break;
        }
        match end {
            Some(j) => {
                let start = at + c.len_utf8();
                let contents = &query[start..chars[j].0];
                if !contents.trim().is_empty() {
                    found.push((start, contents));
                }
                i = j + 1;
            }
            None => i += 1,
        }
    }
}

fn is_local_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-')
}

fn is_domain_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-')
}

fn emails<'q>(query: &'q str, found: &mut Vec<(usize, &'q str)>) {
    let bytes = query.as_bytes();
    for (at, _) in query.match_indices('@') {
        let mut start = at;
        while start > 0 && is_local_char(bytes[start - 1]) {
            start -= 1;
        }
        while start < at && bytes[start] == b'.' {
            start += 1;
        }
        let mut end = at + 1;
        while end < bytes.len() && is_domain_char(bytes[end]) {
            end += 1;
        }
        while end > at + 1 && matches!(bytes[end - 1], b'.' | b'-') {
            end -= 1;
        }
        if start == at || end == at + 1 {
            continue;
        }
        let domain = &query[at + 1..end];
        let labels: Vec<&str> = domain.split('.').collect();
        let tld_ok = labels
            .last()
            .is_some_and(|t| t.len() >= 2 && t.bytes().all(|b| b.is_ascii_alphabetic()));
        if labels.len() >= 2 && labels.iter().all(|l| !l.is_empty()) && tld_ok {
            found.push((start, &query[start..end]));
        }
    }
}

fn urls<'q>(query: &'q str, found: &mut Vec<(usize, &'q str)>) {
    let lower = query.to_ascii_lowercase();
    let mut starts: Vec<usize> = lower
        .match_indices("http://")
        .chain(lower.match_indices("https://"))
        .map(|(i, _)| i)
        .collect();
    starts.sort_unstable();
    // Where the last URL found ends: a scheme inside it (`http://a/http://b`) is part of it,
    // not the start of another, so URLs never overlap (overlapping ones grew quadratically).
    let mut covered_to = 0;
    for start in starts {
        if start < covered_to {
            continue;
        }
        let Some(rest) = query.get(start..) else {
            continue;
        };
        let len = rest
            .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '`' | '<' | '>'))
            .unwrap_or(rest.len());
        let mut url = &rest[..len];
        loop {
            let trimmed = url.trim_end_matches(['.', ',', ';', ':', '!', '?']);
            let trimmed = match trimmed.chars().last() {
                Some(close @ (')' | ']' | '}')) => {
                    let open = match close {
                        ')' => '(',
                        ']' => '[',
                        _ => '{',
                    };
                    if trimmed.matches(close).count() > trimmed.matches(open).count() {
                        &trimmed[..trimmed.len() - 1]
                    } else {
                        trimmed
                    }
                }
                _ => trimmed,
            };
            if trimmed.len() == url.len() {
                break;
            }
            url = trimmed;
        }
        if url.len() > url.find("://").map_or(0, |i| i + 3) {
            covered_to = start + url.len();
            found.push((start, url));
        }
    }
}

/// Numbers, except inside the byte ranges in `covered` (email addresses and URLs).
fn numbers<'q>(query: &'q str, covered: &[(usize, usize)], found: &mut Vec<(usize, &'q str)>) {
    let b = query.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let int_end = i;
        if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
            i += 1;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
        }
        let end = i;
        let glued_before = start > 0 && {
            let p = b[start - 1];
            p.is_ascii_alphanumeric() || p == b'_' || p == b'.'
        };
        let glued_after = end < b.len() && {
            let n = b[end];
            n.is_ascii_alphabetic()
                || n == b'_'
                || (n == b'.' && end + 1 < b.len() && b[end + 1].is_ascii_digit())
        };
        // Skip the rest of a glued run (letters and digits) so its tail is not a number.
        if glued_before || glued_after {
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'.') {
                i += 1;
            }
            continue;
        }
        if covered
            .iter()
            .any(|&(from, to)| start >= from && start < to)
        {
            continue;
        }
        let text = &query[start..end];
        found.push((start, text));
        if end == int_end && text.len() > 1 && text.starts_with('0') {
            let digits = text.trim_start_matches('0');
            let plain = if digits.is_empty() { "0" } else { digits };
            // Recorded at the written form's position, so it follows it.
            found.push((start, &query[end - plain.len()..end]));
        }
    }
}

const OPENERS: &[char] = &['(', '[', '{', '<', '"', '\'', '“', '‘', '`'];
const CLOSERS: &[char] = &[
    ')', ']', '}', '>', '"', '\'', '”', '’', '`', ',', ';', ':', '!', '?', '.',
];

fn words<'q>(query: &'q str, found: &mut Vec<(usize, &'q str)>) {
    let mut offset = 0;
    for raw in query.split_whitespace() {
        let at = offset + query[offset..].find(raw).unwrap_or(0);
        offset = at + raw.len();
        let word = raw.trim_start_matches(OPENERS);
        let start = at + (raw.len() - word.len());
        let word = word.trim_end_matches(CLOSERS);
        if is_identifier_like(word) {
            found.push((start, word));
        }
    }
}

fn is_identifier_like(word: &str) -> bool {
    let (prefixed, body) = match word.strip_prefix(['@', '#']) {
        Some(body) => (true, body),
        None => (false, word),
    };
    word.chars().count() >= 3
        && body
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '/'))
        && body.chars().any(char::is_alphanumeric)
        && (prefixed
            || body
                .chars()
                .any(|c| c.is_ascii_digit() || matches!(c, '_' | '-' | '.' | '/')))
}

#[cfg(test)]
mod tests {
    use super::trusted_values_from_query as tv;

    fn assert_tv(query: &str, want: &[&str]) {
        assert_eq!(tv(query), want, "query: {query:?}");
    }

    #[test]
    fn whole_query_only_for_plain_english() {
        assert_tv(
            "Summarise the news and send it to my boss",
            &["Summarise the news and send it to my boss"],
        );
        assert_tv("  padded  ", &["padded"]);
        assert_tv("", &[]);
        assert_tv("   \n ", &[]);
    }

    #[test]
    fn a_scheme_inside_a_url_does_not_start_another() {
        let values = tv("see http://a.io/http://b.io/x now");
        assert!(
            values.contains(&"http://a.io/http://b.io/x".to_string()),
            "{values:?}"
        );
        assert!(!values.contains(&"http://b.io/x".to_string()), "{values:?}");
        // 10,000 chained URLs: one URL (and a few words), not 10,000 overlapping ones.
        let chained = vec!["http://a.io"; 10_000].join("/");
        let values = tv(&chained);
        let bytes: usize = values.iter().map(String::len).sum();
        assert!(
            bytes < 4 * chained.len(),
            "{} values, {bytes} bytes",
            values.len()
        );
    }

    #[test]
    fn quoted_strings() {
        assert_tv(
            r#"Send "weekly report" to 'ops team'"#,
            &[
                r#"Send "weekly report" to 'ops team'"#,
                "weekly report",
                "ops team",
            ],
        );
        // Apostrophes are not quotes.
        assert_tv("don't send Bob's notes", &["don't send Bob's notes"]);
        assert_tv(
            "open 'Bob's file' now",
            &["open 'Bob's file' now", "Bob's file"],
        );
        assert_tv(
            "post “release notes” and ‘draft’ and `v2`",
            &[
                "post “release notes” and ‘draft’ and `v2`",
                "release notes",
                "draft",
                "v2",
            ],
        );
        // Unclosed and empty quotes give nothing.
        assert_tv(r#"say "hello"#, &[r#"say "hello"#]);
        assert_tv(r#"say "" and " ""#, &[r#"say "" and " ""#]);
        // Quote contents are kept as written, inner spaces included.
        assert_tv(r#"x " a b " y"#, &[r#"x " a b " y"#, " a b "]);
    }

    #[test]
    fn emails() {
        assert_tv(
            "Forward it to alice.smith+news@mail.example.co.uk, please.",
            &[
                "Forward it to alice.smith+news@mail.example.co.uk, please.",
                "alice.smith+news@mail.example.co.uk",
            ],
        );
        assert_tv("mail <bob@x.org>.", &["mail <bob@x.org>.", "bob@x.org"]);
        // Not emails: no dot in the domain, numeric TLD, nothing before the @.
        assert_tv("ping bob@localhost", &["ping bob@localhost"]);
        assert_tv("to @ops now", &["to @ops now", "@ops"]);
        assert_tv("a b@1.2 c", &["a b@1.2 c", "1.2"]);
    }

    #[test]
    fn urls() {
        assert_tv(
            "Read https://example.com/a?b=1&c=2 (and http://x.io/y).",
            &[
                "Read https://example.com/a?b=1&c=2 (and http://x.io/y).",
                "https://example.com/a?b=1&c=2",
                "http://x.io/y",
            ],
        );
        assert_tv(
            "see https://en.wikipedia.org/wiki/Camel_(disambiguation).",
            &[
                "see https://en.wikipedia.org/wiki/Camel_(disambiguation).",
                "https://en.wikipedia.org/wiki/Camel_(disambiguation)",
            ],
        );
        assert_tv("just https:// then", &["just https:// then"]);
    }

    #[test]
    fn numbers() {
        assert_tv("Invite 3 people", &["Invite 3 people", "3"]);
        assert_tv(
            "pay 149.50 to account 00420",
            &["pay 149.50 to account 00420", "149.50", "00420", "420"],
        );
        assert_tv("set it to 000", &["set it to 000", "000", "0"]);
        // A number glued to letters is not a number on its own ...
        assert_tv("wait 30s for v2", &["wait 30s for v2", "30s"]);
        // ... but a hyphen or a dollar sign is a separator.
        assert_tv("ticket proj-149", &["ticket proj-149", "proj-149", "149"]);
        assert_tv("cost $25, or -7", &["cost $25, or -7", "25", "7"]);
        // A dotted version or address is one identifier-like word, not numbers.
        assert_tv("upgrade to 1.2.3", &["upgrade to 1.2.3", "1.2.3"]);
        assert_tv("host 10.0.0.1", &["host 10.0.0.1", "10.0.0.1"]);
        // Sentence-final dot.
        assert_tv("room 42.", &["room 42.", "42"]);
        assert_tv("at 10:30", &["at 10:30", "10", "30"]);
    }

    #[test]
    fn identifier_like_words() {
        assert_tv(
            "merge feature/login into main, tag v1.2; owner is human_operator",
            &[
                "merge feature/login into main, tag v1.2; owner is human_operator",
                "feature/login",
                "v1.2",
                "human_operator",
            ],
        );
        assert_tv(
            "notify human-operator.",
            &["notify human-operator.", "human-operator"],
        );
        // Too short, or no digit/_/-/./ at all.
        assert_tv("go to x1 or -b now", &["go to x1 or -b now"]);
        assert_tv("go to a-b", &["go to a-b", "a-b"]);
        // Handles and channels.
        assert_tv(
            "post to #general and @bob",
            &["post to #general and @bob", "#general", "@bob"],
        );
        // Brackets around a word are not part of it.
        assert_tv("(see proj-7)", &["(see proj-7)", "proj-7", "7"]);
        // Punctuation alone is not a word.
        assert_tv("wait ... --- ok", &["wait ... --- ok"]);
        assert_tv("path /tmp/out_1", &["path /tmp/out_1", "/tmp/out_1"]);
    }

    #[test]
    fn deduplicates_in_first_seen_order() {
        assert_tv(
            "send 149 to proj-149 and 149 again; '149'",
            &[
                "send 149 to proj-149 and 149 again; '149'",
                "149",
                "proj-149",
            ],
        );
        // The whole query is not repeated when it is itself a value.
        assert_tv("bob@example.com", &["bob@example.com"]);
        assert_tv(
            "mail 42@example.com",
            &["mail 42@example.com", "42@example.com"],
        );
        assert_tv("42", &["42"]);
    }

    #[test]
    fn the_design_example() {
        let values = tv("Summarise ticket 149 and send it to human-operator");
        assert!(values.contains(&"149".to_string()));
        assert!(values.contains(&"human-operator".to_string()));
        assert!(!values.contains(&"ticket".to_string()));
    }
}

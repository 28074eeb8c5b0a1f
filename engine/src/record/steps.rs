//! The `lines` of a `steps` node: the line of each statement executed, in order, written
//! compactly. Loops repeat the same lines, so a run of consecutive lines is one item `A-B`,
//! and an item repeated K times in a row is written once with `*K`:
//! `3,5-8*3,10` is 3, 5, 6, 7, 8, 5, 6, 7, 8, 5, 6, 7, 8, 10.

/// Encodes statement lines (see the module doc).
pub fn encode_lines(lines: &[u32]) -> String {
    let mut out = String::with_capacity(lines.len());
    let mut buf = itoa::Buffer::new();
    // The pending item (start..=end) and how many times in a row it came.
    let mut item: Option<(u32, u32, u32)> = None;
    let mut lines = lines.iter().copied().peekable();
    while let Some(start) = lines.next() {
        let mut end = start;
        while let Some(next) = lines.next_if(|&next| end.checked_add(1) == Some(next)) {
            end = next;
        }
        item = match item {
            Some((s, e, k)) if (s, e) == (start, end) => Some((s, e, k + 1)),
            Some(done) => {
                push_item(&mut out, &mut buf, done);
                Some((start, end, 1))
            }
            None => Some((start, end, 1)),
        };
    }
    if let Some(done) = item {
        push_item(&mut out, &mut buf, done);
    }
    out
}

fn push_item(out: &mut String, buf: &mut itoa::Buffer, (start, end, times): (u32, u32, u32)) {
    if !out.is_empty() {
        out.push(',');
    }
    out.push_str(buf.format(start));
    if end != start {
        out.push('-');
        out.push_str(buf.format(end));
    }
    if times > 1 {
        out.push('*');
        out.push_str(buf.format(times));
    }
}

/// Decodes what [`encode_lines`] wrote; `None` for text it could not have written, or for
/// more than `limit` lines (a record is input: its text must not make us allocate without
/// bound).
pub fn decode_lines(text: &str, limit: usize) -> Option<Vec<u32>> {
    let mut lines = Vec::new();
    if text.is_empty() {
        return Some(lines);
    }
    for item in text.split(',') {
        let (range, times) = match item.split_once('*') {
            Some((r, k)) => (r, k.parse::<usize>().ok().filter(|k| *k > 1)?),
            None => (item, 1),
        };
        let (start, end) = match range.split_once('-') {
            Some((a, b)) => (a.parse::<u32>().ok()?, b.parse::<u32>().ok()?),
            None => {
                let n = range.parse::<u32>().ok()?;
                (n, n)
            }
        };
        if end < start {
            return None;
        }
        let span = (end - start) as usize + 1;
        if lines.len() + span.checked_mul(times)? > limit {
            return None;
        }
        for _ in 0..times {
            lines.extend(start..=end);
        }
    }
    Some(lines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn loops_fold_into_ranges_and_repeats() {
        let lines = [3, 5, 6, 7, 8, 5, 6, 7, 8, 5, 6, 7, 8, 10];
        assert_eq!(encode_lines(&lines), "3,5-8*3,10");
        // A run that goes on into the next line is a longer range, not a repeat.
        let lines = [2, 5, 6, 7, 8, 5, 6, 7, 8, 5, 6, 7, 8, 9];
        assert_eq!(encode_lines(&lines), "2,5-8*2,5-9");
        let lines = [2, 5, 6, 8, 5, 6, 8, 5, 6, 8, 9];
        assert_eq!(encode_lines(&lines), "2,5-6,8,5-6,8,5-6,8-9");
        let lines = [3, 4, 3, 4, 3, 4, 10];
        assert_eq!(encode_lines(&lines), "3-4*3,10");
        assert_eq!(encode_lines(&[7, 7, 7]), "7*3");
        assert_eq!(encode_lines(&[]), "");
    }

    #[test]
    fn text_it_could_not_have_written_is_refused() {
        for bad in ["x", "3-", "5-3", "1*1", "1*0", "1,,2", "-4", "4*"] {
            assert_eq!(decode_lines(bad, 100), None, "{bad}");
        }
        assert_eq!(decode_lines("1-1000000*1000000", 16_384), None);
    }

    proptest! {
        #[test]
        fn decoding_gives_back_the_lines(lines in proptest::collection::vec(0u32..40, 0..300)) {
            let text = encode_lines(&lines);
            prop_assert_eq!(decode_lines(&text, lines.len()), Some(lines));
        }
    }
}

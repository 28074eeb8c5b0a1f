//! Methods of `str`.

use super::*;
use crate::pystr::char_count;
use crate::search;
use bactrian_provenance::NodeId;
use compact_str::CompactString;

impl Machine<'_> {
    /// The list of the parts a string was cut into (`split`, `splitlines`): the parts, and
    /// the list's shape, depend on everything the call was given (`refs`: the receiver and
    /// every argument, by position or by name).
    fn parts_list<P>(&mut self, parts: Vec<P>, refs: &[&Value], text: &Arc<str>) -> Value
    where
        PyStr: From<P>,
    {
        let mut label = Label::PROGRAM;
        for r in refs {
            let fl = self.full_label(r);
            label = self.labels.join(label, fl);
        }
        // `derive_with`'s test for a plain result, made once for all the parts.
        let items: Vec<Value> = if label == Label::PROGRAM && refs.iter().all(|r| r.node == NO_NODE)
        {
            parts
                .into_iter()
                .map(|p| Value::program(Data::Str(PyStr::from(p))))
                .collect()
        } else {
            let nodes: Vec<NodeId> = refs.iter().map(|r| r.node).collect();
            parts
                .into_iter()
                .map(|p| self.derive_with(Data::Str(PyStr::from(p)), label, &nodes, text))
                .collect()
        };
        let node = items.first().map(|v| v.node).unwrap_or(NO_NODE);
        self.new_list(items, label, node)
    }

    /// `sep.join(items)`: the text, and `label` and `nodes` with the items' own. The length
    /// is summed first (and checked against the limit), so the text is written once into
    /// a buffer of its size, as CPython does.
    fn join_strs(
        &mut self,
        sep: &str,
        items: &[Value],
        mut label: Label,
        mut nodes: Vec<NodeId>,
    ) -> Eval<(String, Label, Vec<NodeId>)> {
        let mut len = 0usize;
        for (i, item) in items.iter().enumerate() {
            let Data::Str(part) = &item.data else {
                return Err(self.type_error(
                    format!(
                        "sequence item {i}: expected str instance, {} found",
                        item.data.type_name()
                    ),
                    &[],
                ));
            };
            if i > 0 {
                len = len.saturating_add(sep.len());
            }
            len = len.saturating_add(part.len());
            if len as u64 > self.limits.max_str_len {
                self.check_str_len(len)?;
            }
            label = self.labels.join(label, item.label);
            if item.node != NO_NODE && nodes.len() < 16 {
                nodes.push(item.node);
            }
        }
        self.check_str_len(len)?;
        let mut out = String::with_capacity(len);
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(sep);
            }
            if let Data::Str(part) = &item.data {
                out.push_str(part);
            }
        }
        Ok((out, label, nodes))
    }

    pub(super) fn new_str(
        &mut self,
        s: impl Into<PyStr>,
        inputs: &[&Value],
        text: &Arc<str>,
    ) -> Eval<Value> {
        let s = s.into();
        self.check_str_len(s.len())?;
        Ok(self.derive(Data::Str(s), inputs, text))
    }

    /// The receiver itself, for a method that found nothing to change (`replace` with no
    /// occurrence, `strip` with nothing to strip): CPython gives the same object.
    fn same_str(&mut self, recv: &Value, s: &str, inputs: &[&Value], text: &Arc<str>) -> Value {
        let data = match &recv.data {
            Data::Str(same) => Data::Str(same.clone()),
            _ => Data::Str(PyStr::from(s)),
        };
        self.derive(data, inputs, text)
    }

    /// `recv.name(args)` for a str `recv`, `method` the str method of that name (`None`:
    /// str has none, an `AttributeError`).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn str_method(
        &mut self,
        recv: &Value,
        s: &str,
        method: Option<StrMethod>,
        name: &str,
        args: &[Value],
        kwargs: Kwargs,
        text: &Arc<str>,
    ) -> Eval<Value> {
        use StrMethod::*;
        let Some(method) = method else {
            return Err(exception(
                ExcKind::AttributeError,
                format!("'str' object has no attribute '{name}'"),
                Label::PROGRAM,
            ));
        };
        match method {
            MakeTrans => return self.maketrans(args.to_vec(), kwargs, text),
            Format | FormatMap => {
                return self.str_format(recv, s, args, kwargs, text, method == FormatMap)
            }
            _ => {}
        }
        // Only these take arguments by name (and `format`, above); CPython refuses a name
        // before it counts the arguments.
        if !kwargs.is_empty() && !matches!(method, Split | RSplit | SplitLines | ExpandTabs) {
            return err(
                ExcKind::TypeError,
                format!("str.{name}() takes no keyword arguments"),
            );
        }
        if method.takes_no_arguments() && !args.is_empty() {
            return err(
                ExcKind::TypeError,
                format!("str.{name}() takes no arguments ({} given)", args.len()),
            );
        }
        // The receiver and the arguments, by position and by name (`split(sep=x)`), as the
        // operands of the result: on the stack for up to three positional arguments and none
        // by name (every call but `format`'s and a few with names).
        let named: Vec<Value>;
        let mut few: [&Value; 4] = [recv; 4];
        let many: Vec<&Value>;
        let refs: &[&Value] = match few.get_mut(1..=args.len()) {
            Some(slots) if kwargs.is_empty() => {
                for (slot, arg) in slots.iter_mut().zip(args) {
                    *slot = arg;
                }
                few.get(..=args.len()).unwrap_or_default()
            }
            _ => {
                named = kwargs.iter().map(|(_, v)| v.clone()).collect();
                many = std::iter::once(recv).chain(args).chain(&named).collect();
                &many
            }
        };
        macro_rules! string {
            ($e:expr) => {{
                let out = PyStr::from($e);
                return self.new_str(out, refs, text);
            }};
        }
        macro_rules! boolean {
            ($e:expr) => {{
                let b: bool = $e;
                return Ok(self.derive(Data::Bool(b), refs, text));
            }};
        }
        match method {
            Lower if s.is_ascii() => string!(ascii_mapped(s, str::make_ascii_lowercase)),
            Lower => string!(s.to_lowercase()),
            CaseFold => string!(unicode::casefold(s)),
            Upper if s.is_ascii() => string!(ascii_mapped(s, str::make_ascii_uppercase)),
            Upper => string!(s.to_uppercase()),
            SwapCase => string!(unicode::swapcase(s)),
            Title => string!(unicode::title(s)),
            Capitalize => string!(unicode::capitalize(s)),
            Strip | LStrip | RStrip => {
                if args.len() > 1 {
                    return err(
                        ExcKind::TypeError,
                        format!("{name} expected at most 1 argument, got {}", args.len()),
                    );
                }
                let chars: Option<Vec<char>> = match args.first().map(|a| &a.data) {
                    None | Some(Data::None) => None,
                    Some(Data::Str(c)) => Some(c.chars().collect()),
                    Some(_) => {
                        return Err(self.type_error(format!("{name} arg must be None or str"), &[]))
                    }
                };
                let pred = |c: char| match &chars {
                    Some(set) => set.contains(&c),
                    None => unicode::is_space(c),
                };
                let kept = match method {
                    Strip => s.trim_matches(pred),
                    LStrip => s.trim_start_matches(pred),
                    _ => s.trim_end_matches(pred),
                };
                if kept.len() == s.len() {
                    return Ok(self.same_str(recv, s, refs, text));
                }
                string!(kept.to_string())
            }
            Split | RSplit => {
                let [sep, maxsplit] =
                    self.by_position_or_name(name, args, kwargs, ["sep", "maxsplit"])?;
                let max = self
                    .int_unless_absent(maxsplit.as_ref())?
                    .filter(|m| *m >= 0)
                    .map(|m| m as usize);
                let parts: Vec<&str> = match sep.as_ref().map(|v| &v.data) {
                    None | Some(Data::None) => split_whitespace(s, max, method == RSplit),
                    Some(Data::Str(sep)) => {
                        if sep.is_empty() {
                            return err(ExcKind::ValueError, "empty separator");
                        }
                        match (max, method) {
                            (None, _) => search::split(s, sep, usize::MAX),
                            (Some(m), Split) => search::split(s, sep, m),
                            (Some(m), _) => {
                                let mut v: Vec<&str> = s.rsplitn(m + 1, &**sep).collect();
                                v.reverse();
                                v
                            }
                        }
                    }
                    Some(other) => {
                        return Err(self.type_error(
                            format!("must be str or None, not {}", other.type_name()),
                            &[],
                        ))
                    }
                };
                self.check_len(parts.len())?;
                Ok(self.parts_list(parts, refs, text))
            }
            SplitLines => {
                if args.len() > 1 {
                    return err(
                        ExcKind::TypeError,
                        format!(
                            "splitlines() takes at most 1 argument ({} given)",
                            args.len()
                        ),
                    );
                }
                // An int (a bool is one), as CPython's `bool(accept={int})`: not None.
                let [keep] = self.by_position_or_name(name, args, kwargs, ["keepends"])?;
                let keep = self
                    .c_int_unless_absent(keep.as_ref())?
                    .is_some_and(|k| k != 0);
                let mut parts = Vec::new();
                let mut cur = String::new();
                let mut chars = s.chars().peekable();
                while let Some(c) = chars.next() {
                    if matches!(
                        c,
                        '\n' | '\r'
                            | '\x0b'
                            | '\x0c'
                            | '\x1c'
                            | '\x1d'
                            | '\x1e'
                            | '\u{85}'
                            | '\u{2028}'
                            | '\u{2029}'
                    ) {
                        if keep {
                            cur.push(c);
                        }
                        if c == '\r' && chars.peek() == Some(&'\n') {
                            chars.next();
                            if keep {
                                cur.push('\n');
                            }
                        }
                        parts.push(std::mem::take(&mut cur));
                    } else {
                        cur.push(c);
                    }
                }
                if !cur.is_empty() {
                    parts.push(cur);
                }
                Ok(self.parts_list(parts, refs, text))
            }
            Join => {
                one_argument(name, args, &kwargs)?;
                let [arg] = leading(args)?;
                if matches!(
                    arg.data,
                    Data::None | Data::Bool(_) | Data::Int(_) | Data::BigInt(_) | Data::Float(_)
                ) {
                    return Err(self.type_error("can only join an iterable".into(), &[]));
                }
                let shape = self.shape_label(arg);
                let label = self.labels.join(recv.label, shape);
                let nodes = vec![recv.node, self.shape_node(arg)];
                // A list's or tuple's items are read where they are (no user code runs while
                // they are joined); anything else is iterated first.
                let (out, label, nodes) = match &arg.data {
                    Data::List(l) => {
                        let l = l.borrow();
                        self.join_strs(s, &l.items.as_values(), label, nodes)?
                    }
                    Data::Tuple(t) => self.join_strs(s, &t.items, label, nodes)?,
                    _ => {
                        let items = self.collect_items(arg)?;
                        self.join_strs(s, &items, label, nodes)?
                    }
                };
                Ok(self.derive_with(Data::Str(PyStr::from(out)), label, &nodes, text))
            }
            Replace => {
                expected_arguments(name, args, 2, 3)?;
                let [old, new] = leading(args)?;
                let text_of = |position: usize, arg: &Value| match &arg.data {
                    Data::Str(a) => Ok(a.clone()),
                    other => err(
                        ExcKind::TypeError,
                        format!(
                            "replace() argument {position} must be str, not {}",
                            clinic_type_name(other)
                        ),
                    ),
                };
                let (old, new) = (text_of(1, old)?, text_of(2, new)?);
                let count = self.int_unless_absent(args.get(2))?.filter(|c| *c >= 0);
                if old.is_empty() {
                    let estimate = s.len() + (s.chars().count() + 1) * new.len();
                    self.check_str_len(estimate.min(usize::MAX / 2))?;
                    string!(match count {
                        None => s.replace(&*old, &new),
                        Some(c) => s.replacen(&*old, &new, c as usize),
                    })
                }
                let max = count.map_or(usize::MAX, |c| usize::try_from(c).unwrap_or(usize::MAX));
                let n = search::count(s, &old, max);
                if n == 0 {
                    // Nothing to replace: the same string, as CPython gives.
                    return Ok(self.same_str(recv, s, refs, text));
                }
                self.check_str_len(search::replaced_len(s, &old, &new, n))?;
                string!(search::replace(s, &old, &new, n))
            }
            Find | RFind | Index | RIndex | Count => {
                arity(name, args, 1, 3)?;
                let [arg] = leading(args)?;
                let sub = match &arg.data {
                    Data::Str(sub) => sub.clone(),
                    other => {
                        return Err(
                            self.type_error(format!("must be str, not {}", other.type_name()), &[])
                        )
                    }
                };
                let n_chars = char_count(s);
                let (start, end) = slice_range(n_chars, args.get(1), args.get(2))?;
                let hay = char_run(s, start, end).unwrap_or_default();
                if method == Count {
                    let n = if start > end {
                        0
                    } else if sub.is_empty() {
                        hay.chars().count() + 1
                    } else {
                        search::count(hay, &sub, usize::MAX)
                    };
                    return Ok(self.derive(Data::Int(n as i64), refs, text));
                }
                let found = if start > end || start > n_chars {
                    None
                } else if matches!(method, RFind | RIndex) {
                    hay.rfind(&*sub)
                } else if sub.is_empty() {
                    Some(0)
                } else {
                    search::find(hay, &sub)
                };
                let result =
                    found.map(|b| (hay.get(..b).map_or(0, |h| h.chars().count()) + start) as i64);
                match (result, name) {
                    (Some(i), _) => Ok(self.derive(Data::Int(i), refs, text)),
                    (None, "find" | "rfind") => Ok(self.derive(Data::Int(-1), refs, text)),
                    (None, _) => {
                        let label = self.full_label(recv);
                        Err(exception(ExcKind::ValueError, "substring not found", label))
                    }
                }
            }
            StartsWith | EndsWith => {
                arity(name, args, 1, 3)?;
                let [affix] = leading(args)?;
                // CPython reads the bounds before it looks at the affix.
                let hay = if args.len() == 1 {
                    Some(s)
                } else {
                    let (start, end) = slice_range(char_count(s), args.get(1), args.get(2))?;
                    char_run(s, start, end)
                };
                let prefixes: &[Value] = match &affix.data {
                    Data::Str(_) => std::slice::from_ref(affix),
                    Data::Tuple(t) => &t.items,
                    other => {
                        return Err(self.type_error(
                            format!(
                                "{name} first arg must be str or a tuple of str, not {}",
                                other.type_name()
                            ),
                            &[],
                        ))
                    }
                };
                // Each item is checked when it is reached, as CPython does.
                for p in prefixes {
                    let Data::Str(p) = &p.data else {
                        return Err(self.type_error(
                            format!(
                                "tuple for {name} must only contain str, not {}",
                                p.data.type_name()
                            ),
                            &[],
                        ));
                    };
                    let hit = hay.as_ref().is_some_and(|hay| {
                        if method == StartsWith {
                            hay.starts_with(&**p)
                        } else {
                            hay.ends_with(&**p)
                        }
                    });
                    if hit {
                        boolean!(true)
                    }
                }
                boolean!(false)
            }
            IsDigit => boolean!(!s.is_empty() && s.chars().all(unicode::is_digit)),
            IsDecimal => boolean!(!s.is_empty() && s.chars().all(unicode::is_decimal)),
            IsNumeric => boolean!(!s.is_empty() && s.chars().all(unicode::is_numeric)),
            IsAlpha => boolean!(!s.is_empty() && s.chars().all(unicode::is_alpha)),
            IsAlnum => boolean!(!s.is_empty() && s.chars().all(unicode::is_alnum)),
            IsSpace => boolean!(!s.is_empty() && s.chars().all(unicode::is_space)),
            IsAscii => boolean!(s.is_ascii()),
            IsUpper => boolean!(unicode::is_all_case(s, true)),
            IsLower => boolean!(unicode::is_all_case(s, false)),
            IsTitle => boolean!(unicode::is_title(s)),
            IsIdentifier => boolean!(unicode::is_identifier(s)),
            IsPrintable => boolean!(s.chars().all(unicode::is_printable)),
            ZFill => {
                one_argument(name, args, &kwargs)?;
                let width = self.int_unless_absent(args.first())?.unwrap_or(0).max(0) as usize;
                self.check_str_len(width)?;
                let n = s.chars().count();
                if n >= width {
                    string!(s.to_string())
                }
                let (sign, rest) = match s.chars().next() {
                    Some(c @ ('+' | '-')) => (c.to_string(), &s[1..]),
                    _ => (String::new(), s),
                };
                string!(format!("{sign}{}{rest}", "0".repeat(width - n)))
            }
            Center | LJust | RJust => {
                expected_arguments(name, args, 1, 2)?;
                let width = self.int_unless_absent(args.first())?.unwrap_or(0).max(0) as usize;
                self.check_str_len(width.saturating_mul(4))?;
                let fill = match args.get(1).map(|a| &a.data) {
                    None => ' ',
                    Some(Data::Str(f)) if f.chars().count() == 1 => f.chars().next().unwrap_or(' '),
                    Some(Data::Str(_)) => {
                        return err(
                            ExcKind::TypeError,
                            "The fill character must be exactly one character long",
                        )
                    }
                    Some(other) => {
                        return err(
                            ExcKind::TypeError,
                            format!(
                                "The fill character must be a unicode character, not {}",
                                other.type_name()
                            ),
                        )
                    }
                };
                let n = s.chars().count();
                if n >= width {
                    string!(s.to_string())
                }
                let pad = width - n;
                let fills = |k: usize| std::iter::repeat_n(fill, k).collect::<String>();
                string!(match method {
                    LJust => format!("{s}{}", fills(pad)),
                    RJust => format!("{}{s}", fills(pad)),
                    _ => {
                        // CPython puts the extra fill on the left when the string is odd.
                        let left = pad / 2 + (pad & width & 1);
                        format!("{}{s}{}", fills(left), fills(pad - left))
                    }
                })
            }
            Partition | RPartition => {
                one_argument(name, args, &kwargs)?;
                let [arg] = leading(args)?;
                let sep = match &arg.data {
                    Data::Str(sep) => sep.clone(),
                    other => {
                        return Err(
                            self.type_error(format!("must be str, not {}", other.type_name()), &[])
                        )
                    }
                };
                if sep.is_empty() {
                    return err(ExcKind::ValueError, "empty separator");
                }
                let found = if method == Partition {
                    s.find(&*sep)
                } else {
                    s.rfind(&*sep)
                };
                let parts = match found {
                    Some(i) => [
                        s[..i].to_string(),
                        sep.to_string(),
                        s[i + sep.len()..].to_string(),
                    ],
                    None if method == Partition => [s.to_string(), String::new(), String::new()],
                    None => [String::new(), String::new(), s.to_string()],
                };
                let label = {
                    let a = self.full_label(recv);
                    let b = self.full_label(arg);
                    self.labels.join(a, b)
                };
                let items: Vec<Value> = parts
                    .into_iter()
                    .map(|p| {
                        self.derive_with(
                            Data::Str(PyStr::from(p)),
                            label,
                            &[recv.node, arg.node],
                            text,
                        )
                    })
                    .collect();
                Ok(self.new_tuple(items, label, recv.node))
            }
            RemovePrefix => {
                one_argument(name, args, &kwargs)?;
                let [arg] = leading(args)?;
                let p = self.str_arg(arg, name)?;
                string!(s.strip_prefix(&*p).unwrap_or(s).to_string())
            }
            RemoveSuffix => {
                one_argument(name, args, &kwargs)?;
                let [arg] = leading(args)?;
                let p = self.str_arg(arg, name)?;
                string!(s.strip_suffix(&*p).unwrap_or(s).to_string())
            }
            ExpandTabs => {
                let [size] = self.by_position_or_name(name, args, kwargs, ["tabsize"])?;
                let size = self.c_int_unless_absent(size.as_ref())?.unwrap_or(8);
                string!(self.expand_tabs(s, size)?)
            }
            Translate => {
                one_argument(name, args, &kwargs)?;
                let [arg] = leading(args)?;
                string!(self.translate(s, arg)?)
            }
            _ => Err(exception(
                ExcKind::AttributeError,
                format!("'str' object has no attribute '{name}'"),
                Label::PROGRAM,
            )),
        }
    }

    /// `str.format` and `str.format_map`; the result is derived from the template and every
    /// value a field used.
    pub(super) fn str_format(
        &mut self,
        recv: &Value,
        s: &str,
        args: &[Value],
        kwargs: Kwargs,
        text: &Arc<str>,
        map: bool,
    ) -> Eval<Value> {
        use crate::format::fields::{FormatArgs, Names};
        let mut fields = if map {
            if !kwargs.is_empty() {
                return err(
                    ExcKind::TypeError,
                    "str.format_map() takes no keyword arguments",
                );
            }
            let [mapping] = args else {
                return err(
                    ExcKind::TypeError,
                    format!(
                        "str.format_map() takes exactly one argument ({} given)",
                        args.len()
                    ),
                );
            };
            FormatArgs::new(None, Names::Mapping(mapping))
        } else {
            FormatArgs::new(Some(args), Names::Keywords(&kwargs))
        };
        let out = self.format_fields(s, &mut fields)?;
        let mut used = std::mem::take(&mut fields.used);
        used.push(recv.clone());
        let refs: Vec<&Value> = used.iter().collect();
        self.new_str(out, &refs, text)
    }
}

/// The characters `start..end` of `s`, borrowed; `None` when the range is not inside `s`
/// (as a slice of its characters would be).
fn char_run(s: &str, start: usize, end: usize) -> Option<&str> {
    if start > end {
        return None;
    }
    if s.is_ascii() {
        return s.get(start..end);
    }
    let mut offsets = s.char_indices().map(|(i, _)| i).chain([s.len()]);
    let a = offsets.nth(start)?;
    let b = match (end - start).checked_sub(1) {
        None => a,
        Some(k) => offsets.nth(k)?,
    };
    s.get(a..b)
}

/// `split()` and `rsplit()` with no separator, as CPython's `split_whitespace`: runs of
/// whitespace separate; at most `max` splits, the rest kept whole (without the whitespace
/// before it).
fn split_whitespace(s: &str, max: Option<usize>, from_right: bool) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut remaining = max.unwrap_or(usize::MAX);
    let mut rest = s;
    loop {
        rest = if from_right {
            rest.trim_end_matches(unicode::is_space)
        } else {
            rest.trim_start_matches(unicode::is_space)
        };
        if rest.is_empty() {
            break;
        }
        if remaining == 0 {
            parts.push(rest);
            break;
        }
        remaining -= 1;
        if from_right {
            let start = rest
                .char_indices()
                .rev()
                .find(|&(_, c)| unicode::is_space(c))
                .map_or(0, |(i, c)| i + c.len_utf8());
            let (before, word) = rest.split_at(start);
            parts.push(word);
            rest = before;
        } else {
            let end = rest.find(unicode::is_space).unwrap_or(rest.len());
            let (word, after) = rest.split_at(end);
            parts.push(word);
            rest = after;
        }
    }
    if from_right {
        parts.reverse();
    }
    parts
}

/// An ASCII `s` changed in place by `change` in a copy made at its length (inline up to 24
/// bytes: the str's only allocation is its object).
fn ascii_mapped(s: &str, change: fn(&mut str)) -> CompactString {
    let mut out = CompactString::from(s);
    change(out.as_mut_str());
    out
}

//! Sorting keys that Rust can compare exactly as Python does, without the interpreter's
//! general comparison: ints, strings, and tuples of them (`key=lambda r: (-r["n"], r["id"])`).
//! Every stable sort gives the same order under a total order, so the result is CPython's.

use crate::value::Data;
use std::cmp::Ordering;

/// A key compared natively. Python orders ints numerically, strings by code point (UTF-8
/// byte order is code point order), tuples item by item and then by length, which is the
/// derived order here as long as the items compared are of one kind (see [`native_keys`]).
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum NativeKey<'a> {
    Int(i64),
    Str(&'a str),
    Tuple(Vec<NativeKey<'a>>),
}

/// What kind of item a key has at one place (a tuple's position, or the key itself).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Int,
    Str,
}

fn scalar(data: &Data) -> Option<(NativeKey<'_>, Kind)> {
    match data {
        Data::Int(i) => Some((NativeKey::Int(*i), Kind::Int)),
        Data::Str(s) => Some((NativeKey::Str(s.as_str()), Kind::Str)),
        _ => None,
    }
}

/// The keys as native keys, if every key is an int, or every key a string, or every key a
/// tuple of ints and strings with one kind at each position: then no comparison Python would
/// make can fail, and none can mix kinds (where Python raises and the derived order would not).
fn native_keys(keys: &[Data]) -> Option<Vec<NativeKey<'_>>> {
    let mut out = Vec::with_capacity(keys.len());
    match keys.first()? {
        Data::Tuple(_) => {
            let mut kinds: Vec<Kind> = Vec::new();
            for key in keys {
                let Data::Tuple(t) = key else { return None };
                let mut items = Vec::with_capacity(t.items.len());
                for (i, item) in t.items.iter().enumerate() {
                    let (native, kind) = scalar(&item.data)?;
                    match kinds.get(i) {
                        Some(k) if *k != kind => return None,
                        Some(_) => {}
                        None => kinds.push(kind),
                    }
                    items.push(native);
                }
                out.push(NativeKey::Tuple(items));
            }
        }
        first => {
            let (_, kind) = scalar(first)?;
            for key in keys {
                let (native, k) = scalar(key)?;
                if k != kind {
                    return None;
                }
                out.push(native);
            }
        }
    }
    Some(out)
}

/// Keys that are all ints, or all tuples of ints, as rows of one flat buffer (the commonest
/// keys, `(-n, id)`, compared as slices without a tree of keys).
fn int_rows(keys: &[Data]) -> Option<Vec<Vec<i64>>> {
    keys.iter()
        .map(|key| match key {
            Data::Int(i) => Some(vec![*i]),
            Data::Tuple(t) => t
                .items
                .iter()
                .map(|item| match item.data {
                    Data::Int(i) => Some(i),
                    _ => None,
                })
                .collect(),
            _ => None,
        })
        .collect()
}

/// The stable sorted order of `keys` (indices), or `None` when they need the interpreter's
/// comparison. `reverse` keeps equal keys in their order, as CPython's does.
pub(super) fn native_sort_order(keys: &[Data], reverse: bool) -> Option<Vec<usize>> {
    // Ints alone, or tuples alone: an int and a tuple do not compare in Python.
    let same_shape = keys
        .iter()
        .all(|k| matches!(k, Data::Tuple(_)) == matches!(keys.first(), Some(Data::Tuple(_))));
    if same_shape {
        if let Some(rows) = int_rows(keys) {
            return Some(sorted_by(rows.len(), reverse, |a, b| {
                rows.get(a).cmp(&rows.get(b))
            }));
        }
    }
    let native = native_keys(keys)?;
    Some(sorted_by(native.len(), reverse, |a, b| {
        native.get(a).cmp(&native.get(b))
    }))
}

fn sorted_by(n: usize, reverse: bool, cmp: impl Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by(|&a, &b| {
        let order = cmp(a, b);
        if reverse {
            order.reverse()
        } else {
            order
        }
    });
    idx
}

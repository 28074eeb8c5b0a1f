//! The table behind a dict: its entries in insertion order, each the stored key value (with
//! its presence label) and the value, 48 bytes, and nothing else. A dict of up to
//! [`SMALL`] entries has no hash index at all (a lookup compares the few keys, as a record's
//! `r["owner"]` finds its literal key by pointer); a larger one has an open-addressing index
//! of 8 bytes a slot (the low half of the key's hash and the entry's position). CPython keeps
//! a dict of string keys about as small: 16 bytes an entry and a byte-wide index.
//!
//! The key is not stored twice (as a [`HashKey`] beside the key value): a lookup compares
//! the stored key value itself ([`key_matches`]), and the hash of a stored key is computed
//! from it again when the index needs it (a string keeps its hash; an int's is a multiply;
//! a tuple keeps its key).

use crate::ops;
use crate::value::{Data, HashKey, KeyHashing, PyStr, Value};
use std::hash::BuildHasher;

/// The most entries a dict holds without a hash index.
pub const SMALL: usize = 8;

/// A slot of the index: the low 32 bits of the key's hash (where it belongs and a quick
/// test before comparing keys) and the entry's position, `EMPTY` for a free slot.
#[derive(Clone, Copy, Debug)]
struct Slot {
    hash: u32,
    at: u32,
}

const EMPTY: u32 = u32::MAX;
const FREE: Slot = Slot { hash: 0, at: EMPTY };

/// A dict's entries and, past [`SMALL`] of them, their index.
#[derive(Clone, Debug, Default)]
pub struct DictMap {
    entries: Vec<(Value, Value)>,
    /// Empty while the dict is small; a power of two long otherwise, at most two thirds full.
    index: Box<[Slot]>,
}

/// The hash a key is indexed by: a string's cached hash, the map hasher's for the rest.
#[inline]
pub fn hash_of_key(key: &HashKey) -> u64 {
    match key {
        HashKey::Str(s) => s.key_hash(),
        other => KeyHashing::default().hash_one(other),
    }
}

/// The hash of a key already stored (so hashable).
#[inline]
fn hash_of_stored(key: &Data) -> u64 {
    match key {
        Data::Str(s) => s.key_hash(),
        Data::Int(i) => KeyHashing::default().hash_one(HashKey::Int(*i)),
        other => ops::hash_key(other).map_or(0, |k| hash_of_key(&k)),
    }
}

/// Whether the stored key `stored` is the key `key` (Python's `==` between keys: `1`, `1.0`
/// and `True` are one key).
#[inline]
pub fn key_matches(stored: &Data, key: &HashKey) -> bool {
    match (key, stored) {
        (HashKey::Str(a), Data::Str(b)) => a == b,
        (HashKey::Str(_), _) | (_, Data::Str(_)) => false,
        (HashKey::Int(a), Data::Int(b)) => a == b,
        _ => ops::hash_key(stored).is_ok_and(|k| k == *key),
    }
}

/// Whether two stored (hashable) keys are one key.
fn keys_equal(a: &Data, b: &Data) -> bool {
    match (a, b) {
        (Data::Str(a), Data::Str(b)) => a == b,
        (Data::Str(_), _) | (_, Data::Str(_)) => false,
        (Data::Int(a), Data::Int(b)) => a == b,
        _ => match (ops::hash_key(a), ops::hash_key(b)) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        },
    }
}

/// The index length for `n` entries: a power of two at least 3/2 of it.
fn index_len(n: usize) -> usize {
    (n + n / 2 + 1).next_power_of_two().max(16)
}

/// The position of the entry whose key `eq` accepts, among `entries` indexed by `index`
/// (scanned when there is no index).
#[inline(always)]
fn lookup(
    entries: &[(Value, Value)],
    index: &[Slot],
    hash: impl FnOnce() -> u64,
    eq: impl Fn(&Data) -> bool,
) -> Option<usize> {
    if index.is_empty() {
        return entries.iter().position(|(k, _)| eq(&k.data));
    }
    let h = hash();
    let mask = index.len() - 1;
    let mut i = h as usize & mask;
    loop {
        let slot = index.get(i).copied().unwrap_or(FREE);
        if slot.at == EMPTY {
            return None;
        }
        if slot.hash == h as u32 {
            let at = slot.at as usize;
            if entries.get(at).is_some_and(|(k, _)| eq(&k.data)) {
                return Some(at);
            }
        }
        i = (i + 1) & mask;
    }
}

/// Puts entry `at` of hash `hash` in the first free slot from where it belongs.
fn insert_slot(index: &mut [Slot], hash: u64, at: usize) {
    let mask = index.len() - 1;
    let mut i = hash as usize & mask;
    while index.get(i).is_some_and(|s| s.at != EMPTY) {
        i = (i + 1) & mask;
    }
    if let Some(slot) = index.get_mut(i) {
        *slot = Slot {
            hash: hash as u32,
            at: at as u32,
        };
    }
}

impl DictMap {
    /// An empty map with room for `n` entries.
    pub fn with_capacity(n: usize) -> DictMap {
        DictMap {
            entries: Vec::with_capacity(n),
            index: Box::default(),
        }
    }

    /// The map of `pairs`, keys in the order given (a display, a comprehension, `dict(...)`):
    /// a key equal to an earlier one replaces that entry's value and its key's label (the
    /// key value first written stays, as in Python). Every key must be hashable. Built in
    /// the vector of the pairs itself: a record literal is one allocation.
    pub fn from_pairs(mut pairs: Vec<(Value, Value)>) -> DictMap {
        let n = pairs.len();
        let mut index: Box<[Slot]> = if n > SMALL {
            vec![FREE; index_len(n)].into_boxed_slice()
        } else {
            Box::default()
        };
        // `pairs[..w]` are the map so far; `pairs[r]` the next pair.
        let mut w = 0;
        for r in 0..n {
            let (head, tail) = pairs.split_at_mut(r);
            let Some(next) = tail.first_mut() else {
                break;
            };
            let hash = if index.is_empty() {
                0
            } else {
                hash_of_stored(&next.0.data)
            };
            let key = &next.0.data;
            let done = head.get(..w).unwrap_or(&[]);
            match lookup(done, &index, || hash, |d| keys_equal(d, key)) {
                Some(f) => {
                    let (k, v) = std::mem::replace(next, (Value::none(), Value::none()));
                    if let Some(entry) = head.get_mut(f) {
                        entry.0.label = k.label;
                        entry.1 = v;
                    }
                }
                None => {
                    if !index.is_empty() {
                        insert_slot(&mut index, hash, w);
                    }
                    pairs.swap(w, r);
                    w += 1;
                }
            }
        }
        pairs.truncate(w);
        DictMap {
            entries: pairs,
            index,
        }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry at position `i` (insertion order).
    #[inline]
    pub fn get_index(&self, i: usize) -> Option<&(Value, Value)> {
        self.entries.get(i)
    }

    #[inline]
    pub fn get_index_mut(&mut self, i: usize) -> Option<&mut (Value, Value)> {
        self.entries.get_mut(i)
    }

    /// The entries (stored key, value), in order.
    #[inline]
    pub fn values(&self) -> std::slice::Iter<'_, (Value, Value)> {
        self.entries.iter()
    }

    #[inline]
    pub fn values_mut(&mut self) -> std::slice::IterMut<'_, (Value, Value)> {
        self.entries.iter_mut()
    }

    /// Takes every entry out, in order.
    pub fn drain(&mut self, all: std::ops::RangeFull) -> std::vec::Drain<'_, (Value, Value)> {
        self.index = Box::default();
        self.entries.drain(all)
    }

    pub fn clear(&mut self) {
        self.index = Box::default();
        self.entries.clear();
    }

    /// Where the key `key` is.
    #[inline]
    pub fn find(&self, key: &HashKey) -> Option<usize> {
        if let HashKey::Str(s) = key {
            return self.find_str(s);
        }
        lookup(
            &self.entries,
            &self.index,
            || hash_of_key(key),
            |d| key_matches(d, key),
        )
    }

    /// Where the string key `s` is.
    #[inline]
    pub fn find_str(&self, s: &PyStr) -> Option<usize> {
        if self.index.is_empty() {
            // A key the plan wrote as a literal and reads with the same literal is the same
            // string (literals are shared): found by identity before any text is compared.
            let same =
                |(k, _): &(Value, Value)| matches!(&k.data, Data::Str(b) if PyStr::ptr_eq(b, s));
            if let Some(at) = self.entries.iter().position(same) {
                return Some(at);
            }
        }
        lookup(
            &self.entries,
            &self.index,
            || s.key_hash(),
            |d| matches!(d, Data::Str(b) if b == s),
        )
    }

    /// Where the key equal to the value `key` is (a key of another dict); `None` for an
    /// unhashable one.
    pub fn find_data(&self, key: &Data) -> Option<usize> {
        match key {
            Data::Str(s) => self.find_str(s),
            other => ops::hash_key(other).ok().and_then(|k| self.find(&k)),
        }
    }

    pub fn get(&self, key: &HashKey) -> Option<&(Value, Value)> {
        self.find(key).and_then(|at| self.entries.get(at))
    }

    /// Adds an entry whose (hashable) key is not there yet, last.
    pub fn push_new(&mut self, pair: (Value, Value)) {
        let at = self.entries.len();
        if self.index.is_empty() {
            self.entries.push(pair);
            if self.entries.len() > SMALL {
                self.rebuild(index_len(self.entries.len()));
            }
            return;
        }
        let hash = hash_of_stored(&pair.0.data);
        self.entries.push(pair);
        if (at + 1) * 3 > self.index.len() * 2 {
            self.rebuild(self.index.len() * 2);
        } else {
            insert_slot(&mut self.index, hash, at);
        }
    }

    /// Sets the entry of `key` to `pair` (the stored key too), or adds it last.
    pub fn insert(&mut self, key: &HashKey, pair: (Value, Value)) {
        match self.find(key).and_then(|at| self.entries.get_mut(at)) {
            Some(entry) => *entry = pair,
            None => self.push_new(pair),
        }
    }

    /// Removes the entry of `key`, keeping the others in order.
    pub fn shift_remove(&mut self, key: &HashKey) -> Option<(Value, Value)> {
        let at = self.find(key)?;
        self.shift_remove_index(at)
    }

    /// Removes the entry at position `at`, keeping the others in order.
    pub fn shift_remove_index(&mut self, at: usize) -> Option<(Value, Value)> {
        if at >= self.entries.len() {
            return None;
        }
        if !self.index.is_empty() {
            self.remove_slot(at);
            if at + 1 < self.entries.len() {
                for slot in self.index.iter_mut() {
                    if slot.at != EMPTY && slot.at as usize > at {
                        slot.at -= 1;
                    }
                }
            }
        }
        Some(self.entries.remove(at))
    }

    /// Removes the last entry.
    pub fn pop(&mut self) -> Option<(Value, Value)> {
        let last = self.entries.len().checked_sub(1)?;
        self.shift_remove_index(last)
    }

    /// Frees the index slot of entry `at` (backward-shift deletion: every slot after it that
    /// may move closer to where it belongs does, so no probe sequence is broken).
    fn remove_slot(&mut self, at: usize) {
        let Some((key, _)) = self.entries.get(at) else {
            return;
        };
        let hash = hash_of_stored(&key.data);
        let index = &mut self.index;
        let mask = index.len() - 1;
        let mut i = hash as usize & mask;
        loop {
            let slot = index.get(i).copied().unwrap_or(FREE);
            if slot.at == EMPTY {
                return;
            }
            if slot.at as usize == at {
                break;
            }
            i = (i + 1) & mask;
        }
        let mut hole = i;
        let mut j = i;
        loop {
            j = (j + 1) & mask;
            let slot = index.get(j).copied().unwrap_or(FREE);
            if slot.at == EMPTY {
                break;
            }
            let home = slot.hash as usize & mask;
            // The slot may fill the hole when the hole lies between its home and it.
            if (j.wrapping_sub(home) & mask) >= (j.wrapping_sub(hole) & mask) {
                if let Some(h) = index.get_mut(hole) {
                    *h = slot;
                }
                hole = j;
            }
        }
        if let Some(h) = index.get_mut(hole) {
            *h = FREE;
        }
    }

    /// Makes an index of `len` slots for every entry.
    fn rebuild(&mut self, len: usize) {
        let mut index = vec![FREE; len].into_boxed_slice();
        if self.index.is_empty() {
            for (at, (k, _)) in self.entries.iter().enumerate() {
                insert_slot(&mut index, hash_of_stored(&k.data), at);
            }
        } else {
            for slot in self.index.iter().filter(|s| s.at != EMPTY) {
                insert_slot(&mut index, slot.hash as u64, slot.at as usize);
            }
            // The entry just pushed, not in the old index yet.
            let last = self.entries.len() - 1;
            if let Some((k, _)) = self.entries.get(last) {
                insert_slot(&mut index, hash_of_stored(&k.data), last);
            }
        }
        self.index = index;
    }
}

/// A table looked up by key: a dict's or a set's.
pub trait KeyIndex {
    /// Where the string key `s` is.
    fn index_of_str(&self, s: &PyStr) -> Option<usize>;
    /// Where the key `k` is.
    fn index_of(&self, k: &HashKey) -> Option<usize>;
}

impl KeyIndex for DictMap {
    #[inline]
    fn index_of_str(&self, s: &PyStr) -> Option<usize> {
        self.find_str(s)
    }

    #[inline]
    fn index_of(&self, k: &HashKey) -> Option<usize> {
        self.find(k)
    }
}

impl<V> KeyIndex for crate::value::KeyMap<V> {
    #[inline]
    fn index_of_str(&self, s: &PyStr) -> Option<usize> {
        self.get_index_of(&crate::value::StrKey(s))
    }

    #[inline]
    fn index_of(&self, k: &HashKey) -> Option<usize> {
        self.get_index_of(k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(i: i64) -> Value {
        Value::program(Data::Int(i))
    }

    fn key(i: i64) -> HashKey {
        HashKey::Int(i)
    }

    #[test]
    fn small_and_indexed_maps_find_remove_and_keep_order() {
        for n in [3i64, 8, 9, 40, 1000] {
            let mut m = DictMap::with_capacity(0);
            for i in 0..n {
                m.push_new((int(i * 7), int(i)));
            }
            assert_eq!(m.len(), n as usize);
            for i in 0..n {
                assert_eq!(m.find(&key(i * 7)), Some(i as usize));
            }
            assert_eq!(m.find(&key(-1)), None);
            // Remove every third, from the middle and the end.
            for i in (0..n).step_by(3) {
                assert!(m.shift_remove(&key(i * 7)).is_some());
            }
            let left: Vec<i64> = m
                .values()
                .map(|(_, v)| match v.data {
                    Data::Int(i) => i,
                    _ => -1,
                })
                .collect();
            let want: Vec<i64> = (0..n).filter(|i| i % 3 != 0).collect();
            assert_eq!(left, want);
            for i in 0..n {
                assert_eq!(m.find(&key(i * 7)).is_some(), i % 3 != 0, "n={n} i={i}");
            }
            while m.pop().is_some() {}
            assert!(m.is_empty());
        }
    }

    #[test]
    fn pairs_with_a_repeated_key_keep_the_first_key_and_the_last_value() {
        for n in [4i64, 30] {
            let mut pairs: Vec<(Value, Value)> = (0..n).map(|i| (int(i), int(i))).collect();
            pairs.push((Value::program(Data::Float(1.0)), int(100)));
            pairs.push((Value::program(Data::Bool(false)), int(200)));
            let m = DictMap::from_pairs(pairs);
            assert_eq!(m.len(), n as usize);
            assert!(matches!(m.get_index(1), Some((k, v))
                if matches!(k.data, Data::Int(1)) && matches!(v.data, Data::Int(100))));
            assert!(matches!(m.get(&key(0)), Some((k, v))
                if matches!(k.data, Data::Int(0)) && matches!(v.data, Data::Int(200))));
        }
    }
}

//! The order CPython 3.11 iterates a set in, for sets whose items it hashes the same way in
//! every process (ints, bools, floats, tuples of them).
//!
//! CPython iterates a set by walking its hash table, so `{3, 1, 2}` prints `{1, 2, 3}`.
//! Bactrian keeps sets in insertion order; for these sets it replays the insertions into a
//! model of CPython's table (`Objects/setobject.c`: linear probes, then perturbed jumps;
//! growth at 60% fill) and iterates in slot order. Sets holding strings or `None` keep
//! insertion order: CPython randomizes string hashes per process and hashes `None` (and a
//! NaN) by its address, so no program can rely on their order. The model replays the present items in insertion order: it is exact for sets built
//! by adding (literals, comprehensions, `set(xs)`, `add`), and may differ from CPython after
//! removals or merges of large sets, which leave CPython's table at another size.

use crate::value::{HashKey, KeyMap};

/// CPython's `LINEAR_PROBES` and `PERTURB_SHIFT`.
const LINEAR_PROBES: u64 = 9;
const PERTURB_SHIFT: u32 = 5;
const MIN_SIZE: u64 = 8;
/// CPython hashes numbers modulo this prime, 2**61 - 1.
const MODULUS: u64 = (1 << 61) - 1;

/// A run of entries `start..end` that came in one `set_merge` from another set (a copy, an
/// update, a literal of constants, which CPython builds as a frozenset and merges): CPython
/// resizes once for the whole source, then inserts the run in the source's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merge {
    pub start: usize,
    pub end: usize,
    /// How many items the source had (the resize counts them all, duplicates too).
    pub source_len: usize,
    /// The source's table size minus one.
    pub source_mask: u64,
    /// The source's slot of each entry of the run, when known: CPython copies the slots of
    /// a source of the same size into an empty set.
    pub source_slots: Option<std::rc::Rc<[u64]>>,
}

/// Where a set's entries sit in CPython's table.
pub struct Layout {
    /// The slot of each entry, in slot order.
    pub slots: Vec<u64>,
    pub mask: u64,
}

/// The layout of CPython's table for this set, when its hashes are known.
pub fn cpython_layout<V>(map: &KeyMap<V>, merges: &[Merge]) -> Option<Layout> {
    let table = SetTable::replay(&hashes(map)?, merges);
    let slots = table
        .slots
        .iter()
        .enumerate()
        .filter(|(_, entry)| entry.is_some())
        .map(|(slot, _)| slot as u64)
        .collect();
    Some(Layout {
        slots,
        mask: table.mask(),
    })
}

/// The indices of `map`'s entries in CPython's iteration order, or `None` when that is
/// insertion order (or CPython's order is not the same from one process to the next).
pub fn cpython_order<V>(map: &KeyMap<V>, merges: &[Merge]) -> Option<Vec<usize>> {
    if map.len() < 2 {
        return None;
    }
    let order = SetTable::replay(&hashes(map)?, merges).slot_order();
    let in_insertion_order = order.iter().enumerate().all(|(i, &at)| i == at);
    (!in_insertion_order).then_some(order)
}

fn hashes<V>(map: &KeyMap<V>) -> Option<Vec<u64>> {
    map.keys().map(cpython_hash).collect()
}

/// CPython's `hash()` of a key, as an unsigned word, when it does not depend on the process.
fn cpython_hash(key: &HashKey) -> Option<u64> {
    match key {
        HashKey::Int(i) => Some(int_hash(*i) as u64),
        HashKey::BigInt(b) => Some(big_int_hash(b) as u64),
        HashKey::Float(bits) => float_hash(f64::from_bits(*bits)).map(|h| h as u64),
        HashKey::Tuple(t) => tuple_hash(&t.items),
        _ => None,
    }
}

/// `hash(i)`: the value modulo the Mersenne prime 2**61 - 1, keeping the sign; -1 is -2.
fn int_hash(i: i64) -> i64 {
    let magnitude = (i.unsigned_abs() % MODULUS) as i64;
    let h = if i < 0 { -magnitude } else { magnitude };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(i)` of an int beyond 64 bits.
fn big_int_hash(i: &num_bigint::BigInt) -> i64 {
    use num_traits::{Signed, ToPrimitive};
    let modulus = num_bigint::BigInt::from(MODULUS);
    let magnitude = (i.abs() % modulus).to_i64().unwrap_or(0);
    let h = if i.is_negative() {
        -magnitude
    } else {
        magnitude
    };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(x)` of a float (`_Py_HashDouble`): its exact value (a 53-bit integer times a power
/// of two) modulo 2**61 - 1, where a power of two is a rotation of the 61-bit residue;
/// infinities hash to +-314159. `None` for a NaN, which CPython hashes by its address.
fn float_hash(x: f64) -> Option<i64> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 { 314159 } else { -314159 });
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    let (mantissa, exponent) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    };
    let shift = exponent.rem_euclid(61) as u32;
    let residue = if shift == 0 {
        mantissa
    } else {
        ((mantissa << shift) & MODULUS) | (mantissa >> (61 - shift))
    };
    let h = if x < 0.0 {
        -(residue as i64)
    } else {
        residue as i64
    };
    Some(if h == -1 { -2 } else { h })
}

/// `hash(t)` of a tuple (xxHash-based, `Objects/tupleobject.c`).
fn tuple_hash(items: &[HashKey]) -> Option<u64> {
    const PRIME_1: u64 = 11400714785074694791;
    const PRIME_2: u64 = 14029467366897019727;
    const PRIME_5: u64 = 2870177450012600261;
    let mut acc = PRIME_5;
    for item in items {
        let lane = cpython_hash(item)?;
        acc = acc.wrapping_add(lane.wrapping_mul(PRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(PRIME_1);
    }
    acc = acc.wrapping_add(items.len() as u64 ^ (PRIME_5 ^ 3527539));
    Some(if acc == u64::MAX { 1546275796 } else { acc })
}

/// A model of a CPython set's table: which entry (by insertion index) holds each slot.
struct SetTable {
    slots: Vec<Option<usize>>,
    hashes: Vec<u64>,
    /// Entries in the table (there are no removals to leave dummies: `fill` is `used`).
    used: u64,
}

impl SetTable {
    /// The table after the set's history: entries added one by one (`set_add_entry`), except
    /// the runs that came in one merge (`set_merge`).
    fn replay(hashes: &[u64], merges: &[Merge]) -> SetTable {
        let mut table = SetTable {
            slots: vec![None; MIN_SIZE as usize],
            hashes: hashes.to_vec(),
            used: 0,
        };
        let mut index = 0;
        while index < hashes.len() {
            match merges.iter().find(|m| m.start == index && m.end > m.start) {
                Some(merge) if merge.end > hashes.len() => {
                    table.add(index);
                    index += 1;
                }
                Some(merge) => {
                    table.merge(merge);
                    index = merge.end.min(hashes.len());
                }
                None => {
                    table.add(index);
                    index += 1;
                }
            }
        }
        table
    }

    fn add(&mut self, index: usize) {
        self.place(index);
        self.used += 1;
        if self.used * 5 >= self.mask() * 3 {
            let target = if self.used > 50_000 {
                self.used * 2
            } else {
                self.used * 4
            };
            self.resize(target);
        }
    }

    fn merge(&mut self, merge: &Merge) {
        let source_len = merge.source_len as u64;
        if (self.used + source_len) * 5 >= self.mask() * 3 {
            self.resize((self.used + source_len) * 2);
        }
        let run = merge.start..merge.end.min(self.hashes.len());
        if let Some(slots) = &merge.source_slots {
            let copies = self.used == 0
                && self.mask() == merge.source_mask
                && slots.len() == run.len()
                && run.len() == merge.source_len;
            if copies {
                for (index, &slot) in run.zip(slots.iter()) {
                    if let Some(free @ None) = self.slots.get_mut(slot as usize) {
                        *free = Some(index);
                    }
                }
                self.used = merge.source_len as u64;
                return;
            }
        }
        if self.used == 0 {
            // Into an empty table: put in directly, in the source's order.
            for index in merge.start..merge.end.min(self.hashes.len()) {
                self.place(index);
                self.used += 1;
            }
        } else {
            for index in merge.start..merge.end.min(self.hashes.len()) {
                self.add(index);
            }
        }
    }

    fn mask(&self) -> u64 {
        self.slots.len() as u64 - 1
    }

    /// Puts entry `index` in the first free slot of its probe sequence. Every key in a set
    /// differs from the others, so only free slots matter.
    fn place(&mut self, index: usize) {
        let hash = self.hashes.get(index).copied().unwrap_or(0);
        let mask = self.mask();
        let mut perturb = hash;
        let mut i = hash & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for at in i..=i + probes {
                if let Some(slot @ None) = self.slots.get_mut(at as usize) {
                    *slot = Some(index);
                    return;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }

    /// `set_table_resize`: the smallest power of two above `min_used`, the entries put back in
    /// slot order.
    fn resize(&mut self, min_used: u64) {
        let mut size = MIN_SIZE;
        while size <= min_used {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![None; size as usize]);
        for index in old.into_iter().flatten() {
            self.place(index);
        }
    }

    fn slot_order(&self) -> Vec<usize> {
        self.slots.iter().flatten().copied().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order_of(ints: &[i64]) -> Vec<i64> {
        let mut map: KeyMap<()> = crate::value::key_map(ints.len());
        for &i in ints {
            map.insert(HashKey::Int(i), ());
        }
        match cpython_order(&map, &[]) {
            Some(order) => order.into_iter().map(|at| ints[at]).collect(),
            None => ints.to_vec(),
        }
    }

    #[test]
    fn small_ints_iterate_by_slot() {
        // python3 -c 's = set(); [s.add(x) for x in (3, 1, 2, 5, 3, 1000, 17, 2, 64, 33)]; print(s)'
        assert_eq!(order_of(&[3, 1, 2]), [1, 2, 3]);
        assert_eq!(
            order_of(&[5, 3, 1000, 17, 2, 64, 33]),
            [64, 33, 2, 3, 5, 1000, 17]
        );
    }

    #[test]
    fn hashes_match_cpython() {
        assert_eq!(int_hash(-1), -2);
        assert_eq!(int_hash((1 << 61) - 1), 0);
        assert_eq!(int_hash(i64::MIN), -4);
        // python3 -c 'print(hash((1, 2)), hash(()))'
        let pair = crate::value::TupleKey::new(vec![HashKey::Int(1), HashKey::Int(2)]);
        assert_eq!(
            tuple_hash(&pair.items),
            Some(-3550055125485641917i64 as u64)
        );
        assert_eq!(tuple_hash(&[]), Some(5740354900026072187));
    }

    #[test]
    fn float_hashes_match_cpython() {
        // python3 -c 'print(hash(1.5), hash(0.1), ...)' (CPython 3.11)
        let cases: [(f64, i64); 13] = [
            (1.5, 1152921504606846977),
            (-1.5, -1152921504606846977),
            (0.1, 230584300921369408),
            (-0.1, -230584300921369408),
            (1e300, 1224995262755759164),
            (5e-324, 16777216),
            (2.5e-310, 386353265232576880),
            (std::f64::consts::PI, 326490430436040707),
            (f64::INFINITY, 314159),
            (f64::NEG_INFINITY, -314159),
            (-0.0, 0),
            (0.5, 1152921504606846976),
            (123456.789, 1819310134279660096),
        ];
        for (x, want) in cases {
            assert_eq!(float_hash(x), Some(want), "{x}");
        }
        assert_eq!(float_hash(f64::NAN), None);
    }
}

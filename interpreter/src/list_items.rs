//! A list's elements, stored by what they are.
//!
//! Most lists a plan builds from its own arithmetic (`range`s, grids, counters, indexes) hold
//! ints with no label and no lineage. Such a list keeps them as machine integers: 8 bytes an
//! element instead of a 24-byte value, a third of the memory to fill, read and free. The first
//! element that is anything else (a labeled int, a str, a list...) turns the whole list into
//! values, for good. Both forms mean the same elements: reading an element of the packed form
//! gives exactly the value that was stored (`Value::program(Data::Int(i))`), so the label
//! rules never see the difference.

use crate::value::{Data, Value};
use std::borrow::Cow;

#[derive(Debug, Clone)]
pub enum ListItems {
    /// Ints made from plan literals alone (label `PROGRAM`, no lineage node).
    PlainInts(Vec<i64>),
    Values(Vec<Value>),
}

impl Default for ListItems {
    fn default() -> Self {
        ListItems::PlainInts(Vec::new())
    }
}

/// The int a value stores as in the packed form, if it can.
#[inline(always)]
fn plain_int(v: &Value) -> Option<i64> {
    match v.data {
        Data::Int(i) if v.is_plain_reference() => Some(i),
        _ => None,
    }
}

#[inline(always)]
fn int_value(i: i64) -> Value {
    Value::program(Data::Int(i))
}

impl From<Vec<Value>> for ListItems {
    fn from(values: Vec<Value>) -> Self {
        ListItems::from_values(values)
    }
}

impl ListItems {
    /// Makes room for `n` more elements (of the form it has now).
    pub fn reserve_exact(&mut self, n: usize) {
        match self {
            ListItems::PlainInts(v) => v.reserve_exact(n),
            ListItems::Values(v) => v.reserve_exact(n),
        }
    }

    /// The elements of `values`, packed when they are all plain ints.
    pub fn from_values(values: Vec<Value>) -> Self {
        if values.iter().all(|v| plain_int(v).is_some()) {
            ListItems::PlainInts(values.iter().filter_map(plain_int).collect())
        } else {
            ListItems::Values(values)
        }
    }

    #[inline]
    pub fn len(&self) -> usize {
        match self {
            ListItems::PlainInts(v) => v.len(),
            ListItems::Values(v) => v.len(),
        }
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A copy of the element at `i`.
    #[inline(always)]
    pub fn get(&self, i: usize) -> Option<Value> {
        match self {
            ListItems::PlainInts(v) => v.get(i).map(|&i| int_value(i)),
            ListItems::Values(v) => v.get(i).map(Value::copied),
        }
    }

    #[inline(always)]
    pub fn push(&mut self, value: Value) {
        match self {
            ListItems::Values(v) => v.push(value),
            ListItems::PlainInts(ints) => match plain_int(&value) {
                Some(i) => ints.push(i),
                None => self.values().push(value),
            },
        }
    }

    /// Replaces the element at `i` (false when there is none).
    pub fn set(&mut self, i: usize, value: Value) -> bool {
        if i >= self.len() {
            return false;
        }
        if let (ListItems::PlainInts(ints), Some(n)) = (&mut *self, plain_int(&value)) {
            if let Some(slot) = ints.get_mut(i) {
                *slot = n;
            }
            return true;
        }
        if let Some(slot) = self.values().get_mut(i) {
            *slot = value;
        }
        true
    }

    /// The elements as values, to change them in any way: a packed list becomes values
    /// (with the room it had) and stays so.
    pub fn values(&mut self) -> &mut Vec<Value> {
        if let ListItems::PlainInts(ints) = self {
            // At least the four a new vector of values grows to at its first push.
            let mut values = Vec::with_capacity(ints.capacity().max(ints.len() + 1).max(4));
            values.extend(ints.iter().map(|&i| int_value(i)));
            *self = ListItems::Values(values);
        }
        match self {
            ListItems::Values(v) => v,
            ListItems::PlainInts(_) => unreachable!("made values above"),
        }
    }

    /// The elements as values, to read: borrowed, or made for a packed list.
    pub fn as_values(&self) -> Cow<'_, [Value]> {
        match self {
            ListItems::PlainInts(ints) => Cow::Owned(ints.iter().map(|&i| int_value(i)).collect()),
            ListItems::Values(v) => Cow::Borrowed(v),
        }
    }

    /// A copy of every element.
    pub fn to_vec(&self) -> Vec<Value> {
        self.as_values().into_owned()
    }

    /// Every element, taken out.
    pub fn into_vec(self) -> Vec<Value> {
        match self {
            ListItems::PlainInts(ints) => ints.into_iter().map(int_value).collect(),
            ListItems::Values(v) => v,
        }
    }

    /// The elements that could carry a label or a lineage node, or hold other values: all of
    /// them, or none for packed plain ints (for label walks and cycle breaking).
    pub fn labeled_part(&self) -> &[Value] {
        match self {
            ListItems::PlainInts(_) => &[],
            ListItems::Values(v) => v,
        }
    }

    /// Takes the elements that could hold other values out (for cycle breaking).
    pub fn take_values(&mut self) -> Vec<Value> {
        match self {
            ListItems::PlainInts(_) => Vec::new(),
            ListItems::Values(v) => std::mem::take(v),
        }
    }

    /// Appends a copy of `other`'s elements.
    pub fn extend_from(&mut self, other: &ListItems) {
        match (&mut *self, other) {
            (ListItems::PlainInts(ints), ListItems::PlainInts(more)) => {
                ints.extend_from_slice(more)
            }
            _ => self.extend(other.to_vec()),
        }
    }

    pub fn extend(&mut self, values: impl IntoIterator<Item = Value>) {
        for v in values {
            self.push(v);
        }
    }

    pub fn clear(&mut self) {
        *self = ListItems::default();
    }

    pub fn reverse(&mut self) {
        match self {
            ListItems::PlainInts(v) => v.reverse(),
            ListItems::Values(v) => v.reverse(),
        }
    }

    pub fn remove(&mut self, i: usize) -> Value {
        match self {
            ListItems::PlainInts(v) => int_value(v.remove(i)),
            ListItems::Values(v) => v.remove(i),
        }
    }

    pub fn insert(&mut self, i: usize, value: Value) {
        match (&mut *self, plain_int(&value)) {
            (ListItems::PlainInts(ints), Some(n)) => ints.insert(i, n),
            _ => self.values().insert(i, value),
        }
    }

    /// Replaces `range` with `with`.
    pub fn splice(&mut self, range: std::ops::Range<usize>, with: Vec<Value>) {
        match self {
            ListItems::PlainInts(ints) if with.iter().all(|v| plain_int(v).is_some()) => {
                ints.splice(range, with.iter().filter_map(plain_int));
            }
            _ => {
                self.values().splice(range, with);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bactrian_provenance::{Label, LabelTable, Readers, Source};

    fn ints(xs: &[i64]) -> Vec<Value> {
        xs.iter().map(|&i| int_value(i)).collect()
    }

    fn shown(items: &ListItems) -> Vec<String> {
        items
            .to_vec()
            .iter()
            .map(|v| format!("{:?}", v.data))
            .collect()
    }

    #[test]
    fn plain_ints_stay_packed_and_read_back_the_same() {
        let mut items = ListItems::from_values(ints(&[3, -1, i64::MAX]));
        items.push(int_value(7));
        assert!(matches!(items, ListItems::PlainInts(_)));
        assert_eq!(items.len(), 4);
        let v = items.get(2).unwrap();
        assert!(matches!(v.data, Data::Int(i64::MAX)));
        assert!(v.is_plain_reference());
        assert!(items.get(4).is_none());
    }

    #[test]
    fn a_labeled_int_turns_the_list_into_values_and_keeps_its_label() {
        let mut items = ListItems::from_values(ints(&[1, 2]));
        let mut table = LabelTable::new();
        let web = table.intern([Source::tool("web", "c1")].into(), Readers::Public);
        items.push(Value::with(Data::Int(5), web, 9));
        assert!(matches!(items, ListItems::Values(_)));
        let v = items.get(2).unwrap();
        assert_eq!((v.label, v.node), (web, 9));
        assert_eq!(shown(&items), ["Int(1)", "Int(2)", "Int(5)"]);
    }

    #[test]
    fn other_values_are_not_packed() {
        let items = ListItems::from_values(vec![int_value(1), Value::none()]);
        assert!(matches!(items, ListItems::Values(_)));
        let mut items = ListItems::from_values(ints(&[1, 2, 3]));
        assert!(items.set(1, Value::none()));
        assert!(!items.set(3, int_value(0)));
        assert_eq!(shown(&items), ["Int(1)", "None", "Int(3)"]);
    }

    #[test]
    fn edits_in_the_packed_form_match_edits_of_values() {
        let mut packed = ListItems::from_values(ints(&[1, 2, 3, 4]));
        let mut values = ListItems::Values(ints(&[1, 2, 3, 4]));
        for items in [&mut packed, &mut values] {
            items.insert(1, int_value(9));
            items.remove(0);
            items.splice(1..2, ints(&[7, 7]));
            items.reverse();
        }
        assert!(matches!(packed, ListItems::PlainInts(_)));
        assert_eq!(shown(&packed), shown(&values));
        packed.splice(0..1, vec![Value::none()]);
        assert_eq!(
            shown(&packed),
            ["None", "Int(3)", "Int(7)", "Int(7)", "Int(9)"]
        );
    }

    /// An element for the property test: a plain int, an int with a label and a node, None
    /// or a str.
    fn element(kind: u8, n: i64, labeled: Label) -> Value {
        match kind % 4 {
            0 | 1 => int_value(n),
            2 => Value::with(Data::Int(n), labeled, 7),
            _ if n % 2 == 0 => Value::none(),
            _ => Value::program(Data::str("s")),
        }
    }

    fn same(a: &[Value], b: &[Value]) -> bool {
        a.len() == b.len()
            && a.iter().zip(b).all(|(x, y)| {
                format!("{:?}", x.data) == format!("{:?}", y.data)
                    && (x.label, x.node) == (y.label, y.node)
            })
    }

    proptest::proptest! {
        /// Any sequence of edits gives the elements (data, label and node) that the same
        /// edits of a plain vector of values give, and a list only ever given plain ints
        /// stays packed.
        #[test]
        fn edits_agree_with_a_vector_of_values(
            ops in proptest::collection::vec(
                (0u8..7, 0usize..12, 0u8..4, -3i64..1000, 0usize..4), 0..60)
        ) {
            let mut table = LabelTable::new();
            let web = table.intern([Source::tool("web", "c1")].into(), Readers::Public);
            let mut items = ListItems::default();
            let mut model: Vec<Value> = Vec::new();
            let mut only_plain_ints = true;
            for (op, at, kind, n, count) in ops {
                let v = element(kind, n, web);
                let plain = kind % 4 < 2;
                let len = model.len();
                match op {
                    0 => {
                        only_plain_ints &= plain;
                        items.push(v.clone());
                        model.push(v);
                    }
                    1 if at < len => {
                        only_plain_ints &= plain;
                        proptest::prop_assert!(items.set(at, v.clone()));
                        model[at] = v;
                    }
                    2 if at <= len => {
                        only_plain_ints &= plain;
                        items.insert(at, v.clone());
                        model.insert(at, v);
                    }
                    3 if at < len => {
                        let got = items.remove(at);
                        let want = model.remove(at);
                        proptest::prop_assert!(same(&[got], &[want]));
                    }
                    4 => {
                        let start = at.min(len);
                        let stop = (start + count).min(len);
                        let with = vec![v; count];
                        only_plain_ints &= plain || count == 0;
                        items.splice(start..stop, with.clone());
                        model.splice(start..stop, with);
                    }
                    5 => {
                        items.reverse();
                        model.reverse();
                    }
                    _ => {
                        let other = ListItems::from_values(vec![v; count]);
                        only_plain_ints &= plain || count == 0;
                        items.extend_from(&other);
                        model.extend(other.into_vec());
                    }
                }
                proptest::prop_assert_eq!(items.len(), model.len());
                proptest::prop_assert!(same(&items.to_vec(), &model));
                for (i, want) in model.iter().enumerate() {
                    let got = items.get(i);
                    proptest::prop_assert!(got.is_some_and(|g| same(&[g], std::slice::from_ref(want))));
                }
                proptest::prop_assert!(items.get(model.len()).is_none());
                if only_plain_ints {
                    proptest::prop_assert!(matches!(items, ListItems::PlainInts(_)));
                }
            }
        }
    }
}

//! The text of a `str` value: one pointer wide, so that a [`crate::value::Value`] is 24 bytes
//! (an `Rc<str>` is two words and made every value 32), with its dict-key hash computed
//! once, as CPython keeps a string's hash in the object, and a short text (up to 24 bytes,
//! most of a plan's keys, words and names) inside the object: one allocation, not two.

use compact_str::CompactString;
use std::cell::Cell;
use std::fmt;
use std::ops::Deref;
use std::rc::Rc;

/// A shared, immutable string.
#[derive(Clone)]
pub struct PyStr(Rc<StrObj>);

struct StrObj {
    text: CompactString,
    /// [`crate::value::str_key_hash`] of `text`; 0 until first asked for (a text whose hash
    /// is 0 is hashed each time, which is only slower).
    hash: Cell<u64>,
}

impl PyStr {
    fn new(text: CompactString) -> PyStr {
        PyStr(Rc::new(StrObj {
            text,
            hash: Cell::new(0),
        }))
    }

    pub fn as_str(&self) -> &str {
        &self.0.text
    }

    /// Whether both are the same string object (Python's `is`).
    #[inline]
    pub fn ptr_eq(a: &PyStr, b: &PyStr) -> bool {
        Rc::ptr_eq(&a.0, &b.0)
    }

    /// The hash dicts and sets use for this string as a key, computed on first use.
    #[inline]
    pub fn key_hash(&self) -> u64 {
        let cached = self.0.hash.get();
        if cached != 0 {
            return cached;
        }
        let hash = crate::value::str_key_hash(&self.0.text);
        self.0.hash.set(hash);
        hash
    }
}

impl Deref for PyStr {
    type Target = str;

    #[inline]
    fn deref(&self) -> &str {
        &self.0.text
    }
}

impl AsRef<str> for PyStr {
    fn as_ref(&self) -> &str {
        self
    }
}

impl std::borrow::Borrow<str> for PyStr {
    fn borrow(&self) -> &str {
        self
    }
}

impl From<Box<str>> for PyStr {
    fn from(text: Box<str>) -> PyStr {
        PyStr::from(String::from(text))
    }
}

impl From<String> for PyStr {
    fn from(mut text: String) -> PyStr {
        // A long text keeps its buffer: without the room a builder left at its end, which
        // would count against the plan's memory for as long as the string lives.
        if text.len() > std::mem::size_of::<CompactString>() && text.capacity() > text.len() {
            text.shrink_to_fit();
        }
        PyStr::new(CompactString::from(text))
    }
}

/// A text built in place (`CompactString::with_capacity` is inline up to 24 bytes): no
/// buffer of its own to copy from and free, as a `String`'s would be.
impl From<CompactString> for PyStr {
    fn from(text: CompactString) -> PyStr {
        PyStr::new(text)
    }
}

impl From<&str> for PyStr {
    fn from(text: &str) -> PyStr {
        PyStr::new(CompactString::from(text))
    }
}

impl From<&String> for PyStr {
    fn from(text: &String) -> PyStr {
        PyStr::from(text.as_str())
    }
}

impl From<char> for PyStr {
    fn from(c: char) -> PyStr {
        PyStr::from(c.encode_utf8(&mut [0; 4]) as &str)
    }
}

impl From<&Rc<str>> for PyStr {
    fn from(text: &Rc<str>) -> PyStr {
        PyStr::from(&**text)
    }
}

impl From<&PyStr> for Rc<str> {
    fn from(text: &PyStr) -> Rc<str> {
        Rc::from(text.as_str())
    }
}

impl PartialEq for PyStr {
    #[inline]
    fn eq(&self, other: &PyStr) -> bool {
        PyStr::ptr_eq(self, other) || self.as_str() == other.as_str()
    }
}

impl Eq for PyStr {}

impl PartialEq<str> for PyStr {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialOrd for PyStr {
    fn partial_cmp(&self, other: &PyStr) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PyStr {
    fn cmp(&self, other: &PyStr) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

/// As `str` hashes (so that a set of them can be looked up by `&str`); dict and set keys use
/// [`PyStr::key_hash`] instead.
impl std::hash::Hash for PyStr {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
    }
}

impl fmt::Debug for PyStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for PyStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

/// How many characters `s` has (Python's `len`): its bytes when it is ASCII.
pub(crate) fn char_count(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

#[cfg(test)]
mod tests {
    use super::PyStr;

    #[test]
    fn a_copy_shares_the_text_and_its_hash() {
        let a = PyStr::from("key");
        let b = a.clone();
        assert!(PyStr::ptr_eq(&a, &b));
        assert_eq!(a.key_hash(), b.key_hash());
        assert_eq!(a.key_hash(), PyStr::from(String::from("key")).key_hash());
        assert_ne!(a.key_hash(), PyStr::from("kez").key_hash());
    }

    #[test]
    fn equal_texts_are_equal_strings() {
        assert_eq!(PyStr::from("é"), PyStr::from('é'));
        let mut sorted = [PyStr::from("b"), PyStr::from("a")];
        sorted.sort();
        assert_eq!(&*sorted[0], "a");
        assert_eq!(&*PyStr::from(""), "");
    }

    #[test]
    fn short_and_long_texts_read_back_whole() {
        for len in [0, 1, 23, 24, 25, 1000] {
            let text: String = "ab€".chars().cycle().take(len).collect();
            let mut built = String::with_capacity(4 * len + 64);
            built.push_str(&text);
            assert_eq!(&*PyStr::from(built), text);
            assert_eq!(&*PyStr::from(text.as_str()), text);
            assert_eq!(&*PyStr::from(text.clone().into_boxed_str()), text);
        }
    }
}

//! Reference cycles. Values are reference counted, so a list that holds itself, a dict whose
//! child points back to it, or a nested function that calls itself (its own cell holds it)
//! would never be freed, run after run, in a process that serves many plans. Every mutable
//! object a run makes is noted here, weakly; when the run ends, every one still alive is
//! emptied, which breaks every cycle. No value outlives its run (the outcome holds only text
//! and labels), so nothing a caller sees is emptied.
//!
//! The notes live in a thread-local list: a thread evaluates one plan at a time (a run never
//! starts another), and `Interpreter::run` empties what its own run made before returning.

use crate::value::{Cell, DictObj, Instance, IterObj, ListObj, SetObj, Value};
use std::cell::RefCell;
use std::rc::{Rc, Weak};

/// A mutable object, weakly.
enum Made {
    List(Weak<RefCell<ListObj>>),
    Dict(Weak<RefCell<DictObj>>),
    Set(Weak<RefCell<SetObj>>),
    Instance(Weak<RefCell<Instance>>),
    Iterator(Weak<RefCell<IterObj>>),
    Cell(Weak<RefCell<Option<Value>>>),
}

impl Made {
    fn is_alive(&self) -> bool {
        match self {
            Made::List(w) => w.strong_count() > 0,
            Made::Dict(w) => w.strong_count() > 0,
            Made::Set(w) => w.strong_count() > 0,
            Made::Instance(w) => w.strong_count() > 0,
            Made::Iterator(w) => w.strong_count() > 0,
            Made::Cell(w) => w.strong_count() > 0,
        }
    }

    /// Takes the object's contents out (into `out`), if it is still alive and not in use.
    fn empty_into(self, out: &mut Vec<Value>) {
        match self {
            Made::List(w) => {
                if let Some(l) = w.upgrade() {
                    if let Ok(mut l) = l.try_borrow_mut() {
                        out.append(&mut l.items.take_values());
                    }
                }
            }
            Made::Dict(w) => {
                if let Some(d) = w.upgrade() {
                    if let Ok(mut d) = d.try_borrow_mut() {
                        out.extend(d.map.drain(..).flat_map(|(k, v)| [k, v]));
                    }
                }
            }
            Made::Set(w) => {
                if let Some(s) = w.upgrade() {
                    if let Ok(mut s) = s.try_borrow_mut() {
                        out.extend(s.map.drain(..).map(|(_, v)| v));
                    }
                }
            }
            Made::Instance(w) => {
                if let Some(i) = w.upgrade() {
                    if let Ok(mut i) = i.try_borrow_mut() {
                        out.extend(i.fields.drain(..).map(|(_, v)| v));
                    }
                }
            }
            Made::Iterator(w) => {
                if let Some(it) = w.upgrade() {
                    if let Ok(mut it) = it.try_borrow_mut() {
                        out.append(&mut it.items);
                        if let Some(lazy) = it.lazy.take() {
                            out.extend(lazy.into_values());
                        }
                    }
                }
            }
            Made::Cell(w) => {
                if let Some(c) = w.upgrade() {
                    if let Ok(mut c) = c.try_borrow_mut() {
                        out.extend(c.take());
                    }
                }
            }
        }
    }
}

/// The objects noted since the last run ended, and the length at which the dead are next
/// dropped from the list (so that it stays within twice the live objects).
struct Notes {
    made: Vec<Made>,
    prune_at: usize,
}

const FIRST_PRUNE: usize = 4096;

thread_local! {
    static NOTES: RefCell<Notes> = const {
        RefCell::new(Notes { made: Vec::new(), prune_at: FIRST_PRUNE })
    };
}

fn note(made: Made) {
    NOTES.with(|n| {
        let mut n = n.borrow_mut();
        if n.made.len() >= n.prune_at {
            n.made.retain(Made::is_alive);
            n.prune_at = (n.made.len() * 2).max(FIRST_PRUNE);
        }
        n.made.push(made);
    });
}

/// An object the run makes, noted so that the end of the run can break its cycles.
pub(crate) trait Tracked: Sized {
    fn track(self) -> Rc<RefCell<Self>>;
}

macro_rules! tracked {
    ($ty:ty, $variant:ident) => {
        impl Tracked for $ty {
            fn track(self) -> Rc<RefCell<Self>> {
                let obj = Rc::new(RefCell::new(self));
                note(Made::$variant(Rc::downgrade(&obj)));
                obj
            }
        }
    };
}

tracked!(ListObj, List);
tracked!(DictObj, Dict);
tracked!(SetObj, Set);
tracked!(Instance, Instance);
tracked!(IterObj, Iterator);

/// A new, empty cell (a variable that a nested function shares), noted like the objects.
pub(crate) fn new_cell() -> Cell {
    let cell = Rc::new(RefCell::new(None));
    note(Made::Cell(Rc::downgrade(&cell)));
    cell
}

/// Empties every object the run made that is still alive, which frees every cycle. Called
/// when a run ends.
pub(crate) fn break_cycles() {
    let made = NOTES.with(|n| {
        let mut n = n.borrow_mut();
        n.prune_at = FIRST_PRUNE;
        std::mem::take(&mut n.made)
    });
    let mut contents = Vec::new();
    for m in made {
        m.empty_into(&mut contents);
    }
    // Every object is empty now, so dropping what they held frees one level at a time.
    drop(contents);
}

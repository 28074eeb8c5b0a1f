//! The method calls plans make most, `d.get(k)` / `d.get(k, default)`, `xs.append(x)` and
//! str methods with positional arguments, without the general call's argument vectors,
//! keyword vector and dispatch by name. Each gives what the general path
//! ([`Machine::call_method_at`]) gives: a value nothing labeled decides is read or stored in
//! place, anything else goes through the general method with the arguments already
//! evaluated.

use super::*;
use crate::error::Unwind;
use crate::eval::Frame;
use crate::syntax::ir::{Elt, Expr};

/// Where `get` stands in [`DICT_METHODS`] and `append` in [`LIST_METHODS`].
const DICT_GET: u8 = 0;
const LIST_APPEND: u8 = 0;

impl Machine<'_> {
    /// `receiver.name(args)` when it is `dict.get` or `list.append` on a plain reference,
    /// with positional arguments only, outside any `try` (whose bookkeeping the general path
    /// does). `None`: not one of them; nothing was evaluated.
    pub(crate) fn common_method(
        &mut self,
        e: &Expr,
        receiver: &Value,
        name: &Rc<str>,
        slots: MethodSlots,
        args: &[Elt],
        frame: &mut Frame,
    ) -> Option<Eval<Value>> {
        if !self.try_labels.is_empty() || args.iter().any(|a| a.starred) {
            return None;
        }
        if let Data::Str(s) = &receiver.data {
            // No str method mutates: the reference's label needs no bookkeeping here.
            return match (args, slots.str) {
                ([] | [_] | [_, _] | [_, _, _], Some(method)) => {
                    Some(self.str_call(e, receiver, s, method, name, args, frame))
                }
                _ => None,
            };
        }
        if receiver.label != Label::PROGRAM {
            // Which container changes is decided by the reference: the general path notes it.
            return None;
        }
        match (&receiver.data, args) {
            (Data::Dict(_), [key]) if slots.dict == DICT_GET => {
                Some(self.dict_get(e, receiver, name, slots, &key.expr, None, frame))
            }
            (Data::Dict(_), [key, default]) if slots.dict == DICT_GET => Some(self.dict_get(
                e,
                receiver,
                name,
                slots,
                &key.expr,
                Some(&default.expr),
                frame,
            )),
            (Data::List(_), [item]) if slots.list == LIST_APPEND => {
                Some(self.list_append(e, receiver, &item.expr, frame))
            }
            _ => None,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn dict_get(
        &mut self,
        e: &Expr,
        receiver: &Value,
        name: &Rc<str>,
        slots: MethodSlots,
        key: &Expr,
        default: Option<&Expr>,
        frame: &mut Frame,
    ) -> Eval<Value> {
        let key = self.operand(key, frame)?;
        let default = match default {
            Some(d) => Some(self.operand(d, frame)?),
            None => None,
        };
        self.call_spread = Label::PROGRAM;
        self.pos = e.pos;
        self.method_step(receiver)?;
        if let Some(v) = plain_get(receiver, &key, default.as_ref()) {
            key.discard();
            return Ok(v);
        }
        let args: Vec<Value> = std::iter::once(key).chain(default).collect();
        self.call_method_at(receiver, name, slots, &args, Vec::new(), &e.text)
            .map_err(|u| self.failed_on_call(u, receiver, &args))
    }

    fn list_append(
        &mut self,
        e: &Expr,
        receiver: &Value,
        item: &Expr,
        frame: &mut Frame,
    ) -> Eval<Value> {
        let item = self.operand(item, frame)?;
        self.call_spread = Label::PROGRAM;
        self.pos = e.pos;
        self.method_step(receiver)?;
        let Data::List(list) = &receiver.data else {
            return Ok(Value::none()); // not reached: the caller matched a list
        };
        let len = list.borrow().items.len();
        if let Err(u) = self.check_growth(len + 1, 1) {
            return Err(self.failed_on_call(u, receiver, std::slice::from_ref(&item)));
        }
        let item = self.under_context(item);
        list.borrow_mut().items.push(item);
        self.mutated(receiver);
        Ok(Value::none())
    }

    /// A str method with up to three positional arguments: what the general call does,
    /// with the arguments on the stack (a vector for three).
    #[allow(clippy::too_many_arguments)]
    fn str_call(
        &mut self,
        e: &Expr,
        receiver: &Value,
        s: &PyStr,
        method: StrMethod,
        name: &Rc<str>,
        args: &[Elt],
        frame: &mut Frame,
    ) -> Eval<Value> {
        let call = (e, receiver, s, method, name);
        match args {
            [] => self.str_call_with(call, &[]),
            [a] => {
                let a = self.operand(&a.expr, frame)?;
                self.str_call_with(call, std::slice::from_ref(&a))
            }
            [a, b] => {
                let a = self.operand(&a.expr, frame)?;
                let b = self.operand(&b.expr, frame)?;
                self.str_call_with(call, &[a, b])
            }
            _ => {
                let mut values = Vec::with_capacity(args.len());
                for a in args {
                    values.push(self.operand(&a.expr, frame)?);
                }
                self.str_call_with(call, &values)
            }
        }
    }

    #[inline(always)]
    fn str_call_with(
        &mut self,
        (e, receiver, s, method, name): (&Expr, &Value, &PyStr, StrMethod, &Rc<str>),
        values: &[Value],
    ) -> Eval<Value> {
        self.call_spread = Label::PROGRAM;
        self.pos = e.pos;
        let result = self.method_step(receiver).and_then(|()| {
            self.str_method(receiver, s, Some(method), name, values, Vec::new(), &e.text)
        });
        result.map_err(|u| self.failed_on_call(u, receiver, values))
    }

    /// A method's failure, labeled by its receiver and its labeled arguments.
    fn failed_on_call(&mut self, u: Unwind, receiver: &Value, args: &[Value]) -> Unwind {
        let mut operands: Vec<&Value> = vec![receiver];
        operands.extend(args.iter().filter(|v| !v.is_plain()));
        self.failed_on(u, &operands)
    }
}

/// `d.get(key, default)` when nothing labeled decides it: the reference, the key, the entry's
/// stored key (found) or the dict's shape (missing) are plain, and no node is involved.
#[inline(always)]
fn plain_get(receiver: &Value, key: &Value, default: Option<&Value>) -> Option<Value> {
    let Data::Dict(d) = &receiver.data else {
        return None;
    };
    // A string or an int key always hashes (anything else may raise: the general path).
    if !receiver.is_plain_reference()
        || !key.is_plain()
        || !matches!(key.data, Data::Str(_) | Data::Int(_))
    {
        return None;
    }
    let d = d.borrow();
    if d.shape_node != NO_NODE {
        return None;
    }
    match d.map.find_data(&key.data) {
        Some(i) => {
            let (stored, v) = d.map.get_index(i)?;
            (stored.label == Label::PROGRAM).then(|| v.clone())
        }
        None if d.shape == Label::PROGRAM => Some(default.cloned().unwrap_or_else(Value::none)),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_slots_name_get_and_append() {
        assert_eq!(DICT_METHODS[DICT_GET as usize].name, "get");
        assert_eq!(LIST_METHODS[LIST_APPEND as usize].name, "append");
    }
}

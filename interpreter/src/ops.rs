//! Operators with Python semantics: arithmetic on big ints and floats, comparisons, equality,
//! hashing and truthiness. Results carry the join of the operands' full labels.

use crate::error::{err, exception, Eval, Unwind};
use crate::eval::Machine;
use crate::syntax::ir::{BinOp, CmpOp};
use crate::value::*;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use std::cmp::Ordering;
use std::rc::Rc;
use std::sync::Arc;

/// A number, widened for arithmetic.
enum Num {
    Int(BigInt),
    Small(i64),
    Float(f64),
}

fn num(data: &Data) -> Option<Num> {
    match data {
        Data::Bool(b) => Some(Num::Small(*b as i64)),
        Data::Int(i) => Some(Num::Small(*i)),
        Data::BigInt(b) => Some(Num::Int((**b).clone())),
        Data::Float(f) => Some(Num::Float(*f)),
        _ => None,
    }
}

/// Normalises a big integer back to `Data::Int` when it fits.
pub fn int_data(i: BigInt) -> Data {
    match i.to_i64() {
        Some(small) => Data::Int(small),
        None => Data::BigInt(Rc::new(i)),
    }
}

pub fn to_bigint(data: &Data) -> Option<BigInt> {
    match data {
        Data::Bool(b) => Some(BigInt::from(*b as i64)),
        Data::Int(i) => Some(BigInt::from(*i)),
        Data::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

/// Three-argument `pow` as CPython computes it: the result takes the modulus's sign, a modulus
/// of 1 gives 0, and a negative exponent first inverts the base modulo the modulus.
pub fn modular_pow(base: &BigInt, exp: &BigInt, modulus: &BigInt) -> Eval<BigInt> {
    if modulus.is_zero() {
        return err(ExcKind::ValueError, "pow() 3rd argument cannot be 0");
    }
    let m = modulus.abs();
    if m == BigInt::from(1) {
        return Ok(BigInt::zero());
    }
    let mut b = base.mod_floor(&m);
    let mut e = exp.clone();
    if e.is_negative() {
        let inverse = b.extended_gcd(&m);
        if inverse.gcd != BigInt::from(1) {
            return err(
                ExcKind::ValueError,
                "base is not invertible for the given modulus",
            );
        }
        b = inverse.x.mod_floor(&m);
        e = -e;
    }
    let r = b.modpow(&e, &m);
    Ok(if modulus.is_negative() && !r.is_zero() {
        r - m
    } else {
        r
    })
}

pub fn bigint_to_f64(i: &BigInt) -> Eval<f64> {
    match i.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => err(ExcKind::OverflowError, "int too large to convert to float"),
    }
}

fn as_f64(n: &Num) -> Eval<f64> {
    match n {
        Num::Small(i) => Ok(*i as f64),
        Num::Int(i) => bigint_to_f64(i),
        Num::Float(f) => Ok(*f),
    }
}

fn as_big(n: &Num) -> BigInt {
    match n {
        Num::Small(i) => BigInt::from(*i),
        Num::Int(i) => i.clone(),
        Num::Float(_) => BigInt::zero(),
    }
}

/// Python's float floor division and modulo.
pub fn float_divmod(a: f64, b: f64) -> Eval<(f64, f64)> {
    if b == 0.0 {
        return err(ExcKind::ZeroDivisionError, "float divmod()");
    }
    let mut m = a % b;
    let mut d = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            d -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let floordiv = if d != 0.0 {
        let f = d.floor();
        if d - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(a / b)
    };
    Ok((floordiv, m))
}

/// Evaluates `left op right`.
#[inline]
pub fn binary(
    m: &mut Machine,
    op: BinOp,
    left: &Value,
    right: &Value,
    text: &Arc<str>,
) -> Eval<Value> {
    if let (Data::Int(a), Data::Int(b)) = (&left.data, &right.data) {
        if let Some(v) = small_int_op(op, *a, *b, m.limits.max_int_bits) {
            return Ok(m.derive(Data::Int(v), &[left, right], text));
        }
    }
    binary_general(m, op, left, right, text)
}

#[inline(never)]
fn binary_general(
    m: &mut Machine,
    op: BinOp,
    left: &Value,
    right: &Value,
    text: &Arc<str>,
) -> Eval<Value> {
    let data = binary_data(m, op, left, right)?;
    Ok(m.derive(data, &[left, right], text))
}

/// `left op right` when both operands are plain (plan literals only, no lineage) small ints
/// or floats and the result needs none of the general path's checks: the value `binary`
/// gives, without its label work. `None`: `binary` decides (labeled operands, other types,
/// overflow, division by zero, errors).
#[inline(always)]
pub fn plain_binary(op: BinOp, left: &Value, right: &Value, max_int_bits: u64) -> Option<Value> {
    if !both_plain(left, right) {
        return None;
    }
    let data = match (&left.data, &right.data) {
        (Data::Int(a), Data::Int(b)) => Data::Int(small_int_op(op, *a, *b, max_int_bits)?),
        (Data::Float(x), Data::Float(y)) => Data::Float(match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x * y,
            BinOp::Div if *y != 0.0 => x / y,
            _ => return None,
        }),
        _ => return None,
    };
    Some(Value::program(data))
}

/// `left op k` for a plain value and an int literal `k` (the right operand of `i % 7`,
/// `v > 50`): what `plain_binary` or `plain_compare` give with `k` as a plain value, without
/// making it one. `None`: the general path decides.
#[inline(always)]
pub fn plain_binary_literal(op: BinOp, left: &Value, k: i64, max_int_bits: u64) -> Option<Value> {
    match left.data {
        Data::Int(a) if left.is_plain_reference() => Some(Value::program(Data::Int(small_int_op(
            op,
            a,
            k,
            max_int_bits,
        )?))),
        _ => None,
    }
}

/// `plain_compare` of a plain value and an int literal `k`.
#[inline(always)]
pub fn plain_compare_literal(op: CmpOp, left: &Value, k: i64) -> Option<Value> {
    match left.data {
        Data::Int(a) if left.is_plain_reference() => {
            Some(Value::program(Data::Bool(ordered(op, &a, &k)?)))
        }
        _ => None,
    }
}

/// `left op right` for an ordering or equality of two plain small ints, floats or strings:
/// the value `compare` and `derive` give together. `None`: the general path decides.
#[inline(always)]
pub fn plain_compare(op: CmpOp, left: &Value, right: &Value) -> Option<Value> {
    if !both_plain(left, right) {
        return None;
    }
    let ok = match (&left.data, &right.data) {
        (Data::Int(x), Data::Int(y)) => ordered(op, x, y)?,
        // IEEE comparison is Python's for two floats, NaN included.
        (Data::Float(x), Data::Float(y)) => ordered(op, x, y)?,
        // UTF-8 orders as code points do, which is how Python orders strings.
        (Data::Str(x), Data::Str(y)) => ordered(op, &x.as_str(), &y.as_str())?,
        _ => return None,
    };
    Some(Value::program(Data::Bool(ok)))
}

#[inline(always)]
fn ordered<T: PartialOrd>(op: CmpOp, x: &T, y: &T) -> Option<bool> {
    Some(match op {
        CmpOp::Eq => x == y,
        CmpOp::NotEq => x != y,
        CmpOp::Lt => x < y,
        CmpOp::LtE => x <= y,
        CmpOp::Gt => x > y,
        CmpOp::GtE => x >= y,
        _ => return None,
    })
}

/// Both values carry no label and no lineage (scalars; the callers match the data).
#[inline(always)]
fn both_plain(a: &Value, b: &Value) -> bool {
    a.is_plain_reference() && b.is_plain_reference()
}

/// `a op b` on small ints when the result is a small int too (`None`: the general path
/// decides, with big ints or an error).
#[inline]
fn small_int_op(op: BinOp, a: i64, b: i64, max_int_bits: u64) -> Option<i64> {
    match op {
        BinOp::Add => a.checked_add(b),
        BinOp::Sub => a.checked_sub(b),
        BinOp::Mul => a.checked_mul(b),
        // Python floors: a truncated quotient with a remainder of the other sign is one more
        // than the floor. (`checked_*` is `None` for a zero divisor and for `MIN // -1`.)
        BinOp::FloorDiv => {
            let q = a.checked_div(b)?;
            Some(if a % b != 0 && ((a < 0) != (b < 0)) {
                q - 1
            } else {
                q
            })
        }
        // Python's remainder has the divisor's sign.
        BinOp::Mod => {
            let r = a.checked_rem(b)?;
            Some(if r != 0 && ((r < 0) != (b < 0)) {
                r + b
            } else {
                r
            })
        }
        BinOp::BitAnd => Some(a & b),
        BinOp::BitOr => Some(a | b),
        BinOp::BitXor => Some(a ^ b),
        // An arithmetic shift floors, as Python's `>>` does; past 63 bits only the sign
        // is left.
        BinOp::RShift if b >= 0 => Some(if b >= 64 { a >> 63 } else { a >> b }),
        // Only when the result still fits (and so is within any integer size limit the
        // general path would check: it needs at most 63 bits).
        BinOp::LShift if (0..63).contains(&b) && max_int_bits >= 64 => {
            let shifted = a << b;
            (shifted >> b == a).then_some(shifted)
        }
        _ => None,
    }
}

/// `divmod(a, b)` is computed as `a // b` and `a % b`; this gives the errors CPython's
/// `divmod` itself raises, which name `divmod()` rather than either operator.
pub fn check_divmod_operands(m: &mut Machine, l: &Value, r: &Value) -> Eval<()> {
    let (Some(a), Some(b)) = (num(&l.data), num(&r.data)) else {
        return Err(m.type_error(
            format!(
                "unsupported operand type(s) for divmod(): '{}' and '{}'",
                l.data.type_name(),
                r.data.type_name()
            ),
            &[],
        ));
    };
    let float = matches!(a, Num::Float(_)) || matches!(b, Num::Float(_));
    if float && as_f64(&b)? == 0.0 {
        return err(ExcKind::ZeroDivisionError, "float divmod()");
    }
    Ok(())
}

fn unsupported(m: &mut Machine, op: BinOp, l: &Value, r: &Value) -> Unwind {
    let is_sequence = |d: &Data| matches!(d, Data::Str(_) | Data::List(_) | Data::Tuple(_));
    let message = match op {
        // The sequence's own `+` refuses first, in its own words.
        BinOp::Add if is_sequence(&l.data) => format!(
            "can only concatenate {} (not \"{}\") to {}",
            l.data.type_name(),
            r.data.type_name(),
            l.data.type_name()
        ),
        BinOp::Mul if is_sequence(&l.data) || is_sequence(&r.data) => {
            let count = if is_sequence(&l.data) { r } else { l };
            format!(
                "can't multiply sequence by non-int of type '{}'",
                count.data.type_name()
            )
        }
        _ => format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            op.symbol(),
            l.data.type_name(),
            r.data.type_name()
        ),
    };
    m.type_error(message, &[])
}

fn binary_data(m: &mut Machine, op: BinOp, l: &Value, r: &Value) -> Eval<Data> {
    // Fast path: small ints.
    if let (Data::Int(a), Data::Int(b)) = (&l.data, &r.data) {
        if let Some(v) = small_int_op(op, *a, *b, m.limits.max_int_bits) {
            return Ok(Data::Int(v));
        }
    }
    match (&l.data, &r.data) {
        (Data::Str(a), Data::Str(b)) if op == BinOp::Add => {
            m.check_str_len(a.len() + b.len())?;
            let mut s = String::with_capacity(a.len() + b.len());
            s.push_str(a);
            s.push_str(b);
            return Ok(Data::Str(PyStr::from(s)));
        }
        (Data::Str(template), _) if op == BinOp::Mod => {
            let text = crate::format::percent::percent_format(m, template, r)?;
            return Ok(Data::Str(PyStr::from(text)));
        }
        (Data::Str(s), n) | (n, Data::Str(s))
            if op == BinOp::Mul && matches!(n, Data::Int(_) | Data::Bool(_) | Data::BigInt(_)) =>
        {
            let count = repeat_count(n)?;
            let total = (s.len() as u128) * (count as u128);
            if total > m.limits.max_str_len as u128 {
                return Err(crate::limits::string_size_exceeded(
                    total,
                    m.limits.max_str_len,
                ));
            }
            m.check_str_len(total as usize)?;
            return Ok(Data::Str(PyStr::from(s.repeat(count))));
        }
        (Data::List(a), Data::List(b)) if op == BinOp::Add => {
            let mut items = a.borrow().items.clone();
            items.extend_from(&b.borrow().items);
            m.check_len(items.len())?;
            let shape = m.join(a.borrow().shape, b.borrow().shape);
            return Ok(m.new_list(items, shape, NO_NODE).data);
        }
        (Data::Tuple(a), Data::Tuple(b)) if op == BinOp::Add => {
            let mut items = a.items.clone();
            items.extend(b.items.iter().cloned());
            m.check_len(items.len())?;
            let shape = m.join(a.shape, b.shape);
            return Ok(m.new_tuple(items, shape, NO_NODE).data);
        }
        (Data::List(_) | Data::Tuple(_), n) | (n, Data::List(_) | Data::Tuple(_))
            if op == BinOp::Mul && matches!(n, Data::Int(_) | Data::Bool(_) | Data::BigInt(_)) =>
        {
            let seq = if matches!(l.data, Data::List(_) | Data::Tuple(_)) {
                l
            } else {
                r
            };
            let count = repeat_count(n)?;
            let items = m.collect_items(seq)?;
            let total = (items.len() as u128) * (count as u128);
            if total > m.limits.max_collection_len as u128 {
                let max = m.limits.max_collection_len;
                return Err(crate::limits::collection_size_exceeded(total, max));
            }
            m.check_len(total as usize)?;
            // An empty sequence repeated 10**18 times passes the length check: no loop for it.
            let mut out = Vec::with_capacity(total as usize);
            if !items.is_empty() {
                for _ in 0..count {
                    out.extend(items.iter().cloned());
                }
            }
            let shape = m.shape_label(seq);
            return Ok(if matches!(seq.data, Data::List(_)) {
                m.new_list(out, shape, NO_NODE).data
            } else {
                m.new_tuple(out, shape, NO_NODE).data
            });
        }
        (Data::Set(a), Data::Set(b))
            if matches!(
                op,
                BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor
            ) =>
        {
            return set_op(m, op, a, b);
        }
        // `d.keys() | other`, `d.items() & other`: a keys or items view works as a set with
        // any iterable, on either side, and the result is a set.
        _ if matches!(
            op,
            BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor
        ) && (is_set_like_view(l) || is_set_like_view(r)) =>
        {
            let text: Arc<str> = Arc::from("set");
            let as_set = |m: &mut Machine, v: &Value| {
                m.construct(TypeKind::Set, vec![v.clone()], Vec::new(), &text)
            };
            let (ls, rs) = (as_set(m, l)?, as_set(m, r)?);
            if let (Data::Set(a), Data::Set(b)) = (&ls.data, &rs.data) {
                return set_op(m, op, a, b);
            }
        }
        (Data::Dict(a), Data::Dict(b)) if op == BinOp::BitOr => {
            let mut map = a.borrow().map.clone();
            for (k, v) in b.borrow().map.values() {
                // A stored key is hashable.
                if let Ok(hk) = hash_key(&k.data) {
                    map.insert(&hk, (k.clone(), v.clone()));
                }
            }
            let shape = m.join(a.borrow().shape, b.borrow().shape);
            return Ok(Data::Dict(crate::cycles::Tracked::track(DictObj {
                map,
                shape,
                shape_node: NO_NODE,
            })));
        }
        _ => {}
    }
    let (Some(a), Some(b)) = (num(&l.data), num(&r.data)) else {
        return Err(unsupported(m, op, l, r));
    };
    let float = matches!(a, Num::Float(_)) || matches!(b, Num::Float(_));
    if float {
        let (x, y) = (as_f64(&a)?, as_f64(&b)?);
        let v = match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x * y,
            BinOp::Div => {
                if y == 0.0 {
                    return err(ExcKind::ZeroDivisionError, "float division by zero");
                }
                x / y
            }
            BinOp::FloorDiv => {
                if y == 0.0 {
                    return err(ExcKind::ZeroDivisionError, "float floor division by zero");
                }
                float_divmod(x, y)?.0
            }
            BinOp::Mod => {
                if y == 0.0 {
                    return err(ExcKind::ZeroDivisionError, "float modulo");
                }
                float_divmod(x, y)?.1
            }
            BinOp::Pow => {
                if x == 0.0 && y < 0.0 {
                    return err(
                        ExcKind::ZeroDivisionError,
                        "0.0 cannot be raised to a negative power",
                    );
                }
                if x < 0.0 && y.fract() != 0.0 {
                    return err(ExcKind::ValueError, "complex results are not supported");
                }
                let v = x.powf(y);
                if v.is_infinite() && x.is_finite() && y.is_finite() {
                    // CPython raises it with errno's two arguments.
                    return Err(crate::error::exception_with_args(
                        ExcKind::OverflowError,
                        vec![
                            Value::program(Data::Int(34)),
                            Value::program(Data::str("Numerical result out of range")),
                        ],
                    ));
                }
                v
            }
            _ => return Err(unsupported(m, op, l, r)),
        };
        return Ok(Data::Float(v));
    }
    let (x, y) = (as_big(&a), as_big(&b));
    let result = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => {
            let bits = x.bits() + y.bits();
            check_int_bits(m, bits)?;
            x * y
        }
        BinOp::Div => {
            if y.is_zero() {
                return err(ExcKind::ZeroDivisionError, "division by zero");
            }
            return Ok(Data::Float(true_divide(&x, &y)?));
        }
        BinOp::FloorDiv => {
            if y.is_zero() {
                return err(
                    ExcKind::ZeroDivisionError,
                    "integer division or modulo by zero",
                );
            }
            x.div_floor(&y)
        }
        BinOp::Mod => {
            if y.is_zero() {
                return err(ExcKind::ZeroDivisionError, "integer modulo by zero");
            }
            x.mod_floor(&y)
        }
        BinOp::Pow => {
            if y.is_negative() {
                if x.is_zero() {
                    return err(
                        ExcKind::ZeroDivisionError,
                        "0.0 cannot be raised to a negative power",
                    );
                }
                let (fx, fy) = (bigint_to_f64(&x)?, bigint_to_f64(&y)?);
                return Ok(Data::Float(fx.powf(fy)));
            }
            let exp = y.to_u64().unwrap_or(u64::MAX);
            let base_bits = x.bits();
            if base_bits > 1 || (base_bits == 1 && x.is_negative() && exp > 0) {
                let estimate = (base_bits as u128).saturating_mul(exp as u128);
                if estimate > m.limits.max_int_bits as u128 {
                    return Err(int_limit(m));
                }
            }
            if x.is_zero() || x == BigInt::from(1) {
                return Ok(int_data(if exp == 0 { BigInt::from(1) } else { x }));
            }
            if x == BigInt::from(-1) {
                return Ok(Data::Int(if exp % 2 == 0 { 1 } else { -1 }));
            }
            x.pow(exp as u32)
        }
        BinOp::LShift => {
            if y.is_negative() {
                return err(ExcKind::ValueError, "negative shift count");
            }
            if x.is_zero() {
                return Ok(Data::Int(0));
            }
            // A count past an index-sized integer is CPython's OverflowError; a smaller
            // one too large for memory is the integer size limit (CPython: MemoryError).
            let Some(shift) = y.to_i64().map(|s| s as u64) else {
                return err(ExcKind::OverflowError, "too many digits in integer");
            };
            check_int_bits(m, x.bits().saturating_add(shift))?;
            x << shift
        }
        BinOp::RShift => {
            if y.is_negative() {
                return err(ExcKind::ValueError, "negative shift count");
            }
            let shift = y.to_u64().unwrap_or(u64::MAX);
            if shift >= x.bits() {
                return Ok(Data::Int(if x.is_negative() { -1 } else { 0 }));
            }
            x >> shift
        }
        BinOp::BitAnd => x & y,
        BinOp::BitOr => x | y,
        BinOp::BitXor => x ^ y,
    };
    check_int_bits(m, result.bits())?;
    // bool op bool stays bool for & | ^.
    if let (Data::Bool(p), Data::Bool(q)) = (&l.data, &r.data) {
        match op {
            BinOp::BitAnd => return Ok(Data::Bool(*p & *q)),
            BinOp::BitOr => return Ok(Data::Bool(*p | *q)),
            BinOp::BitXor => return Ok(Data::Bool(*p ^ *q)),
            _ => {}
        }
    }
    Ok(int_data(result))
}

/// How many times `seq * n` repeats `seq`: a negative count is zero, and a count beyond
/// an index-sized integer is an `OverflowError` whatever its sign, as in CPython.
fn repeat_count(n: &Data) -> Eval<usize> {
    match n {
        Data::Bool(b) => Ok(*b as usize),
        Data::Int(i) => Ok((*i).max(0) as usize),
        _ => err(
            ExcKind::OverflowError,
            "cannot fit 'int' into an index-sized integer",
        ),
    }
}

fn int_limit(m: &Machine) -> Unwind {
    Unwind::limit(
        "integer size",
        format!(
            "integer size limit exceeded: the result would have more than {} bits",
            m.limits.max_int_bits
        ),
    )
}

pub fn check_int_bits(m: &Machine, bits: u64) -> Eval<()> {
    if bits > m.limits.max_int_bits {
        return Err(int_limit(m));
    }
    Ok(())
}

fn true_divide(x: &BigInt, y: &BigInt) -> Eval<f64> {
    if let (Some(a), Some(b)) = (x.to_i64(), y.to_i64()) {
        if a.unsigned_abs() < (1 << 53) && b.unsigned_abs() < (1 << 53) {
            return Ok(a as f64 / b as f64);
        }
    }
    let magnitude = correctly_rounded_quotient(x.magnitude(), y.magnitude());
    if magnitude.is_infinite() {
        return err(
            ExcKind::OverflowError,
            "integer division result too large for a float",
        );
    }
    // The sign applies to a zero too: `0 / -(10**20)` is -0.0.
    Ok(if x.is_negative() != y.is_negative() {
        -magnitude
    } else {
        magnitude
    })
}

/// `a / b` rounded once, half to even, to the nearest float (subnormals included), as CPython's
/// int true division: a quotient of 55+ bits plus a sticky bit for the remainder decides it.
fn correctly_rounded_quotient(a: &num_bigint::BigUint, b: &num_bigint::BigUint) -> f64 {
    use num_bigint::BigUint;
    if a.is_zero() {
        return 0.0;
    }
    // Scale so the integer quotient has 55 or 56 bits.
    let scale = 55 - (a.bits() as i64 - b.bits() as i64);
    let (numerator, denominator) = if scale >= 0 {
        (a << scale as u64, b.clone())
    } else {
        (a.clone(), b << scale.unsigned_abs())
    };
    let (quotient, remainder) = numerator.div_rem(&denominator);
    // Bit i of the quotient weighs 2**(i - scale): keep 53 bits, and none below 2**-1074.
    let dropped_bits = (quotient.bits() as i64 - 53).max(scale - 1074);
    let mut kept = &quotient >> dropped_bits as u64;
    let dropped = &quotient - (&kept << dropped_bits as u64);
    let half = BigUint::from(1u32) << (dropped_bits - 1) as u64;
    let round_up = match dropped.cmp(&half) {
        Ordering::Greater => true,
        Ordering::Equal => !remainder.is_zero() || kept.bit(0),
        Ordering::Less => false,
    };
    if round_up {
        kept += 1u32;
    }
    // At most 54 bits: exact in a float, and so is each scaling by a power of two below.
    let mantissa = kept.to_f64().unwrap_or(f64::INFINITY);
    scale_by_power_of_two(mantissa, dropped_bits - scale)
}

/// `v * 2**exp` for exponents beyond what one `powi` can represent.
fn scale_by_power_of_two(mut v: f64, mut exp: i64) -> f64 {
    while exp > 1000 && v.is_finite() {
        v *= 2f64.powi(1000);
        exp -= 1000;
    }
    while exp < -1000 && v != 0.0 {
        v *= 2f64.powi(-1000);
        exp += 1000;
    }
    v * 2f64.powi(exp as i32)
}

/// How many of `set`'s items `other` lacks.
fn count_new(set: &SetObj, other: &SetObj) -> usize {
    set.map
        .keys()
        .filter(|k| !other.map.contains_key(*k))
        .count()
}

/// A `keys()` or `items()` view (values views are not set-like).
fn is_set_like_view(v: &Value) -> bool {
    is_set_like_data(&v.data)
}

fn is_set_like_data(data: &Data) -> bool {
    matches!(data, Data::Iterator(it) if matches!(it.borrow().kind, "dict_keys" | "dict_items"))
}

/// `==` between a set-like view and a set or another view: the same elements, in any order.
fn set_like_equal(m: &mut Machine, a: &Data, b: &Data, depth: u32) -> Eval<bool> {
    let mut elements = |data: &Data| match data {
        Data::Set(s) => s.borrow().values_in_order(),
        Data::Iterator(it) => m.view_items(it).unwrap_or_default(),
        _ => Vec::new(),
    };
    let (xs, ys) = (elements(a), elements(b));
    if xs.len() != ys.len() {
        return Ok(false);
    }
    // By key where every element hashes; an item whose value is a list does not.
    let keys: Option<std::collections::HashSet<HashKey>> =
        ys.iter().map(|y| hash_key(&y.data).ok()).collect();
    if let Some(keys) = keys {
        return Ok(xs
            .iter()
            .all(|x| hash_key(&x.data).is_ok_and(|k| keys.contains(&k))));
    }
    for x in &xs {
        let mut found = false;
        for y in &ys {
            if equal(m, &x.data, &y.data, depth + 1)? {
                found = true;
                break;
            }
        }
        if !found {
            return Ok(false);
        }
    }
    Ok(true)
}

fn set_op(
    m: &mut Machine,
    op: BinOp,
    a: &Rc<std::cell::RefCell<SetObj>>,
    b: &Rc<std::cell::RefCell<SetObj>>,
) -> Eval<Data> {
    let (a, b) = (a.borrow(), b.borrow());
    // Each side is walked in CPython's order, as `Objects/setobject.c` walks it, so that the
    // result's order is CPython's too.
    let (a_items, b_items) = (a.entries_in_order(), b.entries_in_order());
    let mut out = key_map(0);
    let mut add = |k: &HashKey, v: &Value| {
        out.entry(k.clone()).or_insert_with(|| v.clone());
    };
    // The result's runs that CPython merges at once (a copy of one side, an update).
    let mut merges = Vec::new();
    match op {
        BinOp::BitOr => {
            for (k, v) in a_items.iter().chain(&b_items) {
                add(k, v);
            }
            let (copied, total) = (a.map.len(), a.map.len() + count_new(&b, &a));
            merges = vec![
                a.as_merge_source(0, copied),
                b.as_merge_source(copied, total),
            ];
        }
        BinOp::BitAnd => {
            // The smaller side is walked, its items kept (`{1} & {True}` is `{True}`).
            let (walked, other) = if b.map.len() <= a.map.len() {
                (&b_items, &a)
            } else {
                (&a_items, &b)
            };
            for (k, v) in walked.iter().filter(|(k, _)| other.map.contains_key(*k)) {
                add(k, v);
            }
        }
        BinOp::Sub => {
            for (k, v) in a_items.iter().filter(|(k, _)| !b.map.contains_key(*k)) {
                add(k, v);
            }
            // A left side much larger than the right is copied, then the right removed.
            if a.map.len() >> 2 > b.map.len() {
                merges = vec![a.as_merge_source(0, count_new(&a, &b))];
            }
        }
        _ => {
            // A copy of the right side, then the left side's items toggled in.
            for (k, v) in b_items.iter().filter(|(k, _)| !a.map.contains_key(*k)) {
                add(k, v);
            }
            merges = vec![b.as_merge_source(0, count_new(&b, &a))];
            for (k, v) in a_items.iter().filter(|(k, _)| !b.map.contains_key(*k)) {
                add(k, v);
            }
        }
    }
    let shape = m.join(a.shape, b.shape);
    let mut set = SetObj::new(out, shape, a.frozen);
    set.merges = merges;
    Ok(Data::Set(crate::cycles::Tracked::track(set)))
}

/// Python truthiness (no labels involved).
pub fn truthy(data: &Data) -> bool {
    match data {
        Data::None => false,
        Data::Bool(b) => *b,
        Data::Int(i) => *i != 0,
        Data::BigInt(b) => !b.is_zero(),
        Data::Float(f) => *f != 0.0,
        Data::Str(s) => !s.is_empty(),
        Data::List(l) => !l.borrow().items.is_empty(),
        Data::Tuple(t) => !t.items.is_empty(),
        Data::Dict(d) => !d.borrow().map.is_empty(),
        Data::Set(s) => !s.borrow().map.is_empty(),
        Data::Range(r) => !r.is_empty(),
        Data::Iterator(i) => match i.borrow().viewed_dict().map(|d| &d.data) {
            Some(Data::Dict(d)) => !d.borrow().map.is_empty(),
            _ => true,
        },
        _ => true,
    }
}

/// Python `==`.
pub fn equal(m: &mut Machine, a: &Data, b: &Data, depth: u32) -> Eval<bool> {
    if depth > m.limits.max_recursion {
        return err(
            ExcKind::RecursionError,
            "maximum recursion depth exceeded in comparison",
        );
    }
    if is_set_like_data(a) && (is_set_like_data(b) || matches!(b, Data::Set(_)))
        || is_set_like_data(b) && matches!(a, Data::Set(_))
    {
        return set_like_equal(m, a, b, depth);
    }
    Ok(match (a, b) {
        (Data::None, Data::None) => true,
        (Data::Str(x), Data::Str(y)) => x == y,
        (Data::Int(x), Data::Int(y)) => x == y,
        (Data::List(x), Data::List(y)) => {
            if Rc::ptr_eq(x, y) {
                return Ok(true);
            }
            if let (ListItems::PlainInts(x), ListItems::PlainInts(y)) =
                (&x.borrow().items, &y.borrow().items)
            {
                return Ok(x == y);
            }
            let (x, y) = (x.borrow().items.to_vec(), y.borrow().items.to_vec());
            seq_equal(m, &x, &y, depth)?
        }
        (Data::Tuple(x), Data::Tuple(y)) => seq_equal(m, &x.items, &y.items, depth)?,
        (Data::Dict(x), Data::Dict(y)) => {
            if Rc::ptr_eq(x, y) {
                return Ok(true);
            }
            let (x, y) = (x.borrow(), y.borrow());
            if x.map.len() != y.map.len() {
                return Ok(false);
            }
            let pairs: Vec<(Data, Option<Data>)> = x
                .map
                .values()
                .map(|(k, v)| {
                    let w = y.map.find_data(&k.data).and_then(|at| y.map.get_index(at));
                    (v.data.clone(), w.map(|(_, w)| w.data.clone()))
                })
                .collect();
            drop((x, y));
            for (v, w) in pairs {
                match w {
                    Some(w) if equal(m, &v, &w, depth + 1)? => {}
                    _ => return Ok(false),
                }
            }
            true
        }
        (Data::Set(x), Data::Set(y)) => {
            let (x, y) = (x.borrow(), y.borrow());
            x.map.len() == y.map.len() && x.map.keys().all(|k| y.map.contains_key(k))
        }
        (Data::Range(x), Data::Range(y)) => x.same_items(y),
        (Data::Type(x), Data::Type(y)) => x == y,
        (Data::Builtin(x), Data::Builtin(y)) => x == y,
        (Data::Function(x), Data::Function(y)) => Rc::ptr_eq(x, y),
        (Data::Iterator(x), Data::Iterator(y)) => Rc::ptr_eq(x, y),
        (Data::Model(x), Data::Model(y)) => Rc::ptr_eq(x, y),
        (Data::Exception(x), Data::Exception(y)) => Rc::ptr_eq(x, y),
        (Data::Tool(x), Data::Tool(y)) => x == y,
        (Data::ExcClass(x), Data::ExcClass(y)) => Rc::ptr_eq(x, y),
        (Data::Instance(x), Data::Instance(y)) => {
            if Rc::ptr_eq(x, y) {
                return Ok(true);
            }
            let (xi, yi) = (x.borrow(), y.borrow());
            if !Rc::ptr_eq(&xi.class, &yi.class) {
                return Ok(false);
            }
            let pairs: Vec<(Data, Data)> = xi
                .fields
                .values()
                .zip(yi.fields.values())
                .map(|(a, b)| (a.data.clone(), b.data.clone()))
                .collect();
            drop((xi, yi));
            for (a, b) in pairs {
                if !equal(m, &a, &b, depth + 1)? {
                    return Ok(false);
                }
            }
            true
        }
        _ => match (num(a), num(b)) {
            (Some(x), Some(y)) => num_cmp(&x, &y) == Some(Ordering::Equal),
            _ => false,
        },
    })
}

fn seq_equal(m: &mut Machine, x: &[Value], y: &[Value], depth: u32) -> Eval<bool> {
    if x.len() != y.len() {
        return Ok(false);
    }
    for (a, b) in x.iter().zip(y) {
        if !equal(m, &a.data, &b.data, depth + 1)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn num_cmp(a: &Num, b: &Num) -> Option<Ordering> {
    match (a, b) {
        (Num::Small(x), Num::Small(y)) => Some(x.cmp(y)),
        (Num::Float(x), Num::Float(y)) => x.partial_cmp(y),
        (Num::Float(x), other) => float_int_cmp(*x, &as_big(other)),
        (other, Num::Float(y)) => float_int_cmp(*y, &as_big(other)).map(Ordering::reverse),
        (x, y) => Some(as_big(x).cmp(&as_big(y))),
    }
}

/// Exact comparison of a float with an integer, as Python does it.
fn float_int_cmp(f: f64, i: &BigInt) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Greater
        } else {
            Ordering::Less
        });
    }
    let floor = f.floor();
    let fi = BigInt::from(floor as i128);
    // Floats beyond i128 are compared through their f64 value of the int.
    if floor.abs() >= 1.7e38 {
        return f.partial_cmp(&i.to_f64().unwrap_or(f64::INFINITY));
    }
    match fi.cmp(i) {
        Ordering::Equal => Some(if f > floor {
            Ordering::Greater
        } else {
            Ordering::Equal
        }),
        other => Some(other),
    }
}

/// Python ordering for `<`, `<=`, `>`, `>=`, `sorted`, `min`, `max`.
pub fn order(m: &mut Machine, a: &Data, b: &Data, op: &str) -> Eval<Option<Ordering>> {
    if let (Data::Int(x), Data::Int(y)) = (a, b) {
        return Ok(Some(x.cmp(y)));
    }
    if let (Some(x), Some(y)) = (num(a), num(b)) {
        return Ok(num_cmp(&x, &y));
    }
    match (a, b) {
        (Data::Str(x), Data::Str(y)) => Ok(Some(x.cmp(y))),
        (Data::List(x), Data::List(y)) => {
            if let (ListItems::PlainInts(x), ListItems::PlainInts(y)) =
                (&x.borrow().items, &y.borrow().items)
            {
                return Ok(Some(x.cmp(y)));
            }
            let (x, y) = (x.borrow().items.to_vec(), y.borrow().items.to_vec());
            seq_order(m, &x, &y, op)
        }
        (Data::Tuple(x), Data::Tuple(y)) => seq_order(m, &x.items, &y.items, op),
        (Data::Set(x), Data::Set(y)) => {
            let (x, y) = (x.borrow(), y.borrow());
            let sub = x.map.keys().all(|k| y.map.contains_key(k));
            let sup = y.map.keys().all(|k| x.map.contains_key(k));
            Ok(match (sub, sup) {
                (true, true) => Some(Ordering::Equal),
                (true, false) => Some(Ordering::Less),
                (false, true) => Some(Ordering::Greater),
                _ => None,
            })
        }
        _ => err(
            ExcKind::TypeError,
            format!(
                "'{op}' not supported between instances of '{}' and '{}'",
                a.type_name(),
                b.type_name()
            ),
        ),
    }
}

fn seq_order(m: &mut Machine, x: &[Value], y: &[Value], op: &str) -> Eval<Option<Ordering>> {
    for (a, b) in x.iter().zip(y) {
        // Small ints (sort keys like `(-n, id)`) without the general equality and order.
        if let (Data::Int(p), Data::Int(q)) = (&a.data, &b.data) {
            if p != q {
                return Ok(Some(p.cmp(q)));
            }
            continue;
        }
        if !equal(m, &a.data, &b.data, 0)? {
            return order(m, &a.data, &b.data, op);
        }
    }
    Ok(Some(x.len().cmp(&y.len())))
}

/// Evaluates one comparison; the result's label is joined by the caller.
pub fn compare(m: &mut Machine, op: CmpOp, a: &Value, b: &Value) -> Eval<bool> {
    if let (Data::Int(x), Data::Int(y)) = (&a.data, &b.data) {
        match op {
            CmpOp::Eq => return Ok(x == y),
            CmpOp::NotEq => return Ok(x != y),
            CmpOp::Lt => return Ok(x < y),
            CmpOp::LtE => return Ok(x <= y),
            CmpOp::Gt => return Ok(x > y),
            CmpOp::GtE => return Ok(x >= y),
            _ => {}
        }
    }
    Ok(match op {
        CmpOp::Eq => equal(m, &a.data, &b.data, 0)?,
        CmpOp::NotEq => !equal(m, &a.data, &b.data, 0)?,
        CmpOp::Is => identical(&a.data, &b.data),
        CmpOp::IsNot => !identical(&a.data, &b.data),
        CmpOp::In => m.contains(b, a)?,
        CmpOp::NotIn => !m.contains(b, a)?,
        CmpOp::Lt | CmpOp::LtE | CmpOp::Gt | CmpOp::GtE => {
            let ord = order(m, &a.data, &b.data, op.symbol())?;
            match (op, ord) {
                (_, None) => false,
                (CmpOp::Lt, Some(o)) => o == Ordering::Less,
                (CmpOp::LtE, Some(o)) => o != Ordering::Greater,
                (CmpOp::Gt, Some(o)) => o == Ordering::Greater,
                (_, Some(o)) => o != Ordering::Less,
            }
        }
    })
}

/// Python `is`, for the values where identity is observable and meaningful.
pub fn identical(a: &Data, b: &Data) -> bool {
    match (a, b) {
        (Data::None, Data::None) => true,
        (Data::Bool(x), Data::Bool(y)) => x == y,
        (Data::Int(x), Data::Int(y)) => x == y && (-5..=256).contains(x),
        (Data::Str(x), Data::Str(y)) => PyStr::ptr_eq(x, y) || (x.is_empty() && y.is_empty()),
        (Data::List(x), Data::List(y)) => Rc::ptr_eq(x, y),
        (Data::Dict(x), Data::Dict(y)) => Rc::ptr_eq(x, y),
        (Data::Set(x), Data::Set(y)) => Rc::ptr_eq(x, y),
        (Data::Tuple(x), Data::Tuple(y)) => Rc::ptr_eq(x, y),
        (Data::Instance(x), Data::Instance(y)) => Rc::ptr_eq(x, y),
        (Data::Type(x), Data::Type(y)) => x == y,
        (Data::Function(x), Data::Function(y)) => Rc::ptr_eq(x, y),
        (Data::Exception(x), Data::Exception(y)) => Rc::ptr_eq(x, y),
        (Data::Iterator(x), Data::Iterator(y)) => Rc::ptr_eq(x, y),
        _ => false,
    }
}

/// The dict/set key of a value, or `TypeError: unhashable type`.
/// How deep a tuple used as a key may nest. CPython 3.11 hashes a tuple nested 100,000 deep
/// and dies of a stack overflow somewhere past 150,000; Bactrian raises RecursionError there.
const MAX_HASH_DEPTH: u32 = 100_000;

/// The message of hashing a tuple nested deeper than that.
pub const HASH_TOO_DEEP: &str = "maximum recursion depth exceeded while calling a Python object";

pub fn hash_key(data: &Data) -> Eval<HashKey> {
    hash_key_within(data, 0)
}

/// The key of `data`, found `above` tuples deep inside the value being hashed.
fn hash_key_within(data: &Data, above: u32) -> Eval<HashKey> {
    Ok(match data {
        Data::None => HashKey::None,
        Data::Bool(b) => HashKey::Int(*b as i64),
        Data::Int(i) => HashKey::Int(*i),
        Data::BigInt(b) => HashKey::BigInt(b.clone()),
        Data::Float(f) => {
            if f.fract() == 0.0 && f.is_finite() {
                if f.abs() < 9.2e18 {
                    HashKey::Int(*f as i64)
                } else {
                    int_key(num_traits::FromPrimitive::from_f64(*f).unwrap_or_default())
                }
            } else {
                HashKey::Float(f.to_bits())
            }
        }
        Data::Str(s) => HashKey::Str(s.clone()),
        Data::Tuple(t) => {
            let cached = t.key.get();
            let depth = match cached {
                Some(HashKey::Tuple(k)) => k.depth,
                _ => 1,
            };
            if above + depth > MAX_HASH_DEPTH {
                return err(ExcKind::RecursionError, HASH_TOO_DEEP);
            }
            if let Some(key) = cached {
                return Ok(key.clone());
            }
            let keys: Eval<Vec<HashKey>> = t
                .items
                .iter()
                .map(|v| hash_key_within(&v.data, above + 1))
                .collect();
            let key = HashKey::Tuple(Rc::new(TupleKey::new(keys?)));
            // Cached only when it succeeded: an unhashable item is found again at once.
            let _ = t.key.set(key.clone());
            key
        }
        Data::Type(t) => HashKey::Type(*t),
        Data::Set(s) if s.borrow().frozen => {
            let mut keys: Vec<HashKey> = s.borrow().map.keys().cloned().collect();
            keys.sort_by_key(|k| format!("{k:?}"));
            HashKey::FrozenSet(Rc::from(keys))
        }
        other => {
            return err(
                ExcKind::TypeError,
                format!("unhashable type: '{}'", other.type_name()),
            )
        }
    })
}

fn int_key(i: BigInt) -> HashKey {
    match i.to_i64() {
        Some(s) => HashKey::Int(s),
        None => HashKey::BigInt(Rc::new(i)),
    }
}

/// A label-carrying `TypeError` for an unhashable value.
pub fn unhashable(m: &mut Machine, v: &Value) -> Unwind {
    let label = m.full_label(v);
    exception(
        ExcKind::TypeError,
        format!("unhashable type: '{}'", v.data.type_name()),
        label,
    )
}

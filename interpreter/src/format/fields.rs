//! `str.format` and `str.format_map`: replacement fields as CPython's
//! `Objects/stringlib/unicode_format.h` parses them (`{name.attr[key]!conversion:spec}`),
//! with its automatic numbering, nesting limit and messages.

use super::ascii_escape;
use crate::error::{err, key_error, Eval};
use crate::eval::{Kwargs, Machine};
use crate::value::*;
use bactrian_provenance::Label;
use std::rc::Rc;
use std::sync::Arc;

/// Where named fields come from.
pub enum Names<'a> {
    /// `str.format(**kwargs)`.
    Keywords(&'a Kwargs),
    /// `str.format_map(mapping)`: looked up with `mapping[name]`.
    Mapping(&'a Value),
}

/// The arguments of one `format` call, and every value a field used (the result is derived
/// from them).
pub struct FormatArgs<'a> {
    /// `None` for `format_map`, which takes no positional fields.
    pub positional: Option<&'a [Value]>,
    pub names: Names<'a>,
    pub used: Vec<Value>,
    numbering: Numbering,
    next_auto: usize,
}

impl<'a> FormatArgs<'a> {
    pub fn new(positional: Option<&'a [Value]>, names: Names<'a>) -> FormatArgs<'a> {
        FormatArgs {
            positional,
            names,
            used: Vec::new(),
            numbering: Numbering::Unknown,
            next_auto: 0,
        }
    }
}

/// Whether fields are numbered automatically (`{}`) or by hand (`{0}`): a template may not
/// mix the two.
#[derive(PartialEq)]
enum Numbering {
    Unknown,
    Automatic,
    Manual,
}

/// How deep format specs may nest fields (`{:{}}` is one level).
const MAX_NESTING: u32 = 2;

impl Machine<'_> {
    /// Renders `template` with `args`.
    pub fn format_fields(&mut self, template: &str, args: &mut FormatArgs) -> Eval<String> {
        self.render_template(template, args, MAX_NESTING)
    }

    fn render_template(
        &mut self,
        template: &str,
        args: &mut FormatArgs,
        depth: u32,
    ) -> Eval<String> {
        if depth == 0 {
            return err(ExcKind::ValueError, "Max string recursion exceeded");
        }
        let mut out = String::new();
        let mut rest = template;
        while !rest.is_empty() {
            // Literal text up to the first brace; a doubled brace is one literal brace.
            let Some(at) = rest.find(['{', '}']) else {
                out.push_str(rest);
                break;
            };
            let (literal, from_brace) = rest.split_at(at);
            out.push_str(literal);
            let mut tail = from_brace.chars();
            let Some(brace) = tail.next() else {
                break;
            };
            let after = tail.as_str();
            if let Some(past) = after.strip_prefix(brace) {
                out.push(brace);
                rest = past;
                continue;
            }
            if brace == '}' {
                return err(
                    ExcKind::ValueError,
                    "Single '}' encountered in format string",
                );
            }
            if after.is_empty() {
                return err(
                    ExcKind::ValueError,
                    "Single '{' encountered in format string",
                );
            }
            let (field, remaining) = parse_field(after)?;
            rest = remaining;
            let piece = self.render_field(&field, args, depth)?;
            self.check_str_len(out.len() + piece.len())?;
            out.push_str(&piece);
        }
        Ok(out)
    }

    fn render_field(&mut self, field: &Field, args: &mut FormatArgs, depth: u32) -> Eval<String> {
        let mut value = self.field_value(field.name, args)?;
        args.used.push(value.clone());
        if let Some(conversion) = field.conversion {
            let text = match conversion {
                's' => self.str_of(&value)?,
                'r' => self.repr(&value)?,
                'a' => ascii_escape(&self.repr(&value)?),
                other => {
                    let shown = if (other as u32) > 32 && (other as u32) < 127 {
                        other.to_string()
                    } else {
                        format!("\\x{:x}", other as u32)
                    };
                    return err(
                        ExcKind::ValueError,
                        format!("Unknown conversion specifier {shown}"),
                    );
                }
            };
            value = Value::program(Data::Str(PyStr::from(text)));
        }
        let spec = if field.spec_has_fields {
            self.render_template(field.spec, args, depth - 1)?
        } else {
            field.spec.to_string()
        };
        self.format_value(&value, &spec)
    }

    /// The value a field name designates: an argument, then its `.attr` and `[key]` parts.
    fn field_value(&mut self, name: &str, args: &mut FormatArgs) -> Eval<Value> {
        let split = name.find(['.', '[']).unwrap_or(name.len());
        let (first, mut rest) = name.split_at(split);
        let index = decimal_index(first)?;
        let mut value = if first.is_empty() || index.is_some() {
            let index = match index {
                Some(i) => {
                    if args.numbering == Numbering::Automatic {
                        return err(
                            ExcKind::ValueError,
                            "cannot switch from automatic field numbering to manual field specification",
                        );
                    }
                    args.numbering = Numbering::Manual;
                    i
                }
                None => {
                    if args.numbering == Numbering::Manual {
                        return err(
                            ExcKind::ValueError,
                            "cannot switch from manual field specification to automatic field numbering",
                        );
                    }
                    args.numbering = Numbering::Automatic;
                    args.next_auto += 1;
                    args.next_auto - 1
                }
            };
            let Some(positional) = args.positional else {
                return err(
                    ExcKind::ValueError,
                    "Format string contains positional fields",
                );
            };
            match positional.get(index) {
                Some(v) => v.clone(),
                None => {
                    return err(
                        ExcKind::IndexError,
                        format!("Replacement index {index} out of range for positional args tuple"),
                    )
                }
            }
        } else {
            let key = Value::program(Data::str(first));
            match &args.names {
                Names::Keywords(kwargs) => match kwargs.iter().find(|(k, _)| &**k == first) {
                    Some((_, v)) => v.clone(),
                    None => return Err(key_error(&key, Label::PROGRAM)),
                },
                Names::Mapping(mapping) => {
                    let mapping = (*mapping).clone();
                    let text = self.pos_text();
                    self.get_item(&mapping, &key, &text)?
                }
            }
        };
        let text: Arc<str> = self.pos_text();
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix('.') {
                let end = after.find(['.', '[']).unwrap_or(after.len());
                let attr = &after[..end];
                if attr.is_empty() {
                    return err(ExcKind::ValueError, "Empty attribute in format string");
                }
                if attr.starts_with('_') {
                    return err(
                        ExcKind::AttributeError,
                        format!("attribute '{attr}' is not allowed"),
                    );
                }
                value = self.get_attr(&value, &Rc::from(attr), &text)?;
                rest = &after[end..];
            } else if let Some(after) = rest.strip_prefix('[') {
                let Some(end) = after.find(']') else {
                    return err(ExcKind::ValueError, "Missing ']' in format string");
                };
                let key_text = &after[..end];
                if key_text.is_empty() {
                    return err(ExcKind::ValueError, "Empty attribute in format string");
                }
                let key = match decimal_index(key_text)? {
                    Some(i) => Value::program(Data::Int(i as i64)),
                    None => Value::program(Data::str(key_text)),
                };
                value = self.get_item(&value, &key, &text)?;
                rest = &after[end + 1..];
            } else {
                return err(
                    ExcKind::ValueError,
                    "Only '.' or '[' may follow ']' in format field specifier",
                );
            }
        }
        Ok(value)
    }
}

/// One replacement field: `name!conversion:spec`.
struct Field<'t> {
    name: &'t str,
    conversion: Option<char>,
    spec: &'t str,
    /// The spec holds fields of its own (`{:{width}}`).
    spec_has_fields: bool,
}

/// Parses a field after its `{`; returns it and the text after its `}`.
fn parse_field(text: &str) -> Eval<(Field<'_>, &str)> {
    let mut chars = text.char_indices();
    let mut stop = None;
    while let Some((i, c)) = chars.next() {
        match c {
            '{' => return err(ExcKind::ValueError, "unexpected '{' in field name"),
            // A `[key]` may hold any character up to its `]`.
            '[' => {
                for (_, c) in chars.by_ref() {
                    if c == ']' {
                        break;
                    }
                }
            }
            '}' | ':' | '!' => {
                stop = Some((i, c));
                break;
            }
            _ => {}
        }
    }
    let Some((name_end, c)) = stop else {
        return err(ExcKind::ValueError, "expected '}' before end of string");
    };
    let name = &text[..name_end];
    let mut field = Field {
        name,
        conversion: None,
        spec: "",
        spec_has_fields: false,
    };
    let mut at = name_end + 1;
    if c == '}' {
        return Ok((field, &text[at..]));
    }
    if c == '!' {
        let Some(conversion) = text[at..].chars().next() else {
            return err(
                ExcKind::ValueError,
                "end of string while looking for conversion specifier",
            );
        };
        field.conversion = Some(conversion);
        at += conversion.len_utf8();
        match text[at..].chars().next() {
            Some('}') => return Ok((field, &text[at + 1..])),
            Some(':') => at += 1,
            Some(_) => {
                return err(
                    ExcKind::ValueError,
                    "expected ':' after conversion specifier",
                )
            }
            None => {}
        }
    }
    // The spec runs to the `}` that balances the field's `{`.
    let mut depth = 1;
    for (i, c) in text[at..].char_indices() {
        match c {
            '{' => {
                field.spec_has_fields = true;
                depth += 1;
            }
            '}' => {
                depth -= 1;
                if depth == 0 {
                    field.spec = &text[at..at + i];
                    return Ok((field, &text[at + i + 1..]));
                }
            }
            _ => {}
        }
    }
    err(ExcKind::ValueError, "unmatched '{' in format spec")
}

/// A field name or key made only of decimal digits is an index.
fn decimal_index(text: &str) -> Eval<Option<usize>> {
    if text.is_empty() || !text.chars().all(|c| c.is_ascii_digit()) {
        return Ok(None);
    }
    match text.parse::<usize>() {
        Ok(i) if i <= isize::MAX as usize => Ok(Some(i)),
        _ => err(
            ExcKind::ValueError,
            "Too many decimal digits in format string",
        ),
    }
}

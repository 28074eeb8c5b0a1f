//! Calls: plan functions, builtins, methods, data models and tools.

use super::{Frame, Machine};
use crate::error::{err, exception, Eval, Fatal, Unwind};
use crate::host::{ArgValue, HostError, ToolCall};
use crate::syntax::ir::*;
use crate::value::*;
use bactrian_provenance::{Label, NodeKind, Source};
use indexmap::IndexMap;
use std::rc::Rc;
use std::sync::Arc;

/// Keyword arguments in call order.
pub type Kwargs = Vec<(Rc<str>, Value)>;

/// CPython's message for missing arguments (`format_missing`): `'a'`, `'a' and 'b'`,
/// `'a', 'b', and 'c'`.
fn missing_message(function: &str, kind: &str, quoted: &[String]) -> String {
    let list = match quoted {
        [only] => only.clone(),
        [first, second] => format!("{first} and {second}"),
        [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
        [] => String::new(),
    };
    let plural = if quoted.len() == 1 { "" } else { "s" };
    format!(
        "{function}() missing {} required {kind} argument{plural}: {list}",
        quoted.len()
    )
}

/// CPython's message for a call with more positional arguments than parameters.
fn too_many_positional(
    name: &str,
    params: usize,
    defaults: usize,
    given: usize,
    kwonly_given: usize,
) -> String {
    let takes = if defaults > 0 {
        format!("from {} to {params}", params - defaults.min(params))
    } else {
        params.to_string()
    };
    let plural = if defaults == 0 && params == 1 {
        ""
    } else {
        "s"
    };
    let kwonly = if kwonly_given > 0 {
        format!(
            " positional argument{} (and {kwonly_given} keyword-only argument{})",
            if given == 1 { "" } else { "s" },
            if kwonly_given == 1 { "" } else { "s" }
        )
    } else {
        String::new()
    };
    let verb = if given == 1 && kwonly_given == 0 {
        "was"
    } else {
        "were"
    };
    format!("{name}() takes {takes} positional argument{plural} but {given}{kwonly} {verb} given")
}

/// How CPython names a callee in an argument error.
pub fn callee_name(f: &Value) -> String {
    match &f.data {
        Data::Function(func) => format!("__main__.{}", func.code.qualname),
        Data::Builtin(b) => b.name().to_string(),
        Data::Type(t) => t.name().to_string(),
        Data::Method(m) => format!("{}.{}", m.receiver.data.type_name(), m.name),
        Data::Model(m) => m.class.name.to_string(),
        Data::ExcClass(c) => c.name.to_string(),
        Data::Tool(name) => name.to_string(),
        other => other.type_name(),
    }
}

impl Machine<'_> {
    /// Evaluates a call's arguments; `callee` names the callee for CPython's message about a
    /// keyword given twice (`f(x=1, **{"x": 2})`).
    pub fn call_args(
        &mut self,
        args: &[Elt],
        kwargs: &[Kwarg],
        frame: &mut Frame,
        callee: &dyn Fn() -> String,
    ) -> Eval<(Vec<Value>, Kwargs)> {
        let mut pos = Vec::with_capacity(args.len());
        let kw = self.call_args_into(&mut pos, args, kwargs, frame, callee)?;
        Ok((pos, kw))
    }

    /// `call_args`, with the positional arguments pushed onto `pos` (a vector reused from
    /// call to call).
    pub fn call_args_into(
        &mut self,
        pos: &mut Vec<Value>,
        args: &[Elt],
        kwargs: &[Kwarg],
        frame: &mut Frame,
        callee: &dyn Fn() -> String,
    ) -> Eval<Kwargs> {
        pos.reserve(args.len());
        let mut spread = Label::PROGRAM;
        for a in args {
            let v = self.operand(&a.expr, frame)?;
            if a.starred {
                // How many arguments there are (so whether the call binds) is decided here.
                self.note_operands(&[&v]);
                if !v.data.is_iterable() {
                    // CPython names the callee when `*x` is the call's only positional
                    // argument; otherwise the list it builds first says "Value".
                    let what = if args.len() == 1 {
                        format!("{}() argument", callee())
                    } else {
                        "Value".to_string()
                    };
                    let message = format!(
                        "{what} after * must be an iterable, not {}",
                        v.data.type_name()
                    );
                    let error = self.type_error(message, &[&v]);
                    return Err(self.failed_on(error, &[&v]));
                }
                let shape = self.shape_label(&v);
                let items = self
                    .collect_items(&v)
                    .map_err(|u| self.failed_on(u, &[&v]))?;
                // Pulling the items (a lazy iterator) decided how many there were.
                let pulled = self.shape_label(&v);
                let shape = self.labels.join(shape, pulled);
                spread = self.labels.join(spread, shape);
                for mut item in items {
                    item.label = self.labels.join(item.label, shape);
                    pos.push(item);
                }
            } else {
                pos.push(v);
            }
        }
        let mut kw: Kwargs = Vec::with_capacity(kwargs.len());
        for k in kwargs {
            let v = self.expr(&k.value, frame)?;
            match &k.name {
                Some(name) => {
                    if kw.iter().any(|(n, _)| n == name) {
                        return err(
                            ExcKind::TypeError,
                            format!("keyword argument repeated: {name}"),
                        );
                    }
                    kw.push((name.clone(), v));
                }
                None => {
                    self.note_operands(&[&v]);
                    let Data::Dict(d) = &v.data else {
                        let shape = self.shape_label(&v);
                        return Err(self.type_error(
                            format!(
                                "{}() argument after ** must be a mapping, not {}",
                                callee(),
                                v.data.type_name()
                            ),
                            &[&v, &Value::with(Data::None, shape, NO_NODE)],
                        ));
                    };
                    let shape = self.shape_label(&v);
                    spread = self.labels.join(spread, shape);
                    let pairs: Vec<(Value, Value)> = d.borrow().map.values().cloned().collect();
                    for (key, mut value) in pairs {
                        let Data::Str(name) = &key.data else {
                            return err(ExcKind::TypeError, "keywords must be strings");
                        };
                        if kw.iter().any(|(n, _)| **n == **name) {
                            return err(
                                ExcKind::TypeError,
                                format!(
                                    "{}() got multiple values for keyword argument '{name}'",
                                    callee()
                                ),
                            );
                        }
                        value.label = self.labels.join(value.label, shape);
                        kw.push((Rc::from(name), value));
                    }
                }
            }
        }
        // Set last: the calls nested in the arguments have set it already.
        self.call_spread = spread;
        Ok(kw)
    }

    /// Calls any callable value.
    pub fn call_value(
        &mut self,
        f: &Value,
        args: Vec<Value>,
        kwargs: Kwargs,
        text: &Arc<str>,
    ) -> Eval<Value> {
        self.tick()?;
        match &f.data {
            Data::Function(func) => self.call_function(func, args, kwargs),
            Data::Builtin(b) => self.call_builtin(*b, args, kwargs, text),
            Data::Type(t) => self.construct(*t, args, kwargs, text),
            Data::Method(m) => {
                // `str.lower` used as a function goes through its type, as `str.lower(x)`
                // does: the first argument must be a str, and `dict.fromkeys` is a class
                // method.
                let m = m.clone();
                self.call_method(&m.receiver, &m.name, &args, kwargs, text)
            }
            Data::Model(model) => self.instantiate(model, args, kwargs),
            Data::ExcClass(class) => {
                if !kwargs.is_empty() {
                    return err(
                        ExcKind::TypeError,
                        format!("{}() takes no keyword arguments", class.name),
                    );
                }
                Ok(self.new_exception(ExcObj {
                    kind: class.builtin_kind(),
                    class: Some(class.clone()),
                    args,
                }))
            }
            Data::Tool(name) => self.call_tool(name, args, kwargs),
            other => Err(self.type_error(
                format!("'{}' object is not callable", other.type_name()),
                &[f],
            )),
        }
    }

    pub fn make_function(
        &mut self,
        code: &Rc<FunctionCode>,
        defaults: &[Expr],
        frame: &mut Frame,
    ) -> Eval<Value> {
        let mut values = Vec::with_capacity(defaults.len());
        for d in defaults {
            values.push(self.expr(d, frame)?);
        }
        let closure = code
            .captures
            .iter()
            .map(|c| match c {
                // The compiler made every cell a capture names.
                Capture::ParentCell(i) => frame.cells.get(*i as usize).cloned(),
                Capture::ParentFree(i) => frame.closure.get(*i as usize).cloned(),
            })
            .map(|c| c.unwrap_or_else(crate::cycles::new_cell))
            .collect();
        Ok(Value::program(Data::Function(Rc::new(Function {
            code: code.clone(),
            defaults: values,
            closure,
        }))))
    }

    /// Calls a plan function: binds arguments as Python does, runs the body in a new frame.
    pub fn call_function(
        &mut self,
        func: &Rc<Function>,
        args: Vec<Value>,
        kwargs: Kwargs,
    ) -> Eval<Value> {
        let code = &func.code;
        if self.depth >= self.limits.max_recursion {
            return err(ExcKind::RecursionError, "maximum recursion depth exceeded");
        }
        let mut frame = self.function_frame(func);
        if let Err(e) = self.bind_arguments(func, args, kwargs, &mut frame) {
            self.recycle_frame(frame);
            return Err(e);
        }
        self.run_function(code, frame)
    }

    /// Whether a call of `code` with `n` positional arguments and no keywords binds them
    /// one to one, the missing ones from defaults, with nothing else to check.
    #[inline]
    pub(crate) fn binds_plainly(code: &FunctionCode, n: usize) -> bool {
        code.vararg.is_none()
            && code.kwonly.is_empty()
            && code.kwarg.is_none()
            && n <= code.params.len()
            && n + code.n_defaults >= code.params.len()
    }

    /// `f(a, b)` of a plan function `f` (an unlabeled reference) with plain positional
    /// arguments that `binds_plainly`: each argument is evaluated straight into the callee's
    /// frame. The same steps in the same order as `call_args`, `call_value` and
    /// `call_function` (arguments left to right, then the step, the recursion check and
    /// the binding, which cannot fail here).
    pub(crate) fn call_plain(
        &mut self,
        func: &Rc<Function>,
        args: &[Elt],
        frame: &mut Frame,
        pos: Pos,
    ) -> Eval<Value> {
        let code = &func.code;
        let mut callee = self.function_frame(func);
        for (p, a) in code.params.iter().zip(args) {
            match self.operand(&a.expr, frame) {
                Ok(v) => self.store_raw(p.var, v, &mut callee),
                Err(e) => {
                    self.recycle_frame(callee);
                    return Err(e);
                }
            }
        }
        self.pos = pos;
        let ready = self.tick().and_then(|()| {
            if self.depth >= self.limits.max_recursion {
                return err(ExcKind::RecursionError, "maximum recursion depth exceeded");
            }
            Ok(())
        });
        if let Err(e) = ready {
            self.recycle_frame(callee);
            return Err(e);
        }
        if args.len() < code.params.len() {
            self.bind_defaults(func, args.len(), &mut callee);
        }
        self.run_function(code, callee)
    }

    /// Fills the parameters from `given` on with their defaults.
    fn bind_defaults(&mut self, func: &Function, given: usize, frame: &mut Frame) {
        let code = &func.code;
        let first_default = code.params.len() - code.n_defaults;
        for (i, p) in code.params.iter().enumerate().skip(given) {
            let default = i
                .checked_sub(first_default)
                .and_then(|d| func.defaults.get(d));
            let v = default.cloned().unwrap_or_else(Value::none);
            self.store_raw(p.var, v, frame);
        }
    }

    /// A fresh frame for a call of `func`, its locals' storage reused from an earlier call.
    fn function_frame(&mut self, func: &Function) -> Frame {
        let code = &func.code;
        // A pooled vector comes back with every slot empty (`recycle_frame`): only its
        // length may need changing.
        let mut locals = self.frame_pool.pop().unwrap_or_default();
        if locals.len() != code.locals as usize {
            locals.resize(code.locals as usize, None);
        }
        // Most functions have no cells and capture nothing: no vectors to make or free.
        Frame {
            locals,
            cells: if code.cells == 0 {
                Vec::new()
            } else {
                (0..code.cells).map(|_| crate::cycles::new_cell()).collect()
            },
            closure: if func.closure.is_empty() {
                Vec::new()
            } else {
                func.closure.clone()
            },
            function: code.name.clone(),
        }
    }

    /// Gives a finished frame's storage back for the next call.
    fn recycle_frame(&mut self, frame: Frame) {
        let Frame {
            mut locals,
            cells,
            closure,
            function,
        } = frame;
        if self.frame_pool.len() < 64 {
            // Emptied in place, so that the next frame of the same size writes nothing.
            for slot in locals.iter_mut() {
                if let Some(v) = slot.take() {
                    v.discard();
                }
            }
            self.frame_pool.push(locals);
        }
        drop(function);
        // Vectors that never allocated (no cells, no closure: most functions) hold nothing
        // to free, so their out-of-line destructor is not called.
        if cells.capacity() == 0 && closure.capacity() == 0 {
            std::mem::forget((cells, closure));
        }
    }

    /// Runs a function's body in its bound frame.
    fn run_function(&mut self, code: &FunctionCode, mut frame: Frame) -> Eval<Value> {
        if self.stack_exhausted() {
            self.recycle_frame(frame);
            return err(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded: the calls nest too deeply inside long expressions",
            );
        }
        self.depth += 1;
        let saved = self.ctx;
        let result = match &code.body {
            FunctionBody::Block(body) => match self.block(body, &mut frame) {
                Ok(()) => Ok(self.under_context(Value::none())),
                Err(Unwind::Return) => Ok(std::mem::replace(&mut self.returned, Value::none())),
                Err(e) => Err(e),
            },
            FunctionBody::Lambda(e) => self.expr(e, &mut frame),
        };
        let baseline = self.labels.join(saved.label, self.try_pc);
        if self.ctx != saved && self.ctx.label != baseline {
            // The body left early under a condition (or raised under one): what the rest of
            // it would have changed depends on that condition.
            let ctx = self.ctx;
            self.apply_effects(&code.effects, ctx, &mut frame);
        }
        self.restore(saved);
        self.depth -= 1;
        self.recycle_frame(frame);
        result
    }

    fn bind_arguments(
        &mut self,
        func: &Function,
        args: Vec<Value>,
        kwargs: Kwargs,
        frame: &mut Frame,
    ) -> Eval<()> {
        let code = &func.code;
        if kwargs.is_empty() && Self::binds_plainly(code, args.len()) {
            let given = args.len();
            for (p, v) in code.params.iter().zip(args) {
                self.store_raw(p.var, v, frame);
            }
            self.bind_defaults(func, given, frame);
            return Ok(());
        }
        let name = &code.qualname;
        let n_params = code.params.len();
        let mut bound: Vec<Option<Value>> = vec![None; n_params];
        let mut extra = Vec::new();
        for (i, a) in args.into_iter().enumerate() {
            match bound.get_mut(i) {
                Some(slot) => *slot = Some(a),
                None => extra.push(a),
            }
        }
        if !extra.is_empty() && code.vararg.is_none() {
            let given = n_params + extra.len();
            let kwonly_given = kwargs
                .iter()
                .filter(|(k, _)| code.kwonly.iter().any(|p| p.name == *k))
                .count();
            return err(
                ExcKind::TypeError,
                too_many_positional(name, n_params, code.n_defaults, given, kwonly_given),
            );
        }
        let mut kwonly: Vec<Option<Value>> = vec![None; code.kwonly.len()];
        let mut extra_kw: Vec<(Rc<str>, Value)> = Vec::new();
        for (k, v) in kwargs {
            if let Some(i) = code.params.iter().position(|p| p.name == k) {
                if i < code.posonly {
                    extra_kw.push((k, v));
                    continue;
                }
                let Some(slot) = bound.get_mut(i) else {
                    continue;
                };
                if slot.is_some() {
                    return err(
                        ExcKind::TypeError,
                        format!("{name}() got multiple values for argument '{k}'"),
                    );
                }
                *slot = Some(v);
            } else if let Some(slot) = code
                .kwonly
                .iter()
                .position(|p| p.name == k)
                .and_then(|i| kwonly.get_mut(i))
            {
                *slot = Some(v);
            } else if code.kwarg.is_some() {
                extra_kw.push((k, v));
            } else {
                return err(
                    ExcKind::TypeError,
                    format!("{name}() got an unexpected keyword argument '{k}'"),
                );
            }
        }
        let first_default = n_params - code.n_defaults;
        let mut missing = Vec::new();
        for (i, (slot, param)) in bound.iter_mut().zip(&code.params).enumerate() {
            if slot.is_none() {
                match i
                    .checked_sub(first_default)
                    .and_then(|d| func.defaults.get(d))
                {
                    Some(default) => *slot = Some(default.clone()),
                    None => missing.push(format!("'{}'", param.name)),
                }
            }
        }
        if !missing.is_empty() {
            return err(
                ExcKind::TypeError,
                missing_message(name, "positional", &missing),
            );
        }
        let mut default_idx = code.n_defaults;
        let kwonly_params = code.kwonly.iter().zip(&code.kwonly_defaults);
        for (slot, (param, &has_default)) in kwonly.iter_mut().zip(kwonly_params) {
            if slot.is_none() {
                match func.defaults.get(default_idx).filter(|_| has_default) {
                    Some(default) => *slot = Some(default.clone()),
                    None => missing.push(format!("'{}'", param.name)),
                }
            }
            if has_default {
                default_idx += 1;
            }
        }
        if !missing.is_empty() {
            return err(
                ExcKind::TypeError,
                missing_message(name, "keyword-only", &missing),
            );
        }
        for (p, v) in code.params.iter().zip(bound) {
            if let Some(v) = v {
                self.store_raw(p.var, v, frame);
            }
        }
        for (p, v) in code.kwonly.iter().zip(kwonly) {
            if let Some(v) = v {
                self.store_raw(p.var, v, frame);
            }
        }
        if let Some(p) = &code.vararg {
            let t = self.new_tuple(extra, Label::PROGRAM, NO_NODE);
            self.store_raw(p.var, t, frame);
        }
        if let Some(p) = &code.kwarg {
            let pairs = extra_kw
                .into_iter()
                .map(|(k, v)| (Value::program(Data::Str(PyStr::from(&k))), v))
                .collect();
            let d = self.dict_from_pairs(pairs)?;
            self.store_raw(p.var, d, frame);
        } else if let Some((k, _)) = extra_kw.first() {
            return err(
                ExcKind::TypeError,
                format!("{name}() got some positional-only arguments passed as keyword arguments: '{k}'"),
            );
        }
        Ok(())
    }

    // ---- data models ----

    fn instantiate(
        &mut self,
        model: &Rc<ModelType>,
        args: Vec<Value>,
        kwargs: Kwargs,
    ) -> Eval<Value> {
        let class = &model.class;
        if !args.is_empty() {
            return err(
                ExcKind::TypeError,
                format!(
                    "{}() takes no positional arguments; pass fields by keyword",
                    class.name
                ),
            );
        }
        let mut fields = IndexMap::new();
        let mut kwargs = kwargs;
        for (i, f) in class.fields.iter().enumerate() {
            let given = kwargs
                .iter()
                .position(|(k, _)| *k == f.name)
                .map(|p| kwargs.remove(p).1);
            let v = match (given, model.defaults.get(i).and_then(Option::as_ref)) {
                (Some(v), _) => self.validate_field(&f.ty, v, &f.name)?,
                (None, Some(d)) => d.clone(),
                (None, None) => {
                    return err(
                        ExcKind::ValidationError,
                        format!(
                            "1 validation error for {}\n{}\n  Field required",
                            class.name, f.name
                        ),
                    )
                }
            };
            fields.insert(f.name.clone(), v);
        }
        if let Some((k, _)) = kwargs.first() {
            return err(
                ExcKind::ValidationError,
                format!(
                    "1 validation error for {}\n{k}\n  Extra inputs are not permitted",
                    class.name
                ),
            );
        }
        let ctx = if self.strict {
            self.ctx
        } else {
            super::Context::NONE
        };
        Ok(Value::program(Data::Instance(
            crate::cycles::Tracked::track(Instance {
                class: model.clone(),
                fields,
                shape: ctx.label,
                shape_node: ctx.node,
            }),
        )))
    }

    /// Checks (and where pydantic would, converts) a value against a field type.
    pub fn validate_field(&mut self, ty: &FieldType, v: Value, name: &str) -> Eval<Value> {
        let ok = match (ty, &v.data) {
            (FieldType::Any, _) => true,
            (FieldType::Str, Data::Str(_)) => true,
            (FieldType::Int, Data::Int(_) | Data::BigInt(_)) => true,
            (FieldType::Int, Data::Bool(b)) => {
                let b = *b;
                return Ok(Value {
                    data: Data::Int(b as i64),
                    ..v
                });
            }
            (FieldType::Int, Data::Float(f)) if f.fract() == 0.0 && f.is_finite() => {
                let f = *f;
                return Ok(Value {
                    data: Data::Int(f as i64),
                    ..v
                });
            }
            (FieldType::Float, Data::Float(_)) => true,
            (FieldType::Float, Data::Int(i)) => {
                let i = *i;
                return Ok(Value {
                    data: Data::Float(i as f64),
                    ..v
                });
            }
            (FieldType::Bool, Data::Bool(_)) => true,
            (FieldType::NoneType, Data::None) => true,
            (FieldType::Optional(_), Data::None) => true,
            (FieldType::Optional(inner), _) => return self.validate_field(inner, v, name),
            (FieldType::List(item), Data::List(l)) => {
                let items = l.borrow().items.to_vec();
                let mut checked = Vec::with_capacity(items.len());
                for it in items {
                    checked.push(self.validate_field(item, it, name)?);
                }
                l.borrow_mut().items = ListItems::from_values(checked);
                true
            }
            (FieldType::Dict(_, _), Data::Dict(_)) => true,
            (FieldType::Model(m), Data::Instance(i)) => *i.borrow().class.class.name == **m,
            _ => false,
        };
        if ok {
            Ok(v)
        } else {
            let label = self.full_label(&v);
            Err(exception(
                ExcKind::ValidationError,
                format!(
                    "1 validation error\n{name}\n  Input should be a valid {}, got {}",
                    field_type_name(ty),
                    v.data.type_name()
                ),
                label,
            ))
        }
    }

    // ---- tools ----

    /// Hands a tool call to the host. Arguments keep their labels (joined with the context:
    /// in strict mode even the fact that the call happens depends on the conditions around it).
    fn call_tool(&mut self, name: &str, args: Vec<Value>, kwargs: Kwargs) -> Eval<Value> {
        self.tool_calls += 1;
        let id = format!("c{}", self.tool_calls);
        // Inside a `try`, whether this call is reached at all depends on what the body has
        // computed so far (any of it could have raised).
        let reached = if self.strict {
            let acc = self.try_labels.to_vec();
            self.labels.join_all(acc)
        } else {
            Label::PROGRAM
        };
        let mut exported = Vec::with_capacity(args.len());
        for a in &args {
            let mut a = self.under_context(a.clone());
            a.label = self.labels.join(a.label, reached);
            exported.push(self.export(&a, 0)?);
        }
        let mut exported_kw = Vec::with_capacity(kwargs.len());
        for (k, v) in &kwargs {
            let mut v = self.under_context(v.clone());
            v.label = self.labels.join(v.label, reached);
            exported_kw.push((k.to_string(), self.export(&v, 0)?));
        }
        // Inside a `try`, whether the call fails is the tool's (or the quarantined model's)
        // to decide: the rest of the body runs under its label.
        if !self.try_labels.is_empty() {
            let source = if name == crate::host::QUARANTINED_LLM {
                Source::QuarantinedLlm { call: id.clone() }
            } else {
                Source::tool(name.to_string(), id.clone())
            };
            let could_fail = self
                .labels
                .intern([source].into(), bactrian_provenance::Readers::Public);
            self.note_in_try(could_fail);
        }
        self.report_progress();
        let context = if self.strict {
            let ctx = self.ctx.label;
            self.labels.join(ctx, reached)
        } else {
            Label::PROGRAM
        };
        let call = ToolCall {
            context: self.labels.get(context).clone(),
            id: id.clone(),
            index: self.tool_calls,
            tool: name.to_string(),
            args: exported,
            kwargs: exported_kw,
            line: self.pos.line,
        };
        let output = match self.host.call(&call) {
            Ok(o) => o,
            Err(HostError::Denied { reason }) => {
                return Err(Unwind::Fatal(Box::new(Fatal::PolicyViolation {
                    tool: name.to_string(),
                    call: id,
                    reason,
                })))
            }
            Err(HostError::Stopped(reason)) => {
                return Err(Unwind::Fatal(Box::new(Fatal::Stopped {
                    tool: name.to_string(),
                    reason,
                })))
            }
            Err(HostError::ToolFailed(message)) => {
                // The failure may reflect the tool's input: label it like the call.
                let mut label = Label::PROGRAM;
                for a in args.iter().chain(kwargs.iter().map(|(_, v)| v)) {
                    let l = self.full_label(a);
                    label = self.labels.join(label, l);
                }
                let tool_label = self.labels.intern(
                    [Source::tool(name.to_string(), id)].into(),
                    bactrian_provenance::Readers::Public,
                );
                label = self.labels.join(label, tool_label);
                return Err(exception(
                    ExcKind::ToolError,
                    format!("{name}: {message}"),
                    label,
                ));
            }
            Err(HostError::BadCall(message)) => return err(ExcKind::TypeError, message),
        };
        self.check_time()?;
        if name == crate::host::QUARANTINED_LLM {
            return self.quarantined_answer(&id, &args, &kwargs, output.value);
        }
        let base = self
            .labels
            .intern(output.sources.clone(), output.readers.clone());
        let node = self.graph.add(
            NodeKind::Source(
                output
                    .sources
                    .iter()
                    .next()
                    .cloned()
                    .unwrap_or(Source::System),
            ),
            self.pos.line,
            &[],
            &[],
        );
        let mut value = self.import(&output.value, base, node, 0)?;
        for part in &output.parts {
            self.relabel_part(&mut value, &part.path, part, &output.sources)?;
        }
        Ok(value)
    }

    /// Turns a value into what the host sees: JSON with labels on every part.
    pub fn export(&mut self, v: &Value, depth: u32) -> Eval<ArgValue> {
        if depth > 64 {
            return err(
                ExcKind::ValueError,
                "value nests too deeply to pass to a tool",
            );
        }
        let full = self.full_label(v);
        let label = self.labels.get(full).clone();
        let lineage = if v.node == NO_NODE {
            String::new()
        } else {
            self.graph.explain(v.node)
        };
        let shape = self.shape_label(v);
        let mut items = Vec::new();
        let mut fields = Vec::new();
        let value = match &v.data {
            Data::None => serde_json::Value::Null,
            Data::Bool(b) => serde_json::Value::Bool(*b),
            Data::Int(i) => serde_json::Value::from(*i),
            Data::BigInt(b) => serde_json::Value::String(b.to_string()),
            Data::Float(f) => serde_json::Number::from_f64(*f)
                .map(serde_json::Value::Number)
                .unwrap_or(serde_json::Value::Null),
            Data::Str(s) => serde_json::Value::String(s.to_string()),
            Data::List(_) | Data::Tuple(_) | Data::Set(_) | Data::Iterator(_) => {
                let raw = match &v.data {
                    Data::List(l) => l.borrow().items.to_vec(),
                    Data::Tuple(t) => t.items.clone(),
                    Data::Set(s) => s.borrow().values_in_order(),
                    Data::Iterator(i) => match self.view_items(i) {
                        Some(items) => items,
                        None => i.borrow().items.clone(),
                    },
                    _ => Vec::new(),
                };
                let mut out = Vec::with_capacity(raw.len());
                for mut item in raw {
                    item.label = self.labels.join(item.label, shape);
                    let a = self.export(&item, depth + 1)?;
                    out.push(a.value.clone());
                    items.push(a);
                }
                serde_json::Value::Array(out)
            }
            Data::Dict(d) => {
                let pairs: Vec<(Value, Value)> = d.borrow().map.values().cloned().collect();
                let mut out = serde_json::Map::new();
                for (k, mut val) in pairs {
                    let key = match &k.data {
                        Data::Str(s) => s.to_string(),
                        _ => self.repr(&k)?,
                    };
                    val.label = self.labels.join(val.label, shape);
                    val.label = self.labels.join(val.label, k.label);
                    let a = self.export(&val, depth + 1)?;
                    out.insert(key.clone(), a.value.clone());
                    fields.push((key, a));
                }
                serde_json::Value::Object(out)
            }
            Data::Instance(i) => {
                let pairs: Vec<(Rc<str>, Value)> = i
                    .borrow()
                    .fields
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                let mut out = serde_json::Map::new();
                for (k, mut val) in pairs {
                    val.label = self.labels.join(val.label, shape);
                    let a = self.export(&val, depth + 1)?;
                    out.insert(k.to_string(), a.value.clone());
                    fields.push((k.to_string(), a));
                }
                serde_json::Value::Object(out)
            }
            Data::Model(_) | Data::Type(_) => self.json_schema(&v.data, 0)?,
            other => {
                return err(
                    ExcKind::TypeError,
                    format!("a '{}' cannot be passed to a tool", other.type_name()),
                )
            }
        };
        Ok(ArgValue {
            value,
            label,
            node: v.node,
            lineage,
            items,
            fields,
        })
    }

    /// Turns a tool's JSON result into labeled values: every part gets the result's label.
    pub fn import(
        &mut self,
        json: &serde_json::Value,
        label: Label,
        node: u32,
        depth: u32,
    ) -> Eval<Value> {
        if depth > 64 {
            return err(ExcKind::ValueError, "tool result nests too deeply");
        }
        let data = match json {
            serde_json::Value::Null => Data::None,
            serde_json::Value::Bool(b) => Data::Bool(*b),
            serde_json::Value::Number(n) => {
                if let Some(i) = n.as_i64() {
                    Data::Int(i)
                } else if let Some(u) = n.as_u64() {
                    crate::ops::int_data(u.into())
                } else {
                    Data::Float(n.as_f64().unwrap_or(f64::NAN))
                }
            }
            serde_json::Value::String(s) => {
                self.check_str_len(s.len())?;
                Data::Str(PyStr::from(s.as_str()))
            }
            serde_json::Value::Array(items) => {
                self.check_len(items.len())?;
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    out.push(self.import(item, label, node, depth + 1)?);
                }
                return Ok(Value::with(
                    Data::List(crate::cycles::Tracked::track(ListObj {
                        fixed: out.len(),
                        items: ListItems::from_values(out),
                        shape: label,
                        shape_node: node,
                        fixed_label: label,
                    })),
                    Label::PROGRAM,
                    node,
                ));
            }
            serde_json::Value::Object(map) => {
                self.check_len(map.len())?;
                let mut out = crate::dictmap::DictMap::with_capacity(map.len());
                for (k, v) in map {
                    let text = PyStr::from(k.as_str());
                    let key = Value::with(Data::Str(text.clone()), label, node);
                    let value = self.import(v, label, node, depth + 1)?;
                    out.insert(&HashKey::Str(text), (key, value));
                }
                return Ok(Value::with(
                    Data::Dict(crate::cycles::Tracked::track(DictObj {
                        map: out,
                        shape: label,
                        shape_node: node,
                    })),
                    Label::PROGRAM,
                    node,
                ));
            }
        };
        Ok(Value::with(data, label, node))
    }

    fn relabel_part(
        &mut self,
        root: &mut Value,
        path: &[String],
        part: &crate::host::PartLabel,
        sources: &std::collections::BTreeSet<Source>,
    ) -> Eval<()> {
        let Some((first, rest)) = path.split_first() else {
            // Rewrite this value's own label from the part's description.
            let new_sources = sources
                .iter()
                .map(|s| match s {
                    Source::Tool { name, call, .. } => Source::Tool {
                        name: name.clone(),
                        call: call.clone(),
                        inner: part.inner.clone(),
                        trusted: part.trusted,
                    },
                    other => other.clone(),
                })
                .collect();
            let readers = part
                .readers
                .clone()
                .unwrap_or_else(|| self.labels.get(root.label).readers.clone());
            root.label = self.labels.intern(new_sources, readers);
            return Ok(());
        };
        match &root.data {
            Data::Dict(d) => {
                let key = HashKey::Str(PyStr::from(first.as_str()));
                let mut entry = d.borrow().map.get(&key).cloned();
                if let Some((k, v)) = entry.as_mut() {
                    self.relabel_part(v, rest, part, sources)?;
                    // The host vouches for the part at this path, so for the keys that lead
                    // to it too: reading `note["body"]` depends on the part, not on the
                    // other keys the tool chose.
                    k.label = v.label;
                    d.borrow_mut().map.insert(&key, (k.clone(), v.clone()));
                }
            }
            Data::List(l) => {
                if let Ok(i) = first.parse::<usize>() {
                    let mut item = l.borrow().items.get(i);
                    if let Some(v) = item.as_mut() {
                        self.relabel_part(v, rest, part, sources)?;
                        l.borrow_mut().items.set(i, v.clone());
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }
}

impl Machine<'_> {
    /// The JSON Schema of a data model or builtin type, as a tool (the quarantined model)
    /// receives it.
    pub fn json_schema(&mut self, data: &Data, depth: u32) -> Eval<serde_json::Value> {
        if depth > 16 {
            return err(ExcKind::ValueError, "data models nest too deeply");
        }
        Ok(match data {
            Data::Type(t) => match t {
                TypeKind::Str => serde_json::json!({"type": "string"}),
                TypeKind::Int => serde_json::json!({"type": "integer"}),
                TypeKind::Float => serde_json::json!({"type": "number"}),
                TypeKind::Bool => serde_json::json!({"type": "boolean"}),
                TypeKind::List => serde_json::json!({"type": "array"}),
                TypeKind::Dict => serde_json::json!({"type": "object"}),
                other => {
                    return err(
                        ExcKind::TypeError,
                        format!("'{}' cannot describe an answer", other.name()),
                    )
                }
            },
            Data::Model(m) => {
                let mut properties = serde_json::Map::new();
                let mut required = Vec::new();
                for (f, default) in m.class.fields.iter().zip(&m.defaults) {
                    properties.insert(f.name.to_string(), self.field_schema(&f.ty, depth)?);
                    if default.is_none() {
                        required.push(f.name.to_string());
                    }
                }
                serde_json::json!({
                    "title": m.class.name.to_string(),
                    "type": "object",
                    "properties": properties,
                    "required": required,
                    "additionalProperties": false,
                })
            }
            other => {
                return err(
                    ExcKind::TypeError,
                    format!(
                        "output_schema must be a data model or a type, not {}",
                        other.type_name()
                    ),
                )
            }
        })
    }

    fn field_schema(&mut self, ty: &FieldType, depth: u32) -> Eval<serde_json::Value> {
        use serde_json::json;
        Ok(match ty {
            FieldType::Any => json!({}),
            FieldType::Str => json!({"type": "string"}),
            FieldType::Int => json!({"type": "integer"}),
            FieldType::Float => json!({"type": "number"}),
            FieldType::Bool => json!({"type": "boolean"}),
            FieldType::NoneType => json!({"type": "null"}),
            FieldType::List(item) => {
                json!({"type": "array", "items": self.field_schema(item, depth)?})
            }
            FieldType::Dict(_, v) => {
                json!({"type": "object", "additionalProperties": self.field_schema(v, depth)?})
            }
            FieldType::Optional(inner) => {
                json!({"anyOf": [self.field_schema(inner, depth)?, {"type": "null"}]})
            }
            FieldType::Model(name) => match self.model_named(name) {
                Some(m) => self.json_schema(&Data::Model(m), depth + 1)?,
                None => return err(ExcKind::NameError, format!("name '{name}' is not defined")),
            },
        })
    }

    /// A data model class defined at module level.
    fn model_named(&self, name: &str) -> Option<Rc<ModelType>> {
        self.global_names
            .iter()
            .position(|n| &**n == name)
            .and_then(|i| self.globals.get(i).cloned().flatten())
            .and_then(|v| match v.data {
                Data::Model(m) => Some(m),
                _ => None,
            })
    }

    /// The quarantined model's answer: validated against the requested schema and labeled
    /// with the join of everything the model was given, plus the model itself as a source.
    fn quarantined_answer(
        &mut self,
        id: &str,
        args: &[Value],
        kwargs: &Kwargs,
        answer: serde_json::Value,
    ) -> Eval<Value> {
        let schema = kwargs
            .iter()
            .find(|(k, _)| &**k == "output_schema")
            .map(|(_, v)| v.clone())
            .or_else(|| args.get(1).cloned())
            .unwrap_or_else(|| Value::program(Data::Type(TypeKind::Str)));
        let source = self.labels.intern(
            [Source::QuarantinedLlm {
                call: id.to_string(),
            }]
            .into(),
            bactrian_provenance::Readers::Public,
        );
        let mut label = source;
        let mut deps = Vec::new();
        for v in args.iter().chain(kwargs.iter().map(|(_, v)| v)) {
            let l = self.full_label(v);
            label = self.labels.join(label, l);
            if v.node != NO_NODE {
                deps.push(v.node);
            }
        }
        let ctx = self.ctx;
        if self.strict {
            label = self.labels.join(label, ctx.label);
        }
        let node = self.graph.add(
            NodeKind::Source(Source::QuarantinedLlm {
                call: id.to_string(),
            }),
            self.pos.line,
            &deps,
            if ctx.node == NO_NODE {
                &[]
            } else {
                std::slice::from_ref(&ctx.node)
            },
        );
        let raw = self.import(&answer, label, node, 0)?;
        let ty = match &schema.data {
            Data::Model(m) => FieldType::Model(m.class.name.clone()),
            Data::Type(TypeKind::Str) => FieldType::Str,
            Data::Type(TypeKind::Int) => FieldType::Int,
            Data::Type(TypeKind::Float) => FieldType::Float,
            Data::Type(TypeKind::Bool) => FieldType::Bool,
            Data::Type(TypeKind::List) => FieldType::List(Box::new(FieldType::Any)),
            Data::Type(TypeKind::Dict) => {
                FieldType::Dict(Box::new(FieldType::Any), Box::new(FieldType::Any))
            }
            _ => FieldType::Any,
        };
        self.build_answer(&ty, raw, label, node, 0)
    }

    /// Builds plan values from a JSON answer: dicts become data-model instances where the
    /// schema says so, and every part is checked.
    fn build_answer(
        &mut self,
        ty: &FieldType,
        v: Value,
        label: Label,
        node: u32,
        depth: u32,
    ) -> Eval<Value> {
        if depth > 16 {
            return err(ExcKind::ValueError, "answer nests too deeply");
        }
        match (ty, &v.data) {
            (FieldType::Model(name), Data::Dict(d)) => {
                let Some(model) = self.model_named(name) else {
                    return err(ExcKind::NameError, format!("name '{name}' is not defined"));
                };
                let pairs: Vec<(Value, Value)> = d.borrow().map.values().cloned().collect();
                let mut kwargs: Kwargs = Vec::new();
                for (k, val) in pairs {
                    let Data::Str(key) = &k.data else { continue };
                    let field_ty = model
                        .class
                        .fields
                        .iter()
                        .find(|f| *f.name == **key)
                        .map(|f| f.ty.clone());
                    let val = match field_ty {
                        Some(t) => self.build_answer(&t, val, label, node, depth + 1)?,
                        None => val,
                    };
                    kwargs.push((Rc::from(key), val));
                }
                let inst = self
                    .instantiate(&model, Vec::new(), kwargs)
                    .map_err(|e| relabel(e, label))?;
                self.taint_shape(&inst, label, node);
                Ok(Value {
                    label,
                    node,
                    ..inst
                })
            }
            (FieldType::List(item), Data::List(l)) => {
                let items = l.borrow().items.to_vec();
                let mut out = Vec::with_capacity(items.len());
                for it in items {
                    out.push(self.build_answer(item, it, label, node, depth + 1)?);
                }
                Ok(self.new_list(out, label, node))
            }
            (FieldType::Optional(inner), _) if !matches!(v.data, Data::None) => {
                self.build_answer(inner, v, label, node, depth + 1)
            }
            _ => self
                .validate_field(ty, v, "answer")
                .map_err(|e| relabel(e, label)),
        }
    }
}

/// Gives an exception the label of the data it is about.
fn relabel(e: Unwind, label: Label) -> Unwind {
    match e {
        Unwind::Exc(mut p) => {
            p.label = label;
            Unwind::Exc(p)
        }
        other => other,
    }
}

fn field_type_name(ty: &FieldType) -> String {
    match ty {
        FieldType::Any => "value".into(),
        FieldType::Str => "string".into(),
        FieldType::Int => "integer".into(),
        FieldType::Float => "number".into(),
        FieldType::Bool => "boolean".into(),
        FieldType::NoneType => "None".into(),
        FieldType::List(_) => "list".into(),
        FieldType::Dict(_, _) => "dictionary".into(),
        FieldType::Optional(inner) => format!("{} or None", field_type_name(inner)),
        FieldType::Model(m) => m.to_string(),
    }
}

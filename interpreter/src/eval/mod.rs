//! The evaluator: walks the lowered program, keeps every value's label, enforces limits and
//! hands tool calls to the [`ToolHost`].

mod call;
pub use call::Kwargs;
mod expr;
mod flow;
mod iter;
pub use iter::callee_is_pure;
mod stmt;

use crate::builtins;
use crate::error::{exception, Eval, Unwind};
use crate::host::ToolHost;
use crate::limits::Limits;
use crate::syntax::ir::{Pos, Program, Var};
use crate::value::*;
use bactrian_provenance::{Graph, Label, LabelTable, NodeId, NodeKind, Source};
use std::rc::Rc;
use std::sync::Arc;
use std::time::Instant;

/// One activation of the module or a function.
#[derive(Debug)]
pub struct Frame {
    pub locals: Vec<Option<Value>>,
    pub cells: Vec<Cell>,
    pub closure: Vec<Cell>,
    pub function: Rc<str>,
}

impl Frame {
    pub fn new(locals: u32, cells: u32, closure: Vec<Cell>, function: Rc<str>) -> Frame {
        Frame {
            locals: vec![None; locals as usize],
            cells: (0..cells).map(|_| crate::cycles::new_cell()).collect(),
            closure,
            function,
        }
    }
}

/// The control-flow context in strict mode: the join of the conditions that decided whether
/// the current code runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Context {
    pub label: Label,
    pub node: NodeId,
}

impl Context {
    pub const NONE: Context = Context {
        label: Label::PROGRAM,
        node: NO_NODE,
    };

    pub fn is_plain(&self) -> bool {
        *self == Context::NONE
    }
}

/// The evaluator's state for one run.
pub struct Machine<'h> {
    pub labels: LabelTable,
    pub graph: Graph,
    pub globals: Vec<Option<Value>>,
    pub global_names: Vec<Rc<str>>,
    pub stdout: String,
    pub host: &'h mut dyn ToolHost,
    pub limits: Limits,
    pub strict: bool,
    pub ctx: Context,
    pub(crate) steps: u64,
    /// The step at which `tick` next looks at the budgets: past the step limit, or the next
    /// multiple of 1024 (time and memory), whichever comes first. One comparison a step.
    next_check: u64,
    pub(crate) depth: u32,
    pub(crate) allocated: u64,
    pub(crate) started: Instant,
    /// Set by the host to stop the run ([`crate::Config::cancel`]).
    pub(crate) cancel: Option<std::sync::Arc<std::sync::atomic::AtomicBool>>,
    /// What the thread held when the run began ([`crate::memory::live_bytes`]).
    pub(crate) live_base: i64,
    pub(crate) tool_calls: u32,
    /// Where the current statement is, for errors raised by builtins.
    pub(crate) pos: Pos,
    /// Exceptions being handled, innermost last (for a bare `raise`).
    pub(crate) handling: Vec<crate::error::PyErr>,
    /// Whether to keep the lines of executed statements for the host (`Config::trace`).
    pub(crate) tracing: bool,
    pub(crate) trace: Vec<u32>,
    /// Graph nodes the host has already been told about.
    pub(crate) reported_nodes: u32,
    /// One entry per `try` being run (strict mode): the join of every condition and labeled
    /// value computed in it, which decided whether (and where) it raised.
    pub(crate) try_labels: Vec<Label>,
    /// The join of `try_labels`: what every `try` around this point has computed so far.
    pub(crate) try_pc: Label,
    /// In a comprehension run by `any`/`all`: the labels of the items looked at so far.
    pub(crate) comp_carry: Label,
    /// How many iterators the run has made (none: advancing one cannot be an effect).
    pub(crate) iterators_made: u64,
    /// Reused by `full_label` for the containers it is inside of (cycle detection).
    seen_scratch: crate::value::Path,
    /// Where an f-string is written before its text is copied, at its exact size, into the
    /// string made of it: kept between f-strings, so that writing one grows no buffer.
    pub(crate) fstring_scratch: String,
    /// The value of the `return` being unwound ([`Unwind::Return`]), until its call takes it.
    pub(crate) returned: Value,
    /// Reused by `full_label` for the containers still to visit.
    todo_scratch: Vec<Data>,
    /// Storage of finished call frames' locals, reused by the next calls.
    frame_pool: Vec<Vec<Option<Value>>>,
    /// One-character ASCII strings, made on first use and shared (CPython shares them too):
    /// iterating or indexing a string makes one per character.
    ascii_chars: Vec<Option<PyStr>>,
    /// Empty vectors for the positional arguments of method calls, reused.
    pub(crate) arg_pool: Vec<Vec<Value>>,
    /// The join of the shapes of the last call's `*xs` and `**d` arguments: they decided
    /// how many arguments there were, so which parameter got which (or its default).
    pub(crate) call_spread: Label,
    /// The address of the stack where the machine was made (see `stack_exhausted`).
    stack_base: usize,
    /// How many containers deep the repr being built is (CPython counts them against its
    /// recursion limit).
    pub(crate) repr_depth: u32,
}

/// The stack of the thread that runs plans (see `lib.rs`).
pub(crate) const STACK_SIZE: usize = 512 << 20;

/// How much of it plan calls and walks of nested values may use: the rest is room for what
/// runs between two checks (one call's expression, at most `syntax::MAX_DEPTH` deep).
const STACK_BUDGET: usize = STACK_SIZE - (128 << 20);

/// The address of a local of the caller's frame, near the top of the stack.
#[inline(always)]
fn stack_here() -> usize {
    let here = 0u8;
    std::hint::black_box(std::ptr::addr_of!(here)) as usize
}

impl<'h> Machine<'h> {
    pub fn new(host: &'h mut dyn ToolHost, limits: Limits, strict: bool) -> Machine<'h> {
        let first_check = next_check_after(0, limits.max_steps);
        let mut graph = Graph::new();
        // Node 0 stands for the plan itself; values with node 0 have no other lineage.
        graph.add(NodeKind::Source(Source::Program), 0, &[], &[]);
        Machine {
            labels: LabelTable::new(),
            graph,
            globals: Vec::new(),
            global_names: Vec::new(),
            stdout: String::new(),
            host,
            limits,
            strict,
            ctx: Context::NONE,
            steps: 0,
            next_check: first_check,
            depth: 0,
            allocated: 0,
            started: Instant::now(),
            cancel: None,
            live_base: 0,
            tool_calls: 0,
            pos: Pos::default(),
            handling: Vec::new(),
            tracing: false,
            trace: Vec::new(),
            reported_nodes: 1,
            try_pc: Label::PROGRAM,
            iterators_made: 0,
            comp_carry: Label::PROGRAM,
            try_labels: Vec::new(),
            seen_scratch: crate::value::Path::default(),
            fstring_scratch: String::new(),
            returned: Value::none(),
            todo_scratch: Vec::new(),
            frame_pool: Vec::new(),
            ascii_chars: vec![None; 128],
            arg_pool: Vec::new(),
            call_spread: Label::PROGRAM,
            stack_base: stack_here(),
            repr_depth: 0,
        }
    }

    /// Whether the stack is nearly full: plan calls and walks of nested values check this,
    /// so that a deep recursion (a call inside a deep expression, 1000 times over; a value
    /// nested a million deep) ends with a RecursionError instead of overflowing the stack,
    /// which would abort the process.
    #[inline]
    pub(crate) fn stack_exhausted(&self) -> bool {
        self.stack_base.abs_diff(stack_here()) > STACK_BUDGET
    }

    /// Runs a whole program in a fresh module frame.
    pub fn run_program(&mut self, program: &Program) -> Eval<()> {
        self.globals = vec![None; program.globals.len()];
        self.global_names = program.globals.clone();
        let mut frame = Frame::new(
            program.locals,
            program.cells,
            Vec::new(),
            Rc::from("<module>"),
        );
        match self.block(&program.body, &mut frame) {
            Ok(()) => Ok(()),
            Err(Unwind::Break) | Err(Unwind::Continue) | Err(Unwind::Return) => Ok(()),
            Err(other) => Err(other),
        }
    }

    /// Tells the host what happened since it last heard (traced runs only).
    pub fn report_progress(&mut self) {
        if !self.tracing {
            return;
        }
        let end = self.graph.len() as u32;
        let new_nodes = self.reported_nodes..end;
        self.host.progress(crate::host::Progress {
            lines: &self.trace,
            graph: &self.graph,
            new_nodes,
        });
        self.trace.clear();
        self.reported_nodes = end;
    }

    // ---- limits ----

    /// Counts one step and checks the step and time budgets.
    #[inline(always)]
    pub fn tick(&mut self) -> Eval<()> {
        self.steps += 1;
        if self.steps >= self.next_check {
            return self.tick_checks();
        }
        Ok(())
    }

    /// Counts `n` steps at once, for a builtin's loop over items that can neither fail nor
    /// call back: the same budgets as `n` ticks.
    pub fn tick_many(&mut self, n: u64) -> Eval<()> {
        let before = self.steps;
        self.steps = self.steps.saturating_add(n);
        if self.steps > self.limits.max_steps {
            // Where `n` ticks would have stopped.
            self.steps = self.limits.max_steps.saturating_add(1);
            return self.budget_checks(false);
        }
        if before >> 10 != self.steps >> 10 {
            return self.budget_checks(true);
        }
        Ok(())
    }

    /// The checks of `tick` past the step limit and every 1024 steps.
    #[inline(never)]
    fn tick_checks(&mut self) -> Eval<()> {
        self.budget_checks(self.steps & 0x3ff == 0)
    }

    /// The step limit, and with `periodic` the time and memory limits.
    fn budget_checks(&mut self, periodic: bool) -> Eval<()> {
        self.next_check = next_check_after(self.steps, self.limits.max_steps);
        if self.steps > self.limits.max_steps {
            return Err(Unwind::limit(
                "steps",
                format!(
                    "step limit exceeded: the plan ran more than {} steps",
                    self.limits.max_steps
                ),
            ));
        }
        if periodic {
            self.check_time()?;
            self.check_memory(0)?;
        }
        Ok(())
    }

    /// Whether the run's thread, with `more` bytes about to be allocated, holds more than the
    /// memory limit (by the counts of [`crate::memory`]: the graph, tool results and every
    /// container's real size included).
    pub fn check_memory(&self, more: u64) -> Eval<()> {
        let live = crate::memory::live_bytes()
            .saturating_sub(self.live_base)
            .max(0) as u64;
        if live.saturating_add(more) > self.limits.max_alloc_bytes {
            return Err(Unwind::limit(
                "memory",
                format!(
                    "memory limit exceeded: the run holds more than {} bytes",
                    self.limits.max_alloc_bytes
                ),
            ));
        }
        Ok(())
    }

    pub fn check_time(&self) -> Eval<()> {
        if let Some(flag) = &self.cancel {
            if flag.load(std::sync::atomic::Ordering::Relaxed) {
                return Err(crate::error::Unwind::Fatal(Box::new(
                    crate::error::Fatal::Host {
                        message: "the run was cancelled".into(),
                    },
                )));
            }
        }
        let elapsed = self.started.elapsed();
        if elapsed > self.limits.max_time {
            return Err(Unwind::limit(
                "time",
                format!(
                    "time limit exceeded: the plan ran longer than {:.1} s",
                    self.limits.max_time.as_secs_f64()
                ),
            ));
        }
        Ok(())
    }

    /// Accounts for `bytes` newly allocated.
    #[inline(always)]
    pub fn alloc(&mut self, bytes: u64) -> Eval<()> {
        // The common case: a small allocation that crosses no MiB and stays within the
        // limit, where `alloc_checked` reads no clock and no memory count either.
        if let Some(after) = self.allocated.checked_add(bytes) {
            if bytes <= 1 << 12
                && self.allocated >> 20 == after >> 20
                && after <= self.limits.max_alloc_bytes
            {
                self.allocated = after;
                return Ok(());
            }
        }
        self.alloc_checked(bytes)
    }

    #[inline(never)]
    fn alloc_checked(&mut self, bytes: u64) -> Eval<()> {
        if bytes > 1 << 16 {
            // Large allocations take long to fill: read the clock.
            self.check_time()?;
        }
        let before = self.allocated;
        self.allocated = self.allocated.saturating_add(bytes);
        // What the thread really holds, before each large allocation and after each MiB
        // of small ones (many small items cost several times their estimate).
        if bytes > 1 << 12 || before >> 20 != self.allocated >> 20 {
            self.check_memory(bytes)?;
        }
        if self.allocated > self.limits.max_alloc_bytes {
            return Err(Unwind::limit(
                "memory",
                format!(
                    "memory limit exceeded: the plan allocated more than {} bytes",
                    self.limits.max_alloc_bytes
                ),
            ));
        }
        Ok(())
    }

    /// Checks a string about to be made of `len` bytes.
    #[inline]
    pub fn check_str_len(&mut self, len: usize) -> Eval<()> {
        if len as u64 > self.limits.max_str_len {
            return Err(crate::limits::string_size_exceeded(
                len as u128,
                self.limits.max_str_len,
            ));
        }
        self.alloc(len as u64)
    }

    /// Checks that a container may grow to `new_len` items by adding `added`; only the added
    /// items count towards the allocation budget.
    #[inline(always)]
    pub fn check_growth(&mut self, new_len: usize, added: usize) -> Eval<()> {
        if new_len as u64 > self.limits.max_collection_len {
            return self.check_len(new_len);
        }
        self.alloc(added as u64 * 32)
    }

    /// Checks a new list, tuple, dict or set about to hold `len` items.
    #[inline]
    pub fn check_len(&mut self, len: usize) -> Eval<()> {
        if len as u64 > self.limits.max_collection_len {
            return Err(crate::limits::collection_size_exceeded(
                len as u128,
                self.limits.max_collection_len,
            ));
        }
        self.alloc(len as u64 * 32)
    }

    // ---- labels and lineage ----

    pub fn join(&mut self, a: Label, b: Label) -> Label {
        self.labels.join(a, b)
    }

    /// A value computed from `inputs`: joins their labels (full labels for containers) and,
    /// unless every input is a plain literal, records a derivation node.
    #[inline]
    pub fn derive(&mut self, data: Data, inputs: &[&Value], text: &Arc<str>) -> Value {
        if inputs.iter().all(|v| v.is_plain()) {
            return Value::program(data);
        }
        self.derive_labeled(data, inputs, text)
    }

    /// Notes a labeled value computed inside a `try` (see `try_labels`): any operation on it
    /// could have raised, so in strict mode the rest of the body runs under its label.
    #[inline]
    fn note_in_try(&mut self, label: Label) {
        if let Some(acc) = self.try_labels.last_mut() {
            let joined = self.labels.join(*acc, label);
            if let Some(acc) = self.try_labels.last_mut() {
                *acc = joined;
            }
            self.try_pc = self.labels.join(self.try_pc, label);
            self.ctx.label = self.labels.join(self.ctx.label, label);
        }
    }

    #[inline(never)]
    fn derive_labeled(&mut self, data: Data, inputs: &[&Value], text: &Arc<str>) -> Value {
        let mut label = Label::PROGRAM;
        let mut plain = true;
        for v in inputs {
            let l = self.full_label(v);
            if l != Label::PROGRAM || v.node != NO_NODE {
                plain = false;
                label = self.labels.join(label, l);
            }
        }
        self.derived(data, label, plain, inputs, text)
    }

    /// A value computed from its inputs' identities (`is`, `is not`): it depends on the
    /// references, so it carries their labels and not their contents' (whose full labels
    /// would walk every element of a container).
    pub fn derive_from_references(
        &mut self,
        data: Data,
        inputs: &[&Value],
        text: &Arc<str>,
    ) -> Value {
        let mut label = Label::PROGRAM;
        let mut plain = true;
        for v in inputs {
            if v.label != Label::PROGRAM || v.node != NO_NODE {
                plain = false;
                label = self.labels.join(label, v.label);
            }
        }
        self.derived(data, label, plain, inputs, text)
    }

    /// The string of one character `c`.
    pub fn char_str(&mut self, c: char) -> PyStr {
        match self.ascii_chars.get_mut(c as usize) {
            Some(slot) => slot
                .get_or_insert_with(|| PyStr::from(c.to_string()))
                .clone(),
            None => PyStr::from(c.to_string()),
        }
    }

    fn derived(
        &mut self,
        data: Data,
        label: Label,
        plain: bool,
        inputs: &[&Value],
        text: &Arc<str>,
    ) -> Value {
        if plain {
            return Value::program(data);
        }
        self.note_in_try(label);
        let node = self.node_for(inputs.iter().map(|v| v.node), text);
        Value { data, label, node }
    }

    /// A derived value whose label is given (for operations with their own rules). Inlined
    /// for its plain case, as `derive` is.
    #[inline]
    pub fn derive_with(
        &mut self,
        data: Data,
        label: Label,
        deps: &[NodeId],
        text: &Arc<str>,
    ) -> Value {
        if label == Label::PROGRAM && deps.iter().all(|d| *d == NO_NODE) {
            return Value::program(data);
        }
        self.derive_with_labeled(data, label, deps, text)
    }

    #[inline(never)]
    fn derive_with_labeled(
        &mut self,
        data: Data,
        label: Label,
        deps: &[NodeId],
        text: &Arc<str>,
    ) -> Value {
        self.note_in_try(label);
        let node = self.node_for(deps.iter().copied(), text);
        Value { data, label, node }
    }

    fn node_for(&mut self, deps: impl Iterator<Item = NodeId>, text: &Arc<str>) -> NodeId {
        let mut data: Vec<NodeId> = Vec::with_capacity(2);
        for d in deps {
            if d != NO_NODE && !data.contains(&d) {
                data.push(d);
            }
        }
        if let [only] = data[..] {
            if self.graph_text_is(only, text) {
                return only;
            }
        }
        self.graph
            .add(NodeKind::Derive(text.clone()), self.pos.line, &data, &[])
    }

    fn graph_text_is(&self, node: NodeId, text: &Arc<str>) -> bool {
        matches!(self.graph.node(node), Some(n) if matches!(&n.kind, NodeKind::Derive(t) if Arc::ptr_eq(t, text)))
    }

    /// The label of a value used as a whole: for containers, the join of the reference's
    /// label, the shape and every element's full label.
    #[inline(always)]
    pub fn full_label(&mut self, v: &Value) -> Label {
        if v.is_container() {
            self.container_full_label(v)
        } else {
            v.label
        }
    }

    /// `full_label` of a container.
    #[inline(never)]
    fn container_full_label(&mut self, v: &Value) -> Label {
        // A scratch stack kept between calls, so that asking costs no allocation.
        let mut seen = std::mem::take(&mut self.seen_scratch);
        let inner = self.full_label_of(&v.data, &mut seen);
        seen.clear();
        self.seen_scratch = seen;
        self.labels.join(v.label, inner)
    }

    /// The join of the shapes and element labels of every container reachable from `data`.
    /// A loop over a work list, each container visited once (`seen`): no recursion, so a
    /// value nested millions deep cannot overflow the stack, and a container shared many
    /// times over (`x = [x, x]` repeated) is not walked again each time. The join is a set
    /// union, so the result is what an element-by-element walk finds.
    fn full_label_of(&mut self, data: &Data, seen: &mut crate::value::Path) -> Label {
        let mut todo = std::mem::take(&mut self.todo_scratch);
        todo.push(data.clone());
        let mut label = Label::PROGRAM;
        while let Some(data) = todo.pop() {
            let Some(ptr) = data.heap_address() else {
                continue;
            };
            if seen.contains(ptr) {
                continue;
            }
            seen.push(ptr);
            // The children are read in place (no copy of the container); only the
            // containers among them are queued.
            label = match &data {
                Data::List(l) => {
                    let l = l.borrow();
                    self.join_children(label, l.shape, l.items.labeled_part().iter(), &mut todo)
                }
                Data::Tuple(t) => self.join_children(label, t.shape, t.items.iter(), &mut todo),
                Data::Dict(d) => {
                    let d = d.borrow();
                    let children = d.map.values().flat_map(|(k, v)| [k, v]);
                    self.join_children(label, d.shape, children, &mut todo)
                }
                Data::Set(s) => {
                    let s = s.borrow();
                    self.join_children(label, s.shape, s.map.values(), &mut todo)
                }
                Data::Instance(i) => {
                    let i = i.borrow();
                    self.join_children(label, i.shape, i.fields.values(), &mut todo)
                }
                Data::Iterator(i) => {
                    let i = i.borrow();
                    let rest = i.items.get(i.pos..).unwrap_or_default();
                    let label = self.join_children(label, i.shape, rest.iter(), &mut todo);
                    match &i.lazy {
                        // The items still to come are computed from its sources, its
                        // function and what it captured.
                        Some(lazy) => {
                            let label = self.join_children(
                                label,
                                i.shape,
                                lazy.values().into_iter(),
                                &mut todo,
                            );
                            match lazy {
                                Lazy::Generator(g) => {
                                    let captured: Vec<Value> = g
                                        .frame
                                        .cells
                                        .iter()
                                        .chain(&g.frame.closure)
                                        .filter_map(|c| c.borrow().clone())
                                        .collect();
                                    self.join_children(label, i.shape, captured.iter(), &mut todo)
                                }
                                _ => label,
                            }
                        }
                        None => label,
                    }
                }
                Data::Exception(e) => {
                    self.join_children(label, Label::PROGRAM, e.args.iter(), &mut todo)
                }
                _ => label,
            };
        }
        self.todo_scratch = todo;
        label
    }

    /// Joins a container's shape and each child's label into `label`; queues the children
    /// that are containers.
    #[inline]
    fn join_children<'v>(
        &mut self,
        label: Label,
        shape: Label,
        children: impl Iterator<Item = &'v Value>,
        todo: &mut Vec<Data>,
    ) -> Label {
        let mut label = self.labels.join(label, shape);
        for child in children {
            label = self.labels.join(label, child.label);
            if child.is_container() {
                todo.push(child.data.clone());
            }
        }
        label
    }

    /// The label of a container's shape as seen through this reference (`len(x)`,
    /// the number of turns of `for v in x`).
    #[inline(always)]
    pub fn shape_label(&mut self, v: &Value) -> Label {
        let shape = match &v.data {
            Data::List(l) => l.borrow().shape,
            Data::Tuple(t) => t.shape,
            Data::Dict(d) => d.borrow().shape,
            Data::Set(s) => s.borrow().shape,
            Data::Instance(i) => i.borrow().shape,
            Data::Iterator(_) => return self.iterator_shape_label(v),
            _ => return v.label,
        };
        self.labels.join(v.label, shape)
    }

    /// `shape_label` of an iterator (a dict view's is its dict's, live).
    #[inline(never)]
    fn iterator_shape_label(&mut self, v: &Value) -> Label {
        let shape = match &v.data {
            Data::Iterator(i) => {
                let i = i.borrow();
                match i.viewed_dict() {
                    // A view shows the dict as it is now: its shape is the dict's, live.
                    Some(dict) => {
                        let live = self.shape_label(dict);
                        self.labels.join(i.shape, live)
                    }
                    None => i.shape,
                }
            }
            _ => return v.label,
        };
        self.labels.join(v.label, shape)
    }

    pub fn shape_node(&self, v: &Value) -> NodeId {
        let node = match &v.data {
            Data::List(l) => l.borrow().shape_node,
            Data::Tuple(t) => t.shape_node,
            Data::Dict(d) => d.borrow().shape_node,
            Data::Set(s) => s.borrow().shape_node,
            Data::Instance(i) => i.borrow().shape_node,
            Data::Iterator(i) => i.borrow().shape_node,
            _ => NO_NODE,
        };
        if node == NO_NODE {
            v.node
        } else {
            node
        }
    }

    /// Joins `label` (and its node) into a container's shape: it decided the container's
    /// length or keys.
    pub fn taint_shape(&mut self, container: &Value, label: Label, node: NodeId) {
        if label == Label::PROGRAM && node == NO_NODE {
            return;
        }
        macro_rules! update {
            ($obj:expr) => {{
                let old = $obj.shape;
                $obj.shape = self.labels.join(old, label);
                if node != NO_NODE {
                    $obj.shape_node = if $obj.shape_node == NO_NODE || $obj.shape_node == node {
                        node
                    } else {
                        let prev = $obj.shape_node;
                        self.graph
                            .add(NodeKind::derive("shape"), self.pos.line, &[prev, node], &[])
                    };
                }
            }};
        }
        match &container.data {
            Data::List(l) => update!(l.borrow_mut()),
            Data::Dict(d) => update!(d.borrow_mut()),
            Data::Set(s) => update!(s.borrow_mut()),
            Data::Instance(i) => update!(i.borrow_mut()),
            _ => {}
        }
    }

    /// A value stored under the current control context: in strict mode it carries the
    /// conditions that decided whether the store happened.
    #[inline]
    pub fn under_context(&mut self, v: Value) -> Value {
        if !self.strict || self.ctx.is_plain() {
            return v;
        }
        self.under_labeled_context(v)
    }

    #[inline(never)]
    fn under_labeled_context(&mut self, mut v: Value) -> Value {
        v.label = self.labels.join(v.label, self.ctx.label);
        if self.ctx.node != NO_NODE {
            let data: Vec<NodeId> = if v.node == NO_NODE {
                vec![]
            } else {
                vec![v.node]
            };
            v.node = self.graph.add(
                NodeKind::derive("under condition"),
                self.pos.line,
                &data,
                &[self.ctx.node],
            );
        }
        v
    }

    /// Enters a branch decided by `cond` (a value's label and node); returns the context to
    /// restore afterwards.
    #[inline(always)]
    pub fn enter(&mut self, label: Label, node: NodeId, text: &Arc<str>) -> Context {
        let saved = self.ctx;
        if !self.strict || (label == Label::PROGRAM && node == NO_NODE) {
            return saved;
        }
        self.enter_labeled(label, node, text)
    }

    /// `enter` a branch decided by a labeled value (strict mode).
    #[inline(never)]
    fn enter_labeled(&mut self, label: Label, node: NodeId, text: &Arc<str>) -> Context {
        let saved = self.ctx;
        self.note_in_try(label);
        let cond = self.graph.add(
            NodeKind::Condition(text.clone()),
            self.pos.line,
            if node == NO_NODE {
                &[]
            } else {
                std::slice::from_ref(&node)
            },
            if saved.node == NO_NODE {
                &[]
            } else {
                std::slice::from_ref(&saved.node)
            },
        );
        self.ctx = Context {
            label: self.labels.join(saved.label, label),
            node: cond,
        };
        saved
    }

    // ---- variables ----

    #[inline]
    pub fn load(&mut self, var: Var, name: &Rc<str>, frame: &Frame) -> Eval<Value> {
        let found = match var {
            Var::Local(i) => frame
                .locals
                .get(i as usize)
                .and_then(|v| v.as_ref().map(Value::copied)),
            Var::Cell(i) => frame.cells.get(i as usize).and_then(|c| c.borrow().clone()),
            Var::Free(i) => frame
                .closure
                .get(i as usize)
                .and_then(|c| c.borrow().clone()),
            Var::Global(i) => self
                .globals
                .get(i as usize)
                .and_then(|v| v.as_ref().map(Value::copied)),
        };
        match found {
            Some(v) if !matches!(v.data, Data::Unbound) => {
                if v.label != Label::PROGRAM && !self.try_labels.is_empty() {
                    self.note_in_try(v.label);
                }
                Ok(v)
            }
            found => {
                // Unbound, here and perhaps in another run too: what is read (or raised)
                // carries the label of the regions that could have bound it.
                let label = found.map_or(Label::PROGRAM, |v| v.label);
                self.unbound(var, name, label)
            }
        }
    }

    #[cold]
    fn unbound(&mut self, var: Var, name: &Rc<str>, label: Label) -> Eval<Value> {
        let (kind, message) = match var {
            Var::Global(_) => {
                // A module name shadowing a builtin reads the builtin until it is bound, as
                // in CPython.
                if let Some(value) = builtins::builtin_value(name) {
                    return Ok(Value { label, ..value });
                }
                (ExcKind::NameError, format!("name '{name}' is not defined"))
            }
            Var::Free(_) => (
                ExcKind::NameError,
                format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
            ),
            _ => (
                ExcKind::UnboundLocalError,
                format!("cannot access local variable '{name}' where it is not associated with a value"),
            ),
        };
        Err(exception(kind, message, label))
    }

    #[inline(always)]
    pub fn store(&mut self, var: Var, value: Value, frame: &mut Frame) {
        let value = self.under_context(value);
        self.store_raw(var, value, frame);
    }

    #[inline(always)]
    pub fn store_raw(&mut self, var: Var, value: Value, frame: &mut Frame) {
        let old = match var {
            // The compiler made every slot a variable names.
            Var::Local(i) => frame
                .locals
                .get_mut(i as usize)
                .and_then(|s| s.replace(value)),
            Var::Cell(i) => frame
                .cells
                .get(i as usize)
                .and_then(|c| c.borrow_mut().replace(value)),
            Var::Free(i) => frame
                .closure
                .get(i as usize)
                .and_then(|c| c.borrow_mut().replace(value)),
            Var::Global(i) => self
                .globals
                .get_mut(i as usize)
                .and_then(|s| s.replace(value)),
        };
        if let Some(old) = old {
            old.discard();
        }
    }

    /// Leaves a variable unbound (as `del name` would).
    pub fn unbind(&mut self, var: Var, frame: &mut Frame) {
        let old = match var {
            Var::Local(i) => frame.locals.get_mut(i as usize).and_then(Option::take),
            Var::Cell(i) => frame
                .cells
                .get(i as usize)
                .and_then(|c| c.borrow_mut().take()),
            Var::Free(i) => frame
                .closure
                .get(i as usize)
                .and_then(|c| c.borrow_mut().take()),
            Var::Global(i) => self.globals.get_mut(i as usize).and_then(Option::take),
        };
        if let Some(old) = old {
            old.discard();
        }
    }

    /// Reads a variable without raising (for strict-mode effects).
    pub fn peek(&self, var: Var, frame: &Frame) -> Option<Value> {
        match var {
            Var::Local(i) => frame.locals.get(i as usize).cloned().flatten(),
            Var::Cell(i) => frame.cells.get(i as usize).and_then(|c| c.borrow().clone()),
            Var::Free(i) => frame
                .closure
                .get(i as usize)
                .and_then(|c| c.borrow().clone()),
            Var::Global(i) => self.globals.get(i as usize).cloned().flatten(),
        }
    }

    // ---- output ----

    pub fn write_stdout(&mut self, text: &str) -> Eval<()> {
        let total = self.stdout.len() + text.len();
        if total as u64 > self.limits.max_output_bytes {
            return Err(Unwind::limit(
                "output",
                format!(
                    "output limit exceeded: the plan printed more than {} bytes",
                    self.limits.max_output_bytes
                ),
            ));
        }
        self.stdout.push_str(text);
        Ok(())
    }

    /// A TypeError whose message names a value's type (type names are plan-visible facts,
    /// but the value's label still rides along).
    pub fn type_error(&mut self, message: String, about: &[&Value]) -> Unwind {
        let mut label = Label::PROGRAM;
        for v in about {
            label = self.labels.join(label, v.label);
        }
        exception(ExcKind::TypeError, message, label)
    }
}

/// The first step after `steps` at which the budgets are looked at (see `Machine::tick`).
fn next_check_after(steps: u64, max_steps: u64) -> u64 {
    let next_period = (steps | 0x3ff).saturating_add(1);
    next_period.min(max_steps.saturating_add(1))
}

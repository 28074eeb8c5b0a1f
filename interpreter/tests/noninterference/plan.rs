//! A generated plan as a tree the shrinker can take apart: statements (simple lines and
//! compound statements made of clauses) whose expressions keep their sub-expressions, each
//! with a simpler stand-in of the same rough type.

/// An expression: text with holes filled by sub-expressions.
#[derive(Clone, Debug)]
pub struct Expr {
    pub parts: Vec<Part>,
    /// A type tag (`str`, `int`, ...) when the shrinker may swap this expression for a
    /// sub-expression with the same tag or for `fallback`.
    pub tag: Option<&'static str>,
    /// The simplest expression of the same type (a literal).
    pub fallback: Option<String>,
    /// Names, literals, calls, subscripts and displays: no parentheses needed around it.
    pub atomic: bool,
}

#[derive(Clone, Debug)]
pub enum Part {
    Text(String),
    Sub(Expr),
}

impl Expr {
    /// An expression with no holes.
    pub fn lit(text: impl Into<String>) -> Expr {
        Expr {
            parts: vec![Part::Text(text.into())],
            tag: None,
            fallback: None,
            atomic: true,
        }
    }

    pub fn new(parts: Vec<Part>) -> Expr {
        Expr {
            parts,
            tag: None,
            fallback: None,
            atomic: false,
        }
    }

    pub fn atomic(mut self) -> Expr {
        self.atomic = true;
        self
    }

    pub fn typed(mut self, tag: &'static str, fallback: &str) -> Expr {
        self.tag = Some(tag);
        self.fallback = Some(fallback.to_string());
        self
    }

    pub fn render(&self) -> String {
        let mut out = String::new();
        self.render_into(&mut out);
        out
    }

    fn render_into(&self, out: &mut String) {
        for p in &self.parts {
            match p {
                Part::Text(t) => out.push_str(t),
                Part::Sub(e) => e.render_into(out),
            }
        }
    }

    /// Wrapped in parentheses unless atomic (for a receiver, an operand).
    pub fn paren(self) -> Expr {
        if self.atomic {
            self
        } else {
            Expr::new(vec![t("("), Part::Sub(self), t(")")]).atomic()
        }
    }
}

pub fn t(s: &str) -> Part {
    Part::Text(s.to_string())
}

pub fn s(e: Expr) -> Part {
    Part::Sub(e)
}

/// A statement.
#[derive(Clone, Debug)]
pub enum Node {
    Line(Expr),
    Block(Vec<Clause>),
}

/// One clause of a compound statement: `if c:`, `elif d:`, `else:`, `try:`, `except E:`, ...
#[derive(Clone, Debug)]
pub struct Clause {
    pub head: Expr,
    pub body: Vec<Node>,
    /// The clause may be dropped (`elif`, `else`, one of several `except`, ...).
    pub optional: bool,
}

#[derive(Clone, Debug, Default)]
pub struct Plan {
    pub nodes: Vec<Node>,
}

impl Plan {
    pub fn render(&self) -> String {
        let mut out = String::new();
        render_body(&self.nodes, 0, &mut out);
        out
    }
}

fn render_body(nodes: &[Node], indent: usize, out: &mut String) {
    if nodes.is_empty() {
        push_line(out, indent, "pass");
        return;
    }
    for n in nodes {
        match n {
            Node::Line(e) => push_line(out, indent, &e.render()),
            Node::Block(clauses) => {
                for c in clauses {
                    push_line(out, indent, &c.head.render());
                    render_body(&c.body, indent + 1, out);
                }
            }
        }
    }
}

fn push_line(out: &mut String, indent: usize, text: &str) {
    for _ in 0..indent {
        out.push_str("    ");
    }
    out.push_str(text);
    out.push('\n');
}

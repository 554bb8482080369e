//! The tape: an arena of nodes in the order they were computed, and `Var`, a handle
//! to one of them. Recording an operation pushes a node; nothing is ever removed.

use std::cell::{Cell, RefCell};

// ANCHOR: node
/// What the backward pass of a node does: given the gradient of the output with
/// respect to this node, the gradient with respect to each of its parents.
pub type Backward = Box<dyn Fn(f64) -> Vec<f64>>;

/// One recorded value: the operation that made it, its value, its parents (by index
/// on the tape) and, if it requires grad, its backward rule.
pub struct Node {
    pub op: String,
    pub label: Option<String>,
    pub value: f64,
    pub requires_grad: bool,
    pub parents: Vec<usize>,
    pub backward: Option<Backward>,
}
// ANCHOR_END: node

// ANCHOR: tape
/// An arena of nodes: node i can only have parents j < i, so the tape's order is a
/// topological order of the graph. `grads[i]` is `None` until a backward pass
/// reaches node i.
#[derive(Default)]
pub struct Tape {
    pub(crate) nodes: RefCell<Vec<Node>>,
    pub(crate) grads: RefCell<Vec<Option<f64>>>,
    pub(crate) grad_disabled: Cell<bool>,
}

/// A scalar on a tape: a shared reference to the tape and the index of its node.
/// It is `Copy`, so `a * b + a` reads like the mathematics.
#[derive(Clone, Copy)]
pub struct Var<'t> {
    pub tape: &'t Tape,
    pub index: usize,
}
// ANCHOR_END: tape

// ANCHOR: leaves
impl Tape {
    /// An empty tape.
    pub fn new() -> Tape {
        Tape::default()
    }

    /// A leaf that requires grad, like `torch.tensor(v, requires_grad=True)`.
    pub fn var(&self, value: f64) -> Var<'_> {
        self.push(Node::leaf("var", value, true))
    }

    /// A leaf that does not require grad: data, not a parameter.
    pub fn constant(&self, value: f64) -> Var<'_> {
        self.push(Node::leaf("const", value, false))
    }

    /// Runs `f` with recording of gradients switched off, like
    /// `with torch.no_grad()`: what it computes does not require grad.
    pub fn no_grad<R>(&self, f: impl FnOnce() -> R) -> R {
        /// Restores the flag when dropped, so that a panic inside `f`, caught
        /// later, does not leave the tape with recording switched off.
        struct Restore<'a>(&'a Cell<bool>, bool);
        impl Drop for Restore<'_> {
            fn drop(&mut self) {
                self.0.set(self.1);
            }
        }
        let _restore =
            Restore(&self.grad_disabled, self.grad_disabled.replace(true));
        f()
    }
}
// ANCHOR_END: leaves

// ANCHOR: record
impl Tape {
    /// Records an operation `op` on `parents` whose result is `value`. The result
    /// requires grad if any parent does and recording is on; only then is its
    /// `backward` kept. Panics if the parents belong to another tape.
    pub fn record<'t>(
        &'t self,
        op: &str,
        value: f64,
        parents: &[Var<'t>],
        backward: impl Fn(f64) -> Vec<f64> + 'static,
    ) -> Var<'t> {
        for parent in parents {
            assert!(
                std::ptr::eq(parent.tape, self),
                "`{op}` mixes values from two different tapes: build each \
                 expression on one tape"
            );
        }
        let requires_grad = !self.grad_disabled.get()
            && parents.iter().any(|parent| parent.requires_grad());
        self.push(Node {
            op: op.to_string(),
            label: None,
            value,
            requires_grad,
            parents: parents.iter().map(|parent| parent.index).collect(),
            backward: requires_grad.then(|| Box::new(backward) as Backward),
        })
    }

    fn push(&self, node: Node) -> Var<'_> {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(node);
        self.grads.borrow_mut().push(None);
        Var {
            tape: self,
            index: nodes.len() - 1,
        }
    }
}

impl Node {
    fn leaf(op: &str, value: f64, requires_grad: bool) -> Node {
        Node {
            op: op.to_string(),
            label: None,
            value,
            requires_grad,
            parents: Vec::new(),
            backward: None,
        }
    }
}
// ANCHOR_END: record

// ANCHOR: var
impl<'t> Var<'t> {
    /// The value computed in the forward pass.
    pub fn value(self) -> f64 {
        self.tape.nodes.borrow()[self.index].value
    }

    /// Whether gradients flow to this value.
    pub fn requires_grad(self) -> bool {
        self.tape.nodes.borrow()[self.index].requires_grad
    }

    /// The same value on a new leaf that does not require grad, like
    /// `tensor.detach()`: gradients stop here.
    pub fn detach(self) -> Var<'t> {
        self.tape.push(Node::leaf("detach", self.value(), false))
    }

    /// Names the value, for error messages and the figure.
    pub fn named(self, label: &str) -> Var<'t> {
        self.tape.nodes.borrow_mut()[self.index].label = Some(label.to_string());
        self
    }

    /// How messages name this value: its label, or its node and operation.
    pub fn describe(self) -> String {
        let node = &self.tape.nodes.borrow()[self.index];
        match &node.label {
            Some(label) => format!("`{label}`"),
            None => format!("node {} (`{}`)", self.index, node.op),
        }
    }
}
// ANCHOR_END: var

//! The recorded graph as plain data, for reading and drawing: each node's label,
//! operation, value, gradient and parents, and its depth.

use crate::tape::{Tape, Var};

// ANCHOR: node_view
/// One node of the tape as data.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeView {
    pub label: Option<String>,
    pub op: String,
    pub value: f64,
    pub grad: Option<f64>,
    pub parents: Vec<usize>,
}

impl Tape {
    /// Every node recorded so far, in tape order.
    pub fn graph(&self) -> Vec<NodeView> {
        let grads = self.grads.borrow();
        self.nodes
            .borrow()
            .iter()
            .zip(grads.iter())
            .map(|(node, &grad)| NodeView {
                label: node.label.clone(),
                op: node.op.clone(),
                value: node.value,
                grad,
                parents: node.parents.clone(),
            })
            .collect()
    }
}

/// The depth of each node: 0 for a leaf, else one more than its deepest parent.
/// Parents come first on a tape, so one pass in tape order does it.
pub fn depths(graph: &[NodeView]) -> Vec<usize> {
    let mut depth = vec![0; graph.len()];
    for (i, node) in graph.iter().enumerate() {
        depth[i] = node
            .parents
            .iter()
            .map(|&p| depth[p] + 1)
            .max()
            .unwrap_or(0);
    }
    depth
}
// ANCHOR_END: node_view

// ANCHOR: figure_expression
/// The small expression of the figure: L = (a b + c) f with a = 2, b = -3, c = 10
/// and f = -2, every value named.
pub fn figure_expression(tape: &Tape) -> Var<'_> {
    let a = tape.var(2.0).named("a");
    let b = tape.var(-3.0).named("b");
    let e = (a * b).named("e");
    let c = tape.var(10.0).named("c");
    let d = (e + c).named("d");
    let f = tape.var(-2.0).named("f");
    (d * f).named("L")
}
// ANCHOR_END: figure_expression

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depths_count_the_longest_path_from_a_leaf() {
        // z = (x + y) + x: x, y leaves (0), x + y at 1, z at 2.
        let tape = Tape::new();
        let (x, y) = (tape.var(1.0), tape.var(2.0));
        let _z = (x + y) + x;
        assert_eq!(depths(&tape.graph()), vec![0, 0, 1, 2]);
    }
}

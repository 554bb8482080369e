//! The backward pass: from a scalar output back along the tape, accumulating each
//! node's gradient from its consumers; and `grad`, `zero_grad`.

use crate::tape::{Tape, Var};

// ANCHOR: backward
impl Var<'_> {
    /// Computes the gradient of this value with respect to every value it was
    /// computed from that requires grad, and adds it to their `grad`. Visits the
    /// nodes in reverse tape order, a reverse topological order, so that every
    /// consumer of a node has given it its share before the node passes its own
    /// gradient on. Panics if this value does not require grad.
    pub fn backward(self) {
        assert!(
            self.requires_grad(),
            "backward() on {}, which does not require grad: it was computed only \
             from constants, inside `no_grad`, or from a `detach`ed value. Make the \
             inputs with `tape.var(...)` and compute outside `tape.no_grad(...)`.",
            self.describe()
        );
        let nodes = self.tape.nodes.borrow();
        let mut adjoint: Vec<Option<f64>> = vec![None; self.index + 1];
        adjoint[self.index] = Some(1.0);
        for i in (0..=self.index).rev() {
            let (Some(g), Some(backward)) = (adjoint[i], &nodes[i].backward) else {
                continue;
            };
            let node = &nodes[i];
            for (&parent, share) in node.parents.iter().zip(backward(g)) {
                if nodes[parent].requires_grad {
                    adjoint[parent] = Some(adjoint[parent].unwrap_or(0.0) + share);
                }
            }
        }
        let mut grads = self.tape.grads.borrow_mut();
        for (grad, reached) in grads.iter_mut().zip(adjoint) {
            if let Some(g) = reached {
                *grad = Some(grad.unwrap_or(0.0) + g);
            }
        }
    }
}
// ANCHOR_END: backward

// ANCHOR: grad
impl Var<'_> {
    /// The gradient accumulated here by the backward passes since the tape was
    /// made or last zeroed, like `x.grad`. Panics, saying why, if no backward pass
    /// has reached this value.
    pub fn grad(self) -> f64 {
        if let Some(g) = self.tape.grads.borrow()[self.index] {
            return g;
        }
        if self.requires_grad() {
            panic!(
                "{}.grad() was never computed: call backward() on an output computed \
                 from it first (after zero_grad, call it again)",
                self.describe()
            )
        }
        panic!(
            "{}.grad() was never computed: it does not require grad, so no gradient \
             flows to it; make it with `tape.var(...)` outside `no_grad` and do not \
             `detach` it",
            self.describe()
        )
    }
}

impl Tape {
    /// Forgets every gradient, like PyTorch's `zero_grad()` (which sets them to
    /// `None`): the next backward pass starts from nothing.
    pub fn zero_grad(&self) {
        self.grads.borrow_mut().fill(None);
    }
}
// ANCHOR_END: grad

#[cfg(test)]
mod tests {
    use crate::tape::Tape;
    use chapter01::check::assert_close;

    // These tests use only the operations whose backward rules are not exercises
    // (mul, div and tanh are), so they pass before the exercises are done.

    // ANCHOR: accumulation_tests
    #[test]
    fn b_equals_a_plus_a_gives_a_grad_of_two() {
        // b = a + a: both paths from b to a carry 1, and they add: 1 + 1 = 2.
        let tape = Tape::new();
        let a = tape.var(3.0);
        (a + a).backward();
        assert_close("a.grad for b = a + a", a.grad(), 2.0, 0.0);
    }

    #[test]
    fn gradients_accumulate_until_zero_grad() {
        // y = exp(x) at x = 0: dy/dx = e^0 = 1. Two backward calls add: 2.
        // After zero_grad and one more call: 1 again. All exact.
        let tape = Tape::new();
        let x = tape.var(0.0);
        let y = x.exp();
        y.backward();
        y.backward();
        assert_close("x.grad after two backward calls", x.grad(), 2.0, 0.0);
        tape.zero_grad();
        y.backward();
        assert_close("x.grad after zero_grad and one call", x.grad(), 1.0, 0.0);
    }
    #[test]
    fn a_diamond_adds_both_paths() {
        // s -> p = s^2 and q = exp(s); z = p - q. dz/ds = 2s - e^s = 2 - e at s = 1.
        // Two roundings of numbers near 1: 1e-15.
        let tape = Tape::new();
        let s = tape.var(1.0);
        let z = s.powi(2) - s.exp();
        z.backward();
        assert_close("dz/ds", s.grad(), 2.0 - std::f64::consts::E, 1e-15);
    }
    // ANCHOR_END: accumulation_tests

    #[test]
    #[should_panic(expected = "mixes values from two different tapes")]
    fn values_from_two_tapes_are_refused() {
        let (one, two) = (Tape::new(), Tape::new());
        let _ = one.var(1.0) + two.var(2.0);
    }

    // ANCHOR: stopping_tests
    #[test]
    fn detach_and_no_grad_stop_the_gradient() {
        // z = x + detach(x)^2 + no_grad(x^3): only the first term reaches x: 1.
        let tape = Tape::new();
        let x = tape.var(2.0);
        let cube = tape.no_grad(|| x.powi(3));
        assert!(!cube.requires_grad(), "x^3 inside no_grad requires grad");
        let z = x + x.detach().powi(2) + cube;
        z.backward();
        assert_close("dz/dx", x.grad(), 1.0, 0.0);
    }

    #[test]
    #[should_panic(expected = "backward() on `c`, which does not require grad")]
    fn backward_on_a_constant_says_to_use_var() {
        let tape = Tape::new();
        tape.constant(1.0).exp().named("c").backward();
    }

    #[test]
    #[should_panic(expected = "`x`.grad() was never computed: call backward()")]
    fn reading_a_grad_before_backward_says_to_call_it() {
        let tape = Tape::new();
        tape.var(1.0).named("x").grad();
    }
    // ANCHOR_END: stopping_tests
}

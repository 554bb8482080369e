//! Many outputs at once, as a PyTorch tensor holds them. `backward()` on a slice of
//! values is refused unless it holds exactly one, the error PyTorch gives the seed
//! post's `output_tensor.backward()`; `sum` reduces them to one first.

use crate::tape::Var;

// ANCHOR: many
/// `backward()` on several outputs at once, the way a PyTorch tensor holds them.
pub trait BackwardMany {
    /// Runs the backward pass from the one value in the slice. Panics, saying how
    /// to reduce them, if the slice holds more or fewer than one value.
    fn backward(&self);
}

impl BackwardMany for [Var<'_>] {
    fn backward(&self) {
        match self {
            [output] => output.backward(),
            [] => panic!(
                "backward() on no values: there is no output to differentiate; \
                 call it on the scalar loss your computation ends in"
            ),
            outputs => panic!(
                "backward() on {} values at once: a gradient is the derivative of \
                 one scalar output (PyTorch: \"grad can be implicitly created only \
                 for scalar outputs\"). Reduce them to one value first, as a loss \
                 does: `sum(&outputs).backward()` gives each input the sum of its \
                 gradients over the outputs; or call backward() on each output, \
                 with zero_grad() in between, for one row of the Jacobian at a time",
                outputs.len()
            ),
        }
    }
}

/// The sum of `values` on the tape, the usual way to reduce many outputs to one.
/// Panics on an empty slice, which has no tape to record on.
pub fn sum<'t>(values: &[Var<'t>]) -> Var<'t> {
    let (&first, rest) = values.split_first().expect(
        "sum of no values: pass at least one value (its tape records the sum)",
    );
    rest.iter().fold(first, |total, &value| total + value)
}
// ANCHOR_END: many

#[cfg(test)]
mod tests {
    use super::BackwardMany;
    use crate::tape::{Tape, Var};
    use chapter01::check::assert_close;

    // ANCHOR: many_tests
    /// The seed post's tensors: a 2 x 3 tracked tensor times a constant one,
    /// element by element, flattened to six values.
    fn seed_product(tape: &Tape) -> (Vec<Var<'_>>, Vec<Var<'_>>) {
        let t1: Vec<Var> = (1..=6).map(|v| tape.var(f64::from(v))).collect();
        let t2 = (7..=12).map(f64::from);
        let product = t1.iter().zip(t2).map(|(&a, b)| a * b).collect();
        (t1, product)
    }

    #[test]
    #[should_panic(expected = "backward() on 6 values at once")]
    fn backward_on_six_outputs_is_refused_as_in_pytorch() {
        let tape = Tape::new();
        let (_, product) = seed_product(&tape);
        product.backward();
    }

    // Its backward runs multiplication's rule, Exercise 6.4, so it runs with the
    // reference answers only (tests/exercises.rs checks yours).
    #[cfg(feature = "solutions")]
    #[test]
    fn summing_first_gives_each_input_its_partner() {
        // d/da_i of sum_j a_j b_j = b_i, so tensor1.grad = tensor2 = 7..12, exactly.
        let tape = Tape::new();
        let (t1, product) = seed_product(&tape);
        super::sum(&product).backward();
        for (i, a) in t1.iter().enumerate() {
            assert_close("tensor1.grad", a.grad(), 7.0 + i as f64, 0.0);
        }
    }
    // ANCHOR_END: many_tests

    #[test]
    fn one_output_in_a_slice_is_a_scalar() {
        // [x^2].backward() at x = 3 is x^2's backward: 2 x = 6, exact.
        let tape = Tape::new();
        let x = tape.var(3.0);
        [x.powi(2)].backward();
        assert_close("x.grad", x.grad(), 6.0, 0.0);
    }

    #[test]
    #[should_panic(expected = "backward() on no values")]
    fn backward_on_no_outputs_is_refused() {
        let empty: [Var; 0] = [];
        empty.backward();
    }
}

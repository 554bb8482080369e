//! Custom operations, like PyTorch's `torch.autograd.Function`: the user gives the
//! forward computation, which may save values for later, and the backward rule,
//! which receives them.

use crate::tape::{Tape, Var};

// ANCHOR: custom
impl Tape {
    /// Records a custom operation `name` on `inputs`. `forward` gets the inputs'
    /// values and returns the output and the values to save (PyTorch's
    /// `ctx.save_for_backward`); `backward` gets the saved values and the gradient
    /// of the output and returns one gradient per input. Panics, when the backward
    /// pass runs, if it returns another number of gradients.
    pub fn custom<'t>(
        &'t self,
        name: &str,
        inputs: &[Var<'t>],
        forward: impl FnOnce(&[f64]) -> (f64, Vec<f64>),
        backward: impl Fn(&[f64], f64) -> Vec<f64> + 'static,
    ) -> Var<'t> {
        let values: Vec<f64> = inputs.iter().map(|input| input.value()).collect();
        let (out, saved) = forward(&values);
        let (n, op) = (inputs.len(), name.to_string());
        self.record(name, out, inputs, move |g| {
            let grads = backward(&saved, g);
            assert_eq!(
                grads.len(),
                n,
                "the backward of custom operation `{op}` returned {} gradients but \
                 has {n} input(s): return one gradient per input, in order",
                grads.len()
            );
            grads
        })
    }
}
// ANCHOR_END: custom

// ANCHOR: custom_relu
/// The seed post's `CustomReLU`: forward max(0, x), saving x; backward passes the
/// gradient where x > 0 and 0 elsewhere.
pub fn custom_relu(x: Var<'_>) -> Var<'_> {
    x.tape.custom(
        "custom_relu",
        &[x],
        |v| (v[0].max(0.0), vec![v[0]]),
        |saved, g| vec![if saved[0] < 0.0 { 0.0 } else { g }],
    )
}
// ANCHOR_END: custom_relu

#[cfg(test)]
mod tests {
    use super::*;
    use chapter01::check::assert_close;

    #[test]
    fn custom_relu_passes_the_gradient_where_the_input_is_positive() {
        // The seed's tensor [-1, 0, 2]: gradients 0, 1 and 1 (the seed clears only
        // x < 0, so at 0 it passes the gradient, unlike torch.relu).
        let tape = Tape::new();
        for (x, want) in [(-1.0, 0.0), (0.0, 1.0), (2.0, 1.0)] {
            let v = tape.var(x);
            custom_relu(v).backward();
            assert_close(&format!("custom_relu'({x})"), v.grad(), want, 0.0);
        }
    }

    #[test]
    #[should_panic(expected = "returned 2 gradients but has 1 input(s)")]
    fn a_backward_with_the_wrong_number_of_gradients_is_refused() {
        let tape = Tape::new();
        let x = tape.var(1.0);
        tape.custom("bad", &[x], |v| (v[0], vec![]), |_, g| vec![g, g])
            .backward();
    }
}

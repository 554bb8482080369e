//! Optimizers in the spirit of `torch.optim`: each owns its hyperparameters and its
//! state, and `step` updates a list of parameters in place from their gradients.
//! `Sgd` (in `sgd`) and `Adam` (in `adam`) implement the trait with the exercises'
//! `descent_step`, `momentum_step` and `adam_step`.

use num_traits::Float;
use std::fmt;

pub use crate::adam::{Adam, AdamConfig};
pub use crate::sgd::Sgd;

// ANCHOR: optimizer
/// An optimizer: it updates parameters in place from their gradients, one step at a
/// time, keeping between steps whatever state it needs (a velocity, moment estimates,
/// a step count). There is no `zero_grad`: the gradients are passed to each step, not
/// accumulated in the optimizer, so there is nothing to clear.
pub trait Optimizer<T> {
    /// Updates `params` by one step from `grads`, the gradient of the loss at
    /// `params`, one entry per parameter. Panics, naming both lengths, if they differ.
    fn step(&mut self, params: &mut [T], grads: &[T]);

    /// The learning rate, for reports and error messages.
    fn lr(&self) -> T;
}
// ANCHOR_END: optimizer

// ANCHOR: invalid_hyperparameter
/// A hyperparameter that an optimizer's constructor rejected: its name (PyTorch's),
/// its value, what it must be, and an example of a value that works.
#[derive(Clone, Debug, PartialEq)]
pub struct InvalidHyperparameter {
    pub name: &'static str,
    pub value: f64,
    pub requirement: &'static str,
    pub example: &'static str,
}

impl fmt::Display for InvalidHyperparameter {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let Self {
            name,
            value,
            requirement,
            example,
        } = self;
        write!(
            f,
            "invalid {name} = {value}: {requirement}, such as {example}"
        )
    }
}

impl std::error::Error for InvalidHyperparameter {}

/// Ok if `value` passes `ok`, else the error naming it.
pub(crate) fn check<T: Float>(
    name: &'static str,
    value: T,
    ok: impl Fn(T) -> bool,
    requirement: &'static str,
    example: &'static str,
) -> Result<(), InvalidHyperparameter> {
    if ok(value) {
        return Ok(());
    }
    let value = value.to_f64().unwrap_or(f64::NAN);
    Err(InvalidHyperparameter {
        name,
        value,
        requirement,
        example,
    })
}

/// A positive finite number (a NaN is not: every comparison with it is false).
pub(crate) fn positive<T: Float>(x: T) -> bool {
    x > T::zero() && x.is_finite()
}

/// A number from 0 up to but not including 1.
pub(crate) fn fraction<T: Float>(x: T) -> bool {
    x >= T::zero() && x < T::one()
}
// ANCHOR_END: invalid_hyperparameter

/// Panics, naming both lengths, unless there is one gradient per parameter.
pub(crate) fn same_lengths<T>(who: &str, params: &[T], grads: &[T]) {
    assert_eq!(
        params.len(),
        grads.len(),
        "{who}::step: {} parameters but {} gradients; pass the gradient of the loss \
         with respect to each parameter, in the same order",
        params.len(),
        grads.len()
    );
}

/// Makes `state` n zeros on the first step; after that, panics unless the optimizer
/// is given the same number of parameters as before.
pub(crate) fn state<T: Float>(who: &str, state: &mut Vec<T>, n: usize) {
    if state.is_empty() {
        state.resize(n, T::zero());
    }
    assert_eq!(
        state.len(),
        n,
        "{who}::step: {n} parameters, but this optimizer's state is for {}; use one \
         optimizer for each set of parameters",
        state.len()
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_negative_learning_rate_is_rejected_with_its_value_and_a_fix() {
        let err = Sgd::new(-0.1, 0.0).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid lr = -0.1: the learning rate must be a positive finite number, \
             such as 0.01"
        );
    }

    #[test]
    fn a_zero_nan_or_infinite_learning_rate_is_rejected() {
        for lr in [0.0, f64::NAN, f64::INFINITY] {
            let err = Adam::new(lr).unwrap_err();
            assert_eq!(err.name, "lr");
            assert!(err.to_string().contains("such as 0.001"), "{err}");
        }
        let err = Adam::new(f32::NAN).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid lr = NaN: the learning rate must be a positive finite number, \
             such as 0.001"
        );
    }

    #[test]
    fn a_momentum_of_one_or_more_is_rejected() {
        let err = Sgd::new(0.01, 1.0).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid momentum = 1: the momentum must be at least 0 and less than 1, \
             such as 0.9"
        );
    }

    #[test]
    #[should_panic(expected = "Sgd::step: 2 parameters but 3 gradients")]
    fn a_gradient_of_the_wrong_length_is_named() {
        // The lengths are checked before the learner's descent_step is called.
        Sgd::new(0.1, 0.0)
            .unwrap()
            .step(&mut [1.0, 2.0], &[1.0, 2.0, 3.0]);
    }
}

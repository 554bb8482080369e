//! Gradient descent with or without momentum, as `torch.optim.SGD`.

use crate::exercises::{descent_step, momentum_step};
use crate::optim::{
    InvalidHyperparameter, Optimizer, check, fraction, positive, same_lengths, state,
};
use num_traits::Float;

// ANCHOR: sgd
/// Gradient descent, with momentum when `momentum` > 0: `torch.optim.SGD(params, lr,
/// momentum)`. Each step is `descent_step`, or `momentum_step` with the velocity the
/// optimizer keeps, zero before the first step.
#[derive(Clone, Debug)]
pub struct Sgd<T> {
    lr: T,
    momentum: T,
    velocity: Vec<T>,
}

impl<T: Float> Sgd<T> {
    /// Plain descent (`momentum` = 0) or descent with momentum. Returns an error,
    /// naming the value and what would work, unless `lr` is a positive finite number
    /// and 0 <= `momentum` < 1.
    pub fn new(lr: T, momentum: T) -> Result<Self, InvalidHyperparameter> {
        let lr_must = "the learning rate must be a positive finite number";
        check("lr", lr, positive, lr_must, "0.01")?;
        let momentum_must = "the momentum must be at least 0 and less than 1";
        check("momentum", momentum, fraction, momentum_must, "0.9")?;
        Ok(Sgd {
            lr,
            momentum,
            velocity: Vec::new(),
        })
    }
}

impl<T: Float> Optimizer<T> for Sgd<T> {
    fn step(&mut self, params: &mut [T], grads: &[T]) {
        same_lengths("Sgd", params, grads);
        if self.momentum == T::zero() {
            descent_step(params, grads, self.lr);
        } else {
            state("Sgd", &mut self.velocity, params.len());
            momentum_step(params, &mut self.velocity, grads, self.lr, self.momentum);
        }
    }

    fn lr(&self) -> T {
        self.lr
    }
}
// ANCHOR_END: sgd

#[cfg(test)]
mod tests {
    use chapter01::check::assert_close;

    #[test]
    fn momentum_weighs_old_gradients_by_powers_of_mu() {
        // v_t = g_t + μ g_(t-1) + μ^2 g_(t-2) + ...: with μ = 0.9 a gradient ten steps
        // old counts 0.9^10 = 0.3486784401 (exact to these digits), and the weights
        // sum to 1 / (1 - 0.9) = 10. A few roundings: 1e-15 (1 + |expected|); the
        // sum of 1000 terms differs from 10 by 10 * 0.9^1000 = 1.7e-45 and rounding.
        let mu: f64 = 0.9;
        assert_close("0.9^10", mu.powi(10), 0.3486784401, 1e-15);
        let sum: f64 = (0..1000).map(|k| mu.powi(k)).sum();
        assert_close("1 + 0.9 + 0.81 + ...", sum, 10.0, 1e-14);
    }
}

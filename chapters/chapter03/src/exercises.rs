//! Your answers to the exercises of chapter03. Replace each `todo!()` with your code,
//! then run `cargo test -p chapter03`.
//!
//! Generated from `src/solutions.rs` by `cargo xtask stubs`.
#![allow(unused_variables)] // A stub does not use its arguments yet.

use crate::optim::{AdamConfig, Optimizer};
use crate::stopping::{Diverged, Run, Stop};
use num_traits::Float;

// ANCHOR: descent_step
/// One step of gradient descent: each parameter moves against its gradient,
/// x ← x - lr g, in place. `grads` holds the gradient at `params`, one entry per
/// parameter.
///
/// Exercise 3.1, section 3.1 "The update rule".
pub fn descent_step<T: Float>(params: &mut [T], grads: &[T], lr: T) {
    todo!(
        "Exercise 3.1 (`descent_step`) is yours to write: read section 3.1 \"The update rule\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: descent_step

// ANCHOR: learning_rate_threshold
/// The learning rate at which gradient descent stops converging on the quadratic
/// f(x) = ½ (λ_0 x_0² + ... + λ_(n-1) x_(n-1)²): each step multiplies x_i by
/// 1 - lr λ_i, and every coordinate shrinks exactly when lr < 2 / λ_max, where λ_max is
/// the largest curvature.
/// Panics, with a message that says why, unless there is at least one curvature and
/// every curvature is positive (otherwise the quadratic has no minimum to converge
/// to).
///
/// Exercise 3.2, section 3.2 "The learning rate".
pub fn learning_rate_threshold(curvatures: &[f64]) -> f64 {
    todo!(
        "Exercise 3.2 (`learning_rate_threshold`) is yours to write: read section 3.2 \"The learning rate\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: learning_rate_threshold

// ANCHOR: momentum_step
/// One step of gradient descent with momentum, as `torch.optim.SGD` takes it: for each
/// parameter, the velocity v ← momentum v + g, then x ← x - lr v, in place.
/// `velocity` is zero before the first step.
///
/// Exercise 3.3, section 3.4 "Momentum".
pub fn momentum_step<T: Float>(
    params: &mut [T],
    velocity: &mut [T],
    grads: &[T],
    lr: T,
    momentum: T,
) {
    todo!(
        "Exercise 3.3 (`momentum_step`) is yours to write: read section 3.4 \"Momentum\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: momentum_step

// ANCHOR: adam_step
/// Step number t (counting from 1) of Adam, exactly as `torch.optim.Adam` takes it,
/// with config = (lr, (β1, β2), eps). For each parameter, with g its gradient:
/// m ← β1 m + (1 - β1) g and v ← β2 v + (1 - β2) g², the running estimates of the
/// gradient's mean and of its square (`m` and `v` are zero before the first step);
/// then x ← x - step_size m / denom, where step_size = lr / (1 - β1^t) and
/// denom = √v / √(1 - β2^t) + eps undo the estimates' bias towards their zero start.
///
/// Exercise 3.4, section 3.5 "Adam".
pub fn adam_step<T: Float>(
    params: &mut [T],
    grads: &[T],
    m: &mut [T],
    v: &mut [T],
    t: i32,
    config: AdamConfig<T>,
) {
    todo!(
        "Exercise 3.4 (`adam_step`) is yours to write: read section 3.5 \"Adam\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: adam_step

// ANCHOR: check_divergence
/// Checks the value f = `value` that a run with learning rate `lr` reached at step
/// `step`: an error naming all of them, `limit` and `last_finite` (f at the step
/// before, `None` at step 0) when `value` is not a finite number or its size is above
/// `limit`; `Ok(())` when it is finite and within the limit.
///
/// Exercise 3.5, section 3.7 "Optimizers and stopping".
pub fn check_divergence<T: Float>(
    step: usize,
    value: T,
    last_finite: Option<T>,
    lr: T,
    limit: T,
) -> Result<(), Diverged<T>> {
    todo!(
        "Exercise 3.5 (`check_divergence`) is yours to write: read section 3.7 \"Optimizers and stopping\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: check_divergence

// ANCHOR: minimize
/// Minimizes `f`, whose gradient is `gradient`, from `x0` with `optimizer`. At each
/// step k = 0, 1, 2, ...: f at the current x, checked by `check_divergence` (an error
/// ends the run); then its gradient; if the gradient's length is at most
/// `stop.tolerance` the run has converged, and if k = `stop.max_steps` it is out of
/// steps: either way it returns the point, f there and k, the number of updates
/// taken. Otherwise the optimizer takes a step and the loop goes on.
///
/// Exercise 3.6, section 3.7 "Optimizers and stopping".
pub fn minimize<T: Float>(
    f: impl Fn(&[T]) -> T,
    gradient: impl Fn(&[T]) -> Vec<T>,
    x0: &[T],
    optimizer: &mut impl Optimizer<T>,
    stop: Stop<T>,
) -> Result<Run<T>, Diverged<T>> {
    todo!(
        "Exercise 3.6 (`minimize`) is yours to write: read section 3.7 \"Optimizers and stopping\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: minimize

//! The second seed post's network y = x w1 w2: one input, one hidden unit without an
//! activation, one output, fitted to fifteen points by plain descent on the summed
//! squared error. Only the product w1 w2 matters to the loss.

use crate::exercises::two_weight_gradient;
use chapter03::optim::{Optimizer, Sgd};
use ndarray::ArrayView1;

// ANCHOR: two_weight_setup
/// The start: w1 = w2 = 0.5, where the seed post draws them at random,
pub const TWO_WEIGHT_START: [f64; 2] = [0.5, 0.5];
/// the seed post's learning rate,
pub const TWO_WEIGHT_LR: f64 = 1e-6;
/// and its number of steps: `for iter in range(1, 1000)` runs 999.
pub const TWO_WEIGHT_STEPS: usize = 999;

/// The summed squared error of y = x w1 w2: sum_i (x_i w1 w2 - y_i)^2.
pub fn two_weight_loss(x: ArrayView1<f64>, y: ArrayView1<f64>, w: [f64; 2]) -> f64 {
    let err = &x * (w[0] * w[1]) - y;
    err.dot(&err)
}

/// The slope of the least-squares line through the origin, sum x y / sum x^2: the
/// product w1 w2 at which the loss is smallest.
pub fn slope_through_origin(x: ArrayView1<f64>, y: ArrayView1<f64>) -> f64 {
    x.dot(&y) / x.dot(&x)
}
// ANCHOR_END: two_weight_setup

// ANCHOR: two_weight_fit
/// What the seed's loop records: the loss before each step (iteration k of the
/// post is entry k - 1) and the weights, first the start, then after each step.
#[derive(Clone, Debug)]
pub struct TwoWeightRun {
    /// The loss before each step.
    pub losses: Vec<f64>,
    /// The weights [w1, w2]: the start, then after each step.
    pub path: Vec<[f64; 2]>,
}

/// The seed post's loop, `steps` times: the loss, its gradient by the learner's
/// `two_weight_gradient` (PyTorch's `backward`), one step of chapter 3's `Sgd`
/// (the post's `w -= learning_rate * w.grad`).
pub fn two_weight_fit(
    x: ArrayView1<f64>,
    y: ArrayView1<f64>,
    start: [f64; 2],
    lr: f64,
    steps: usize,
) -> TwoWeightRun {
    let mut optimizer = Sgd::new(lr, 0.0).unwrap_or_else(|err| panic!("{err}"));
    let mut w = start;
    let mut run = TwoWeightRun {
        losses: Vec::with_capacity(steps),
        path: vec![w],
    };
    for _ in 0..steps {
        run.losses.push(two_weight_loss(x, y, w));
        let grads = two_weight_gradient(x, y, w);
        optimizer.step(&mut w, &grads);
        run.path.push(w);
    }
    run
}
// ANCHOR_END: two_weight_fit

// ANCHOR: landing_point
/// Where a path of descent from `start` (both weights positive) ends on the
/// hyperbola w1 w2 = p, if the steps are small: descent keeps w1^2 - w2^2 = c
/// (nearly) fixed, and w1 w2 = p with w1^2 - w2^2 = c gives
/// w1^2 = (c + sqrt(c^2 + 4 p^2)) / 2.
pub fn landing_point(start: [f64; 2], p: f64) -> [f64; 2] {
    let c = start[0] * start[0] - start[1] * start[1];
    let w1 = ((c + (c * c + 4.0 * p * p).sqrt()) / 2.0).sqrt();
    [w1, p / w1]
}
// ANCHOR_END: landing_point

#[cfg(test)]
mod tests {
    use super::*;
    use crate::points::seed_points;
    use chapter01::check::assert_close;

    #[test]
    fn the_loss_is_a_parabola_in_the_product() {
        // sum (x p - y)^2 = Sxx (p - p*)^2 + sum y^2 - Sxy^2 / Sxx with
        // p* = Sxy / Sxx: the same at (0.5, 0.8) and (0.8, 0.5) and (0.4, 1.0), all
        // with p = 0.4. Sums of about 100 to 600, rounded: 1e-13 (1 + |L|).
        let (x, y) = seed_points();
        let (sxx, sxy, syy) = (x.dot(&x), x.dot(&y), y.dot(&y));
        let p_star = slope_through_origin(x.view(), y.view());
        let parabola = |p: f64| sxx * (p - p_star).powi(2) + syy - sxy * sxy / sxx;
        for w in [[0.5, 0.8], [0.8, 0.5], [0.4, 1.0], [0.6, 0.6]] {
            let what = format!("loss at {w:?}");
            let loss = two_weight_loss(x.view(), y.view(), w);
            assert_close(&what, loss, parabola(w[0] * w[1]), 1e-13);
        }
    }

    #[test]
    fn a_step_scales_w1_squared_minus_w2_squared_by_one_minus_lr_squared_g_squared()
    {
        // With g = dL/dp the step is w1 - lr g w2, w2 - lr g w1, and
        // (w1 - lr g w2)^2 - (w2 - lr g w1)^2 = (1 - lr^2 g^2) (w1^2 - w2^2): the
        // cross terms cancel. Written out here with g = 3, lr = 0.1: factor 0.91.
        // Numbers near 1, a few roundings: 1e-15 (1 + |expected|).
        let (w1, w2, g, lr) = (0.9, 0.4, 3.0, 0.1);
        let (v1, v2) = (w1 - lr * g * w2, w2 - lr * g * w1);
        let factor = 1.0 - lr * lr * g * g;
        let want = factor * (w1 * w1 - w2 * w2);
        assert_close("w1^2 - w2^2 after", v1 * v1 - v2 * v2, want, 1e-15);
    }

    #[test]
    fn the_landing_point_is_on_the_hyperbola_and_keeps_the_difference_of_squares() {
        // From (0.2, 0.9): c = 0.04 - 0.81 = -0.77. Numbers near 1: 1e-15.
        let p = 0.4;
        let [w1, w2] = landing_point([0.2, 0.9], p);
        assert_close("w1 w2", w1 * w2, p, 1e-15);
        assert_close("w1^2 - w2^2", w1 * w1 - w2 * w2, -0.77, 1e-15);
        // From the diagonal, the landing point is (sqrt p, sqrt p).
        let [v1, v2] = landing_point([0.5, 0.5], p);
        assert_close("w1 from the diagonal", v1, p.sqrt(), 1e-15);
        assert_close("w2 from the diagonal", v2, p.sqrt(), 1e-15);
    }
}

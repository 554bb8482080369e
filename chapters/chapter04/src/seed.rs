//! The seed post's experiment: y = w x fitted to three points on the line y = 2x,
//! first with loops over the samples as the post writes it, and the closed forms of
//! the paths that batch and stochastic descent take on it.

// ANCHOR: seed_data
/// The inputs of the seed post's three samples.
pub const SEED_X: [f64; 3] = [1.0, 2.0, 3.0];
/// Their targets, on the line y = 2x.
pub const SEED_Y: [f64; 3] = [2.0, 4.0, 6.0];
/// The seed post's starting weight,
pub const SEED_W: f64 = 1.0;
/// its learning rate,
pub const SEED_LR: f64 = 0.01;
/// and its number of epochs.
pub const SEED_EPOCHS: usize = 100;
// ANCHOR_END: seed_data

// ANCHOR: loops
/// The cost of y = w x on the samples, with a loop as the post writes it: the mean
/// of the squared errors (w x_i - y_i)^2.
pub fn cost_with_loops(xs: &[f64], ys: &[f64], w: f64) -> f64 {
    let mut cost = 0.0;
    for (x, y) in xs.iter().zip(ys) {
        cost += (w * x - y).powi(2);
    }
    cost / xs.len() as f64
}

/// The derivative of that cost with respect to w, with a loop:
/// (2/n) sum_i x_i (w x_i - y_i).
pub fn gradient_with_loops(xs: &[f64], ys: &[f64], w: f64) -> f64 {
    let mut grad = 0.0;
    for (x, y) in xs.iter().zip(ys) {
        grad += 2.0 * x * (w * x - y);
    }
    grad / xs.len() as f64
}
// ANCHOR_END: loops

// ANCHOR: closed_forms
/// What one epoch of batch descent multiplies w - 2 by on the seed data:
/// 1 - lr (2/n) sum x_i^2 = 1 - lr 28/3.
pub fn batch_factor(lr: f64) -> f64 {
    let sum_of_squares: f64 = SEED_X.iter().map(|x| x * x).sum();
    1.0 - lr * 2.0 * sum_of_squares / SEED_X.len() as f64
}

/// What one epoch of stochastic descent, the samples in order, multiplies w - 2 by:
/// each sample's update multiplies it by 1 - 2 lr x_i^2, so the epoch by
/// (1 - 2 lr) (1 - 8 lr) (1 - 18 lr).
pub fn sgd_factor(lr: f64) -> f64 {
    SEED_X.iter().map(|x| 1.0 - 2.0 * lr * x * x).product()
}

/// The weight after k epochs whose factor is `factor`, from w0: the line's slope 2
/// plus what is left of the starting gap, 2 + factor^k (w0 - 2).
pub fn after_epochs(w0: f64, factor: f64, k: usize) -> f64 {
    2.0 + factor.powi(k as i32) * (w0 - 2.0)
}
// ANCHOR_END: closed_forms

#[cfg(test)]
mod tests {
    use super::*;
    use chapter01::check::assert_close;
    use chapter01::exercises::central_difference;

    /// Thirds and hundredths are not exact in binary: a few roundings of numbers
    /// near 1 to 10, so 1e-15 (1 + |expected|).
    const ROUNDING: f64 = 1e-15;

    #[test]
    fn the_cost_at_w_one_is_fourteen_thirds() {
        // Errors w x - y = -1, -2, -3; squares 1, 4, 9; mean 14/3.
        let cost = cost_with_loops(&SEED_X, &SEED_Y, 1.0);
        assert_close("cost at w = 1", cost, 14.0 / 3.0, ROUNDING);
    }

    #[test]
    fn the_gradient_is_twenty_eight_thirds_times_w_minus_two() {
        // (2/3) (1 (w - 2) + 2 (2w - 4) + 3 (3w - 6)) = (2/3) 14 (w - 2).
        for w in [1.0, 2.0, 3.5, -1.25] {
            let grad = gradient_with_loops(&SEED_X, &SEED_Y, w);
            let what = format!("gradient at w = {w}");
            assert_close(&what, grad, 28.0 / 3.0 * (w - 2.0), 10.0 * ROUNDING);
        }
    }

    #[test]
    fn the_gradient_agrees_with_a_central_difference_of_the_cost() {
        // The cost is quadratic in w, so the central difference has no truncation
        // error; the costs (about 5 to 25) round by a few 1e-15 each, which over
        // 2h = 2e-5 is a few 1e-10. We allow 1e-8 (1 + |g|).
        for w in [1.0, 2.5, -0.75] {
            let by_loops = gradient_with_loops(&SEED_X, &SEED_Y, w);
            let cost = |w| cost_with_loops(&SEED_X, &SEED_Y, w);
            let by_differences = central_difference(cost, w, 1e-5);
            assert_close(
                &format!("gradient at {w}"),
                by_loops,
                by_differences,
                1e-8,
            );
        }
    }

    #[test]
    fn batch_descent_with_lr_a_hundredth_keeps_nine_tenths_of_the_gap() {
        // 1 - 0.01 * 28/3 = 1 - 0.28/3 = 0.90666...
        assert_close("factor", batch_factor(SEED_LR), 1.0 - 0.28 / 3.0, ROUNDING);
        // After 100 epochs 0.90666...^100 = exp(100 ln 0.90666...) =
        // exp(-9.7980) = 5.556e-5 of the gap is left: w = 2 - 5.556e-5. To four
        // digits: we allow 1e-4 (1 + 5.556).
        let left = batch_factor(SEED_LR).powi(100);
        assert_close("gap left after 100 epochs", left * 1e5, 5.556, 1e-4);
    }

    #[test]
    fn an_sgd_epoch_keeps_less_than_three_quarters_of_the_gap() {
        // 0.98 * 0.92 * 0.82 = 0.9016 * 0.82 = 0.739312.
        assert_close("factor", sgd_factor(SEED_LR), 0.739312, ROUNDING);
        // 0.739312^100 = exp(100 ln 0.739312) = exp(-30.2036) = 7.634e-14. To four
        // digits: we allow 1e-4 (1 + 7.634).
        let left = sgd_factor(SEED_LR).powi(100);
        assert_close("gap left after 100 epochs", left * 1e14, 7.634, 1e-4);
    }

    #[test]
    fn per_update_the_two_keep_about_the_same_share_of_the_gap() {
        // Batch: 0.9067 per update. Stochastic: 0.739312 per three updates, so
        // 0.739312^(1/3) = 0.9042 per update on average. To four decimals.
        let round4 = |v: f64| (v * 1e4).round();
        assert_eq!(round4(batch_factor(SEED_LR)), 9067.0);
        assert_eq!(round4(sgd_factor(SEED_LR).cbrt()), 9042.0);
    }

    #[test]
    fn batch_descent_overshoots_beyond_three_28ths_and_diverges_beyond_three_14ths()
    {
        // 1 - lr 28/3 = -1 at lr = 2 / (28/3) = 3/14 = 0.214: beyond, each epoch
        // makes the gap larger. The update on x = 3 alone multiplies the gap by
        // 1 - 18 lr, which is -1 at lr = 1/9 = 0.111.
        assert_close(
            "batch factor at 3/14",
            batch_factor(3.0 / 14.0),
            -1.0,
            ROUNDING,
        );
        // At lr = 3/28 = 0.107, one over the curvature 28/3, one epoch lands on 2.
        assert_close(
            "batch factor at 3/28",
            batch_factor(3.0 / 28.0),
            0.0,
            ROUNDING,
        );
        assert_close("x = 3's factor at 1/9", 1.0 - 18.0 / 9.0, -1.0, ROUNDING);
    }

    #[test]
    fn stochastic_descent_converges_beyond_one_ninth_up_to_about_0_204() {
        // At lr = 0.15 the update on x = 3 alone multiplies the gap by 1 - 18 * 0.15
        // = -1.7, but the epoch by (1 - 0.3)(1 - 1.2)(1 - 2.7) = 0.7 * -0.2 * -1.7
        // = 0.238. The product (1 - 2 lr)(1 - 8 lr)(1 - 18 lr) reaches 1 between
        // 0.204 (0.592 * 0.632 = 0.374144, times 2.672 = 0.999712768) and 0.205
        // (0.59 * 0.64 = 0.3776, times 2.69 = 1.015744). Decimals are not exact in
        // binary: ROUNDING.
        assert_close("x = 3's factor at 0.15", 1.0 - 18.0 * 0.15, -1.7, ROUNDING);
        assert_close("epoch factor at 0.15", sgd_factor(0.15), 0.238, ROUNDING);
        assert_close(
            "epoch factor at 0.204",
            sgd_factor(0.204),
            0.999712768,
            ROUNDING,
        );
        assert_close(
            "epoch factor at 0.205",
            sgd_factor(0.205),
            1.015744,
            ROUNDING,
        );
    }
}

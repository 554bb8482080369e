//! The seed post's loop: the value of f, its gradient, one step of an optimizer,
//! again and again.

use crate::himmelblau::{himmelblau, himmelblau_gradient};
use crate::optim::Optimizer;
use num_traits::Float;

// ANCHOR: seed_loop
/// What the seed's loop records at each step: f before the step and the point after.
pub type Record<T> = Vec<(T, [T; 2])>;

/// The seed post's loop, `steps` times: the value of f at x, its gradient (PyTorch's
/// `backward`), one step of the optimizer. Returns, for each step, the value before
/// the step and the point after it, which is what the seed prints.
pub fn seed_loop<T: Float>(
    optimizer: &mut impl Optimizer<T>,
    start: [T; 2],
    steps: usize,
) -> Record<T> {
    let mut x = start;
    let mut record = Vec::with_capacity(steps);
    for _ in 0..steps {
        let value = himmelblau(&x);
        let grads = himmelblau_gradient(&x);
        optimizer.step(&mut x, &grads);
        record.push((value, x));
    }
    record
}
// ANCHOR_END: seed_loop

#[cfg(test)]
mod tests {
    use super::*;
    use crate::himmelblau::himmelblau_minima;
    use chapter01::check::assert_close;

    #[test]
    fn taylor_to_second_order_explains_the_drop_of_the_first_descent_step() {
        // One step of descent with lr = 0.001 from (-4, 0), where g = (-102, 10),
        // goes to (-3.898, -0.01) (written out here, not by the learner's
        // descent_step). The Hessian there is [[150, -16], [-16, -42]] (chapter 2),
        // g.H g = 150 * 10404 + 2 * (-16) * (-1020) - 42 * 100 = 1589040, exact in
        // f64. First order: 0.001 * 10504 = 10.504; second order: 10.504 -
        // 1e-6 * 1589040 / 2 = 9.70948; the third-order term is about 0.017, so the
        // actual drop is within 0.02 of the second-order prediction (we allow that).
        let h = chapter02::himmelblau::himmelblau_hessian([-4.0, 0.0]);
        assert_eq!(h, [[150.0, -16.0], [-16.0, -42.0]]);
        let g = [-102.0, 10.0];
        let ghg = g[0] * (h[0][0] * g[0] + h[0][1] * g[1])
            + g[1] * (h[1][0] * g[0] + h[1][1] * g[1]);
        assert_close("g.H g", ghg, 1589040.0, 0.0);
        let drop = himmelblau(&[-4.0, 0.0]) - himmelblau(&[-3.898, -0.01]);
        let second_order = 0.001 * 10504.0 - 0.5 * 1e-6 * ghg;
        assert_close("second-order prediction", second_order, 9.70948, 1e-6);
        let err = (drop - second_order).abs();
        assert!(
            err < 0.02,
            "drop {drop}, second-order prediction {second_order}"
        );
    }

    #[test]
    fn the_seeds_end_is_the_f32_nearest_the_minimum_and_f_is_zero_there() {
        // The seed experiment ends at [-3.7793102, -3.283186] (as Rust prints f32s);
        // rounding chapter 2's minimum (-3.779310253..., -3.283185991...) to the
        // nearest f32 gives the same two numbers, and f computes to exactly 0 there
        // in f32 arithmetic.
        let minimum = himmelblau_minima()[0];
        let nearest = [minimum[0] as f32, minimum[1] as f32];
        assert_eq!(nearest, [-3.7793102f32, -3.283186f32]);
        assert_eq!(himmelblau(&nearest), 0.0f32, "f at {nearest:?} in f32");
    }

    #[test]
    fn in_f32_a_step_below_1_2e_minus_7_cannot_move_x_near_minus_3_78() {
        // Between 2 and 4, f32s are 2^-22 = 2.38e-7 apart (23 bits after the point,
        // exponent 1), so x - s rounds back to x when |s| is below half of that,
        // 1.19e-7. With lr = 0.001 that is a gradient below 1.19e-4.
        let x = -3.779309f32;
        let gap = f64::from(x.next_down() - x).abs();
        assert_close("gap between f32s near -3.78", gap, 2f64.powi(-22), 0.0);
        assert_eq!(x - 0.001 * 1.1e-4, x, "a step of 1.1e-7 is lost");
        assert_ne!(x - 0.001 * 1.3e-4, x, "a step of 1.3e-7 is not");
    }

    /// An optimizer that moves every parameter by -0.001 times its gradient, written
    /// out so these tests do not need the learner's exercises.
    struct Tiny;
    impl Optimizer<f32> for Tiny {
        fn step(&mut self, params: &mut [f32], grads: &[f32]) {
            for (p, g) in params.iter_mut().zip(grads) {
                *p -= 0.001 * g;
            }
        }
        fn lr(&self) -> f32 {
            0.001
        }
    }

    #[test]
    fn the_seed_loop_records_the_value_before_and_the_point_after_each_step() {
        // From (-4, 0), f = 146 and the gradient is [-102, 10]: the step moves to
        // (-4 + 0.102, 0 - 0.01) = (-3.898, -0.01). f32 rounds each: 1e-6 (1 + |x|).
        let record = seed_loop(&mut Tiny, [-4.0, 0.0], 2);
        assert_eq!(record.len(), 2);
        let (value, x) = record[0];
        assert_close("f before step 0", f64::from(value), 146.0, 0.0);
        assert_close("x after step 0", f64::from(x[0]), -3.898, 1e-6);
        assert_close("y after step 0", f64::from(x[1]), -0.01, 1e-6);
        let (value, _) = record[1];
        assert_close(
            "f before step 1",
            f64::from(value),
            f64::from(himmelblau(&x)),
            0.0,
        );
    }
}

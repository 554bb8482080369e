//! Newton's method on the gradient: it looks for a point where the gradient is
//! zero by solving, at each step, for the point where the gradient's linear
//! approximation vanishes.

// ANCHOR: newton_step
/// One step of Newton's method towards a zero of the gradient: p - H^-1 g, where g is
/// the gradient and H = [[a, b], [c, d]] the Hessian at p. The 2×2 system H s = g is
/// solved by hand: s = [d g0 - b g1, a g1 - c g0] / (a d - b c). `None` when H is
/// singular (a d - b c = 0) and there is no step.
pub fn newton_step(p: [f64; 2], g: [f64; 2], h: [[f64; 2]; 2]) -> Option<[f64; 2]> {
    let [[a, b], [c, d]] = h;
    let det = a * d - b * c;
    if det == 0.0 {
        return None;
    }
    let step = [(d * g[0] - b * g[1]) / det, (a * g[1] - c * g[0]) / det];
    Some([p[0] - step[0], p[1] - step[1]])
}
// ANCHOR_END: newton_step

// ANCHOR: newton
/// Newton's method on the gradient from `start`: steps until a step moves the point by
/// less than 1e-12 (1 + |p|), and returns that point. `None` if it has not settled
/// after 100 steps, meets a singular Hessian or leaves the finite numbers.
pub fn newton(
    gradient: impl Fn([f64; 2]) -> [f64; 2],
    hessian: impl Fn([f64; 2]) -> [[f64; 2]; 2],
    start: [f64; 2],
) -> Option<[f64; 2]> {
    let mut p = start;
    for _ in 0..100 {
        let next = newton_step(p, gradient(p), hessian(p))?;
        if !(next[0].is_finite() && next[1].is_finite()) {
            return None;
        }
        let moved = (next[0] - p[0]).hypot(next[1] - p[1]);
        p = next;
        if moved < 1e-12 * (1.0 + p[0].hypot(p[1])) {
            return Some(p);
        }
    }
    None
}
// ANCHOR_END: newton

#[cfg(test)]
mod tests {
    use super::*;
    use crate::himmelblau::himmelblau_hessian;
    use chapter01::check::assert_close;

    #[test]
    fn a_newton_step_lands_on_the_centre_of_a_quadratic_bowl() {
        // f = (x - 1)^2 + 2(y + 3)^2: gradient [2(x - 1), 4(y + 3)], Hessian
        // diag(2, 4). From (0, 0): g = [-2, 12], step [-2/2, 12/4] = [-1, 3], so
        // p - step = (1, -3), the centre, exactly.
        let p = newton_step([0.0, 0.0], [-2.0, 12.0], [[2.0, 0.0], [0.0, 4.0]]);
        assert_eq!(p, Some([1.0, -3.0]));
    }

    #[test]
    fn a_newton_step_solves_a_coupled_system_by_hand() {
        // H = [[2, 1], [1, 3]], det = 5; g = [3, 4]: s = [3 * 3 - 1 * 4, 2 * 4 - 1 * 3]
        // / 5 = [1, 1], so from (1, 1) the step lands on (0, 0). Check: H [1, 1] =
        // [3, 4] = g. Fifths round, so allow 1e-15.
        let [x, y] = newton_step([1.0, 1.0], [3.0, 4.0], [[2.0, 1.0], [1.0, 3.0]])
            .expect("H is not singular");
        assert_close("x", x, 0.0, 1e-15);
        assert_close("y", y, 0.0, 1e-15);
    }

    #[test]
    fn there_is_no_newton_step_with_a_singular_hessian() {
        // det [[1, 2], [2, 4]] = 4 - 4 = 0.
        let step = newton_step([0.0, 0.0], [1.0, 1.0], [[1.0, 2.0], [2.0, 4.0]]);
        assert_eq!(step, None);
    }

    #[test]
    fn newton_finds_three_two_from_nearby() {
        // The gradient of the expanded polynomial, written out so this test does not
        // need Exercise 2.3. (3, 2) is a zero: 108 + 24 + 8 - 126 - 14 = 0 and
        // 32 + 18 + 24 - 52 - 22 = 0. Newton settles on it to within rounding.
        let gradient = |[x, y]: [f64; 2]| {
            [
                4.0 * x.powi(3) + 4.0 * x * y + 2.0 * y * y - 42.0 * x - 14.0,
                4.0 * y.powi(3) + 2.0 * x * x + 4.0 * x * y - 26.0 * y - 22.0,
            ]
        };
        let [x, y] = newton(gradient, himmelblau_hessian, [2.5, 2.5])
            .expect("Newton converges from (2.5, 2.5)");
        assert_close("x", x, 3.0, 1e-14);
        assert_close("y", y, 2.0, 1e-14);
    }
}

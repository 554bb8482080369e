//! Newton's method on the gradient: it looks for a point where the gradient is
//! zero by solving, at each step, for the point where the gradient's linear
//! approximation vanishes.

// ANCHOR: newton_step
/// One step of Newton's method towards a zero of the gradient: p - H^-1 g, where g is
/// the gradient and H = [[α, β], [β, γ]] the (symmetric) Hessian at p. The 2×2 system
/// H q = g is solved by hand: q = [γ g0 - β g1, α g1 - β g0] / (αγ - β^2), and the
/// new point is p - q. `None` when H is singular (αγ - β^2 = 0) and there is no step.
pub fn newton_step(
    p: [f64; 2],
    g: [f64; 2],
    hessian: [[f64; 2]; 2],
) -> Option<[f64; 2]> {
    let [[alpha, beta], [_, gamma]] = hessian;
    let det = alpha * gamma - beta * beta;
    if det == 0.0 {
        return None;
    }
    let q = [
        (gamma * g[0] - beta * g[1]) / det,
        (alpha * g[1] - beta * g[0]) / det,
    ];
    Some([p[0] - q[0], p[1] - q[1]])
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
    fn in_one_variable_newton_doubles_the_correct_digits_of_root_two() {
        // g(x) = x^2 - 2, g'(x) = 2x: x <- x - (x^2 - 2) / 2x = x/2 + 1/x. From 1, by
        // hand in fractions: 3/2, 17/12, 577/408, 665857/470832. The errors
        // e = x - sqrt 2 obey e_next = e^2 / 2x (expand (x/2 + 1/x) - sqrt 2 over the
        // common denominator 2x): 0.0858, 0.0858^2 / 3 = 0.00245,
        // 0.00245^2 / 2.83 = 2.1e-6, (2.1e-6)^2 / 2.83 = 1.6e-12. The iterates are
        // exact but for a rounding or two (1e-15); each error is asserted to the two
        // digits the book prints.
        let mut x: f64 = 1.0;
        let want = [3.0 / 2.0, 17.0 / 12.0, 577.0 / 408.0, 665857.0 / 470832.0];
        let errors = [8.6e-2, 2.5e-3, 2.1e-6, 1.6e-12];
        for (k, (w, e)) in want.into_iter().zip(errors).enumerate() {
            x -= (x * x - 2.0) / (2.0 * x);
            assert_close(&format!("x{}", k + 1), x, w, 1e-15);
            let error = x - 2f64.sqrt();
            let two_digits = format!("{error:.1e}").parse::<f64>().unwrap();
            assert_close(&format!("error of x{}", k + 1), two_digits, e, 0.0);
        }
    }

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

//! Himmelblau's function in any float type, so that the seed post's experiment can
//! run in f32 as PyTorch does, and its minima and saddle points, from chapter 2.

use chapter02::critical::{CriticalKind, himmelblau_critical_points};
use num_traits::Float;

// ANCHOR: himmelblau
/// Himmelblau's function (x^2 + y - 11)^2 + (x + y^2 - 7)^2 at p = [x, y], in any
/// float type. Panics unless p has two coordinates.
pub fn himmelblau<T: Float>(p: &[T]) -> T {
    let (a, b) = residuals(p);
    a * a + b * b
}

/// Its gradient, [4x a + 2b, 2a + 4y b] with a = x^2 + y - 11 and b = x + y^2 - 7:
/// the chain rule on each square, as chapter 2 derives it.
pub fn himmelblau_gradient<T: Float>(p: &[T]) -> Vec<T> {
    let (a, b) = residuals(p);
    let (two, four) = (T::one() + T::one(), T::from(4).expect("4 is a float"));
    vec![four * p[0] * a + two * b, two * a + four * p[1] * b]
}

/// The two squared terms' insides, a = x^2 + y - 11 and b = x + y^2 - 7.
fn residuals<T: Float>(p: &[T]) -> (T, T) {
    let &[x, y] = p else {
        panic!(
            "Himmelblau's function takes a point [x, y], got {} numbers",
            p.len()
        )
    };
    let (seven, eleven) = (T::from(7).expect("7"), T::from(11).expect("11"));
    (x * x + y - eleven, x + y * y - seven)
}
// ANCHOR_END: himmelblau

// ANCHOR: himmelblau_minima
/// The four minima of Himmelblau's function, from left to right, as chapter 2 finds
/// them: about (-3.78, -3.28), (-2.81, 3.13), (3, 2) and (3.58, -1.85), where f = 0.
pub fn himmelblau_minima() -> Vec<[f64; 2]> {
    himmelblau_critical_points()
        .into_iter()
        .filter(|point| point.kind == CriticalKind::Minimum)
        .map(|point| point.at)
        .collect()
}

/// The four saddle points of Himmelblau's function, from left to right, as chapter 2
/// finds them: the first is about (-3.07, -0.08), between the two minima on the left.
pub fn himmelblau_saddles() -> Vec<[f64; 2]> {
    himmelblau_critical_points()
        .into_iter()
        .filter(|point| point.kind == CriticalKind::Saddle)
        .map(|point| point.at)
        .collect()
}

/// The minimum within `within` of `p`, if there is one.
pub fn minimum_near(p: [f64; 2], within: f64) -> Option<[f64; 2]> {
    himmelblau_minima()
        .into_iter()
        .find(|m| (p[0] - m[0]).hypot(p[1] - m[1]) <= within)
}
// ANCHOR_END: himmelblau_minima

#[cfg(test)]
mod tests {
    use super::*;
    use chapter01::check::{assert_agree, assert_close};
    use chapter01::exercises::central_difference;

    /// Points on a grid over the square the seed post draws, [-6, 6]^2.
    fn grid() -> impl Iterator<Item = [f64; 2]> {
        (-6..=6).flat_map(|i| (-6..=6).map(move |j| [i as f64, j as f64 + 0.25]))
    }

    #[test]
    fn in_f64_it_is_chapter_twos_function_and_gradient() {
        // The same formulas in the same order: equal but for a rounding or two of
        // numbers up to about 2426 (f) and 826 (gradient): 1e-15 (1 + |expected|).
        for p in grid() {
            let what = format!("f{p:?}");
            let by_two = chapter02::himmelblau::himmelblau(p);
            assert_close(&what, himmelblau(&p), by_two, 1e-15);
            let want = chapter02::exercises::himmelblau_gradient(p);
            for (i, (got, want)) in
                himmelblau_gradient(&p).into_iter().zip(want).enumerate()
            {
                assert_close(&format!("∂f/∂x_{i} at {p:?}"), got, want, 1e-15);
            }
        }
    }

    #[test]
    fn in_f32_it_agrees_with_chapter_two_to_single_precision() {
        // f32 rounds each operation by at most 2^-24 = 6e-8 of its size. The inputs
        // are exact in f32 (quarters); a and b are at most about 45 and round twice,
        // f (at most 2426 on the grid) rounds three more times: a few 1e-7 relative.
        // We allow 1e-6 (1 + |expected|).
        for p in grid() {
            let p32 = [p[0] as f32, p[1] as f32];
            let by_two = chapter02::himmelblau::himmelblau(p);
            let got = f64::from(himmelblau(&p32));
            assert_agree(
                &format!("f{p:?}"),
                "f32",
                got,
                "chapter 2, f64",
                by_two,
                1e-6,
            );
        }
    }

    #[test]
    fn gradient_agrees_with_central_differences() {
        // Chapter 1's central difference with h = 1e-5. Truncation: h^2 |f_xxx| / 6
        // with f_xxx = 24x, and the same for y, at most 24 * 6.25 = 150 on the grid:
        // 2.5e-9. Round-off: EPSILON |f| / h with |f| <= 2426 on the grid: 5.4e-8.
        // We allow 1e-6 (1 + |g|).
        let h = 1e-5;
        for p in grid() {
            let g = himmelblau_gradient(&p);
            let dx = central_difference(|x| himmelblau(&[x, p[1]]), p[0], h);
            let dy = central_difference(|y| himmelblau(&[p[0], y]), p[1], h);
            assert_agree(
                &format!("∂f/∂x at {p:?}"),
                "by hand",
                g[0],
                "differences",
                dx,
                1e-6,
            );
            assert_agree(
                &format!("∂f/∂y at {p:?}"),
                "by hand",
                g[1],
                "differences",
                dy,
                1e-6,
            );
        }
    }

    #[test]
    fn at_the_seeds_start_f_is_146_and_the_gradient_minus_102_10() {
        // At (-4, 0): a = 16 - 11 = 5, b = -4 - 7 = -11; f = 25 + 121 = 146;
        // gradient [4 (-4) 5 + 2 (-11), 2 * 5 + 0] = [-102, 10]. Exact in f32.
        let p = [-4.0f32, 0.0];
        assert_close("f(-4, 0)", f64::from(himmelblau(&p)), 146.0, 0.0);
        let g = himmelblau_gradient(&p);
        assert_close("∂f/∂x", f64::from(g[0]), -102.0, 0.0);
        assert_close("∂f/∂y", f64::from(g[1]), 10.0, 0.0);
    }

    #[test]
    fn the_minima_are_the_four_zeros_of_f() {
        // f = 0 at each minimum; f is a sum of squares of a and b, each 0 there but
        // for rounding of a point off by about 1e-15: f of size 1e-28. We allow 1e-20.
        let minima = himmelblau_minima();
        assert_eq!(minima.len(), 4, "{minima:?}");
        assert_close("x of the third minimum", minima[2][0], 3.0, 1e-12);
        assert_close("y of the third minimum", minima[2][1], 2.0, 1e-12);
        for m in &minima {
            assert_close(&format!("f{m:?}"), himmelblau(m), 0.0, 1e-20);
        }
        assert_eq!(minimum_near([2.9, 2.1], 0.2), Some(minima[2]));
        // The leftmost saddle point, between the two minima on the left: chapter 2
        // prints it as (-3.073026, -0.081353), f = 104.0152 (rounded; we allow 1e-6
        // (1 + |x|) and 1e-6 (1 + f)).
        let saddle = himmelblau_saddles()[0];
        assert_close("x of the left saddle", saddle[0], -3.073026, 1e-6);
        assert_close("y of the left saddle", saddle[1], -0.081353, 1e-6);
        assert_close("f at the left saddle", himmelblau(&saddle), 104.0152, 1e-6);
        assert_eq!(minimum_near([0.0, 0.0], 0.2), None);
    }
}

//! Himmelblau's function, the seed post's test surface, and its second derivatives.

// ANCHOR: himmelblau
/// Himmelblau's function f(x, y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2 at p = [x, y].
pub fn himmelblau([x, y]: [f64; 2]) -> f64 {
    (x * x + y - 11.0).powi(2) + (x + y * y - 7.0).powi(2)
}
// ANCHOR_END: himmelblau

// ANCHOR: himmelblau_hessian
/// The Hessian of Himmelblau's function at p = [x, y], the matrix of its second
/// partial derivatives: [[12x^2 + 4y - 42, 4x + 4y], [4x + 4y, 12y^2 + 4x - 26]].
pub fn himmelblau_hessian([x, y]: [f64; 2]) -> [[f64; 2]; 2] {
    let mixed = 4.0 * x + 4.0 * y;
    [
        [12.0 * x * x + 4.0 * y - 42.0, mixed],
        [mixed, 12.0 * y * y + 4.0 * x - 26.0],
    ]
}
// ANCHOR_END: himmelblau_hessian

#[cfg(test)]
mod tests {
    use super::*;
    use chapter01::check::{assert_agree, assert_close};
    use chapter01::exercises::central_difference;

    /// Whole numbers: exact in f64 but for a rounding or two, so 1e-15 (1 + |expected|).
    const ROUNDING: f64 = 1e-15;

    /// The gradient of the expanded polynomial
    /// f = x^4 + y^4 + 2x^2 y + 2x y^2 - 21x^2 - 13y^2 - 14x - 22y + 170, term by term:
    /// written out here so these tests do not need the learner's Exercise 2.3.
    fn gradient([x, y]: [f64; 2]) -> [f64; 2] {
        [
            4.0 * x.powi(3) + 4.0 * x * y + 2.0 * y * y - 42.0 * x - 14.0,
            4.0 * y.powi(3) + 2.0 * x * x + 4.0 * x * y - 26.0 * y - 22.0,
        ]
    }

    #[test]
    fn is_zero_at_three_two_and_one_hundred_seventy_at_the_origin() {
        // (9 + 2 - 11)^2 + (3 + 4 - 7)^2 = 0; (-11)^2 + (-7)^2 = 121 + 49 = 170;
        // at (-4, 0), the seed post's start: 5^2 + (-11)^2 = 25 + 121 = 146.
        assert_close("f(3, 2)", himmelblau([3.0, 2.0]), 0.0, 0.0);
        assert_close("f(0, 0)", himmelblau([0.0, 0.0]), 170.0, ROUNDING);
        assert_close("f(-4, 0)", himmelblau([-4.0, 0.0]), 146.0, ROUNDING);
    }

    #[test]
    fn is_largest_at_the_corner_six_six_where_it_is_2186() {
        // (36 + 6 - 11)^2 + (6 + 36 - 7)^2 = 31^2 + 35^2 = 961 + 1225 = 2186, past
        // 2000, the top of the surface figure. On a fine grid over [-6, 6]^2 no point
        // is higher.
        assert_close("f(6, 6)", himmelblau([6.0, 6.0]), 2186.0, ROUNDING);
        for i in -24..=24 {
            for j in -24..=24 {
                let p = [i as f64 / 4.0, j as f64 / 4.0];
                assert!(himmelblau(p) <= 2186.0, "f{p:?} = {}", himmelblau(p));
            }
        }
    }

    #[test]
    fn equals_its_expanded_polynomial() {
        // Expanding both squares: x^4 + 2x^2 y + y^2 - 22x^2 - 22y + 121 and
        // x^2 + 2x y^2 + y^4 - 14x - 14y^2 + 49. Values up to about 2200 on
        // [-6, 6]^2, each term rounded: allow 1e-13 (1 + |f|).
        let expanded = |x: f64, y: f64| {
            x.powi(4) + y.powi(4) + 2.0 * x * x * y + 2.0 * x * y * y
                - 21.0 * x * x
                - 13.0 * y * y
                - 14.0 * x
                - 22.0 * y
                + 170.0
        };
        for (x, y) in [(0.5, -1.5), (-6.0, 6.0), (3.25, 2.75), (-2.0, -4.0)] {
            let what = format!("f({x}, {y})");
            let f = himmelblau([x, y]);
            assert_agree(&what, "squares", f, "expanded", expanded(x, y), 1e-13);
        }
    }

    #[test]
    fn the_expanded_gradient_agrees_with_central_differences() {
        // f is quartic with third derivatives at most 24 * 6 = 144 on [-6, 6]^2: with
        // h = 1e-5 truncation is h^2 * 144 / 6 = 2.4e-9; |f| <= 2200, so round-off is
        // about 4 ε * 2200 / 2e-5 = 1e-7. Allow 1e-6 (1 + |derivative|).
        for (x, y) in [(0.0, 0.0), (3.0, 2.0), (-4.0, 0.5), (5.5, -6.0)] {
            let [gx, gy] = gradient([x, y]);
            let dx = central_difference(|x| himmelblau([x, y]), x, 1e-5);
            let dy = central_difference(|y| himmelblau([x, y]), y, 1e-5);
            let what = format!("gradient at ({x}, {y})");
            assert_agree(&what, "expanded", gx, "differences", dx, 1e-6);
            assert_agree(&what, "expanded", gy, "differences", dy, 1e-6);
        }
    }

    #[test]
    fn downhill_from_the_origin_is_not_towards_three_two() {
        // ∇f(0, 0) = (-14, -22), |∇f| = sqrt(196 + 484) = sqrt(680) = 26.08; the
        // steepest way down, (14, 22) / 26.08 = (0.537, 0.844), is 23.8 degrees
        // away from the way to the minimum, (3, 2) / sqrt(13) = (0.832, 0.555).
        let [gx, gy] = gradient([0.0, 0.0]);
        assert_close("∂f/∂x at 0", gx, -14.0, ROUNDING);
        assert_close("∂f/∂y at 0", gy, -22.0, ROUNDING);
        let size = gx.hypot(gy);
        let round = |v: f64, places: i32| (v * 10f64.powi(places)).round();
        assert_close("|∇f|", round(size, 2), 2608.0, 0.0);
        assert_close("down, x", round(-gx / size, 3), 537.0, 0.0);
        assert_close("down, y", round(-gy / size, 3), 844.0, 0.0);
        let to_minimum = [3.0 / 13f64.sqrt(), 2.0 / 13f64.sqrt()];
        assert_close("to (3, 2), x", round(to_minimum[0], 3), 832.0, 0.0);
        assert_close("to (3, 2), y", round(to_minimum[1], 3), 555.0, 0.0);
        let cos = (-gx * to_minimum[0] - gy * to_minimum[1]) / size;
        assert_close("angle", round(cos.acos().to_degrees(), 1), 238.0, 0.0);
    }

    #[test]
    fn the_gradient_is_longest_at_the_corner_six_six() {
        // At (6, 6): 864 + 144 + 72 - 252 - 14 = 814 and 864 + 72 + 144 - 156 - 22 =
        // 902, |∇f| = sqrt(814^2 + 902^2) = 1215.0. On a fine grid over [-6, 6]^2 no
        // point has a longer gradient.
        assert_eq!(gradient([6.0, 6.0]), [814.0, 902.0]);
        let length = |p: [f64; 2]| gradient(p)[0].hypot(gradient(p)[1]);
        assert_close("|∇f(6, 6)|", length([6.0, 6.0]).round(), 1215.0, 0.0);
        for i in -24..=24 {
            for j in -24..=24 {
                let p = [i as f64 / 4.0, j as f64 / 4.0];
                assert!(
                    length(p) <= length([6.0, 6.0]),
                    "|∇f{p:?}| = {}",
                    length(p)
                );
            }
        }
    }

    #[test]
    fn hessian_at_three_two_is_seventy_four_twenty_thirty_four() {
        // 12 * 9 + 8 - 42 = 74; 12 + 8 = 20; 12 * 4 + 12 - 26 = 34.
        let [[a, b], [c, d]] = himmelblau_hessian([3.0, 2.0]);
        assert_close("f_xx", a, 74.0, ROUNDING);
        assert_close("f_xy", b, 20.0, ROUNDING);
        assert_close("f_yx", c, 20.0, ROUNDING);
        assert_close("f_yy", d, 34.0, ROUNDING);
    }

    #[test]
    fn hessian_agrees_with_central_differences_of_the_gradient() {
        // Each column of the Hessian is the derivative of the gradient along one
        // axis. The gradient is cubic, with third derivatives 24 at most, so with
        // h = 1e-5 truncation is h^2 * 24 / 6 = 4e-10; the gradient is at most 1215
        // on [-6, 6]^2, so round-off is about 4 ε * 1215 / 2e-5 = 5.4e-8.
        // Allow 1e-6 (1 + |entry|).
        for (x, y) in [(0.0, 0.0), (3.0, 2.0), (-4.0, 0.5), (5.5, -6.0)] {
            let hessian = himmelblau_hessian([x, y]);
            for (i, row) in hessian.iter().enumerate() {
                let along_x = central_difference(|x| gradient([x, y])[i], x, 1e-5);
                let along_y = central_difference(|y| gradient([x, y])[i], y, 1e-5);
                let what = format!("row {i} at ({x}, {y})");
                assert_agree(&what, "hand", row[0], "diff", along_x, 1e-6);
                assert_agree(&what, "hand", row[1], "diff", along_y, 1e-6);
            }
        }
    }
}

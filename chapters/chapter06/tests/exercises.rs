//! The checks for the exercises of chapter 6, one module per exercise. Run them all
//! with `cargo test -p chapter06`, or one exercise's with a filter such as
//! `cargo test -p chapter06 exercise_6_4`; each failing test names what it expected
//! and what came back.

use chapter01::check::{assert_agree, assert_close};
use chapter01::exercises::central_difference;
use chapter06::chain::{inner, inner_jacobian, outer, outer_jacobian};
use chapter06::exercises::*;
use chapter06::tape::Tape;
use proptest::prelude::*;

/// 64 random cases per property, and no file of failing cases written beside the
/// tests.
fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ANCHOR: tests_rounding
/// The tolerance of a check whose answer is exact but for rounding: a correct
/// answer rounds a few times, each by at most EPSILON / 2 = 1.1e-16 of its size,
/// and `assert_close` allows ROUNDING (1 + |expected|).
const ROUNDING: f64 = 1e-15;

/// The tolerance of a gradient check by central differences with h = 1e-5 on the
/// small, smooth functions of these tests: truncation h^2 |f'''| / 6 is at most
/// 1e-10 * 480 / 6 = 8e-9 (the largest third derivative here is that of a / b,
/// 6 |a| / b^4 <= 6 * 5 / 0.5^4 = 480), and round-off about
/// EPSILON * 100 / 1e-5 = 2.2e-9 for values up to 100. We allow 1e-6 (1 + |f'|).
const BY_DIFFERENCES: f64 = 1e-6;

/// Asserts that the engine's gradient agrees with central differences, to within
/// BY_DIFFERENCES.
#[track_caller]
fn assert_gradient(what: &str, engine: f64, differences: f64) {
    let (a, b) = ("the engine", "central differences");
    assert_agree(what, a, engine, b, differences, BY_DIFFERENCES);
}
// ANCHOR_END: tests_rounding

// ANCHOR: tests_jacobian_product
mod exercise_6_1_jacobian_product {
    use super::*;

    #[test]
    fn the_chain_of_section_6_1_at_one_two_is_8_5_8_4() {
        // dz/dy = [[3, 2], [4, 0]] at y = (2, 3), dy/dx = [[2, 1], [1, 1]] at
        // x = (1, 2): rows times columns, [[6 + 2, 3 + 2], [8 + 0, 4 + 0]].
        // Whole numbers: exact.
        let got = jacobian_product(
            &[vec![3.0, 2.0], vec![4.0, 0.0]],
            &[vec![2.0, 1.0], vec![1.0, 1.0]],
        );
        assert_eq!(got, vec![vec![8.0, 5.0], vec![8.0, 4.0]]);
    }

    #[test]
    fn a_row_times_a_column_is_a_one_by_one_matrix() {
        // [1, 2, 3] times [4, 5, 6] as a column: 4 + 10 + 18 = 32. Exact.
        let got = jacobian_product(
            &[vec![1.0, 2.0, 3.0]],
            &[vec![4.0], vec![5.0], vec![6.0]],
        );
        assert_eq!(got, vec![vec![32.0]]);
    }

    #[test]
    #[should_panic(expected = "outer is 1 × 2 but inner is 3 × 1")]
    fn shapes_that_do_not_fit_are_refused_with_both_shapes() {
        jacobian_product(&[vec![1.0, 2.0]], &[vec![1.0], vec![2.0], vec![3.0]]);
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn the_product_matches_central_differences_of_the_composition(
            x1 in -2.0..2.0f64, x2 in -2.0..2.0f64,
        ) {
            // Along one coordinate each component of z(x) is a quadratic
            // (outer_jacobian and inner show it), so central differences have no
            // truncation error; values stay under 16, so only round-off remains,
            // inside BY_DIFFERENCES's bounds.
            let x = [x1, x2];
            let (outer_j, inner_j) = (outer_jacobian(inner(x)), inner_jacobian(x));
            let product = jacobian_product(&outer_j, &inner_j);
            for (i, row) in product.iter().enumerate() {
                for (j, &entry) in row.iter().enumerate() {
                    let along = |t: f64| {
                        let mut p = x;
                        p[j] = t;
                        outer(inner(p))[i]
                    };
                    assert_agree(
                        &format!("dz{i}/dx{j} at x = {x:?}"),
                        "your jacobian_product", entry,
                        "central differences", central_difference(along, x[j], 1e-5),
                        BY_DIFFERENCES,
                    );
                }
            }
        }
    }
}
// ANCHOR_END: tests_jacobian_product

// ANCHOR: tests_topological_order
mod exercise_6_2_topological_order {
    use super::*;

    /// z = x y with x = s^2, y = 3s, numbered out of tape order: 0 is z, 1 is y,
    /// 2 is s, 3 is x, and 4 a leaf that z does not depend on.
    fn two_paths() -> Vec<Vec<usize>> {
        vec![vec![3, 1], vec![2], vec![], vec![2], vec![]]
    }

    #[test]
    fn the_output_comes_first() {
        assert_eq!(topological_order(&two_paths(), 0).first(), Some(&0));
    }

    #[test]
    fn every_node_comes_before_its_parents() {
        let parents = two_paths();
        let order = topological_order(&parents, 0);
        let place = |node: usize| order.iter().position(|&n| n == node);
        for &node in &order {
            for &parent in &parents[node] {
                assert!(
                    place(node) < place(parent),
                    "node {node} must come before its parent {parent}: {order:?}"
                );
            }
        }
    }

    #[test]
    fn it_holds_each_node_the_output_depends_on_once_and_no_other() {
        // z depends on itself, y, s and x, not on node 4.
        let mut order = topological_order(&two_paths(), 0);
        order.sort();
        assert_eq!(order, vec![0, 1, 2, 3]);
    }

    #[test]
    fn a_node_reached_by_a_short_and_a_long_path_waits_for_both() {
        // 0 uses 2 directly and through 1, which also uses 2. Visiting by
        // distance from the output would put 2 (one step away) before 1 (also one
        // step away but a consumer of 2); the only valid order is 0, 1, 2.
        let parents = vec![vec![2, 1], vec![2], vec![]];
        assert_eq!(topological_order(&parents, 0), vec![0, 1, 2]);
    }

    #[test]
    fn a_value_used_twice_is_visited_once() {
        // b = a + a: node 1 has node 0 twice among its parents.
        assert_eq!(topological_order(&[vec![], vec![0, 0]], 1), vec![1, 0]);
    }
}
// ANCHOR_END: tests_topological_order

// ANCHOR: tests_adjoints
mod exercise_6_3_adjoints {
    use super::*;

    #[test]
    fn b_equals_a_plus_a_gives_a_two() {
        // Two edges from b to a, each with local derivative 1: 1 + 1 = 2.
        let got = adjoints(&[vec![], vec![(0, 1.0), (0, 1.0)]], 1);
        assert_eq!(got, vec![2.0, 1.0]);
    }

    #[test]
    fn the_figure_of_section_6_2_gets_its_gradients() {
        // a = 2, b = -3, e = a b = -6, c = 10, d = e + c = 4, f = -2, L = d f = -8.
        // dL/dL = 1; dL/dd = f = -2, dL/df = d = 4; dL/de = dL/dc = -2 * 1 = -2;
        // dL/da = -2 * b = 6, dL/db = -2 * a = -4. Whole numbers: exact.
        let edges = vec![
            vec![],
            vec![],
            vec![(0, -3.0), (1, 2.0)],
            vec![],
            vec![(2, 1.0), (3, 1.0)],
            vec![],
            vec![(4, -2.0), (5, 4.0)],
        ];
        let got = adjoints(&edges, 6);
        assert_eq!(got, vec![6.0, -4.0, -2.0, -2.0, -2.0, 4.0, 1.0]);
    }

    #[test]
    fn a_node_the_output_does_not_depend_on_gets_zero() {
        // Node 1 is a leaf that node 2 = 5 * node 0 ignores; node 3 comes after
        // the output. Both get 0, node 0 gets 5.
        let edges = vec![vec![], vec![], vec![(0, 5.0)], vec![(2, 7.0)]];
        assert_eq!(adjoints(&edges, 2), vec![5.0, 0.0, 1.0, 0.0]);
    }
}
// ANCHOR_END: tests_adjoints

// ANCHOR: tests_mul_backward
mod exercise_6_4_mul_backward {
    use super::*;
    use chapter04::points::seed_points;
    use chapter04::two_weights::{
        TWO_WEIGHT_LR, TWO_WEIGHT_START, TWO_WEIGHT_STEPS, two_weight_fit,
    };
    use chapter06::seed::engine_two_weight_path;

    #[test]
    fn the_gradient_of_a_times_b_is_b_and_a_times_the_grad() {
        // d(ab)/da = b = 4, d(ab)/db = a = 3; times grad 2: (8, 6). Exact.
        assert_eq!(mul_backward(3.0, 4.0, 2.0), (8.0, 6.0));
    }

    #[test]
    fn x_times_x_gives_two_x() {
        // z = x * x: both factors are x, and the paths add: x + x = 6 at x = 3.
        let tape = Tape::new();
        let x = tape.var(3.0);
        (x * x).backward();
        assert_close("d(x x)/dx at 3", x.grad(), 6.0, 0.0);
    }

    #[test]
    fn gradients_accumulate_over_two_backward_calls_until_zero_grad() {
        // z = x y at (3, 4): dz/dx = 4. Two backward calls: 8. After zero_grad and
        // one call: 4 again. Exact.
        let tape = Tape::new();
        let (x, y) = (tape.var(3.0), tape.var(4.0));
        let z = x * y;
        z.backward();
        z.backward();
        assert_close("x.grad after two calls", x.grad(), 8.0, 0.0);
        tape.zero_grad();
        z.backward();
        assert_close("x.grad after zero_grad and one call", x.grad(), 4.0, 0.0);
    }

    #[test]
    fn the_engine_follows_chapter_4s_two_weight_path_step_by_step() {
        // Chapter 4's hand-derived gradient and the engine's compute the same sums
        // in other orders, so each step differs by rounding only: gradients of
        // about 100 off by a few 1e-14, times lr = 1e-6, on weights near 0.5.
        // Over 999 steps that stays far below 1e-13 (1 + |w|).
        let (x, y) = seed_points();
        let (start, lr, steps) = (TWO_WEIGHT_START, TWO_WEIGHT_LR, TWO_WEIGHT_STEPS);
        let by_hand = two_weight_fit(x.view(), y.view(), start, lr, steps).path;
        let by_engine = engine_two_weight_path(x.view(), y.view(), start, lr, steps);
        assert_eq!(by_engine.len(), steps + 1);
        for (k, (h, e)) in by_hand.iter().zip(&by_engine).enumerate() {
            for i in 0..2 {
                let what = format!("w{} after step {k}", i + 1);
                assert_agree(&what, "engine", e[i], "chapter 4", h[i], 1e-13);
            }
        }
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn matches_central_differences(a in -5.0..5.0f64, b in -5.0..5.0f64) {
            // A product is linear in each factor: differences are exact but for
            // round-off (EPSILON * 25 / 1e-5 = 5.6e-10).
            let tape = Tape::new();
            let (va, vb) = (tape.var(a), tape.var(b));
            (va * vb).backward();
            let da = central_difference(|a| a * b, a, 1e-5);
            let db = central_difference(|b| a * b, b, 1e-5);
            let at = format!("at a = {a}, b = {b}");
            assert_gradient(
                &format!("d(ab)/da {at}"),
                va.grad(),
                da,
            );
            assert_gradient(
                &format!("d(ab)/db {at}"),
                vb.grad(),
                db,
            );
        }
    }
}
// ANCHOR_END: tests_mul_backward

// ANCHOR: tests_div_backward
mod exercise_6_5_div_backward {
    use super::*;

    #[test]
    fn the_gradient_of_one_over_two_is_a_half_and_minus_a_quarter() {
        // d(a/b)/da = 1/b = 1/2, d(a/b)/db = -a/b^2 = -1/4. Exact in binary.
        assert_eq!(div_backward(1.0, 2.0, 1.0), (0.5, -0.25));
    }

    #[test]
    fn the_grad_from_above_scales_both() {
        // grad 4 at a = 6, b = 3: 4/3 and -4 * 6 / 9 = -8/3. These round: ROUNDING.
        let (da, db) = div_backward(6.0, 3.0, 4.0);
        assert_close("da", da, 4.0 / 3.0, ROUNDING);
        assert_close("db", db, -8.0 / 3.0, ROUNDING);
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn matches_central_differences(a in -5.0..5.0f64, b in 0.5..5.0f64) {
            // b >= 0.5 keeps a / b smooth: |d^3/db^3 (a/b)| = 6|a|/b^4 <= 480.
            // Truncation 1e-10 * 480 / 6 = 8e-9, round-off about
            // EPSILON * 10 / 1e-5 = 2.2e-10: inside BY_DIFFERENCES.
            let tape = Tape::new();
            let (va, vb) = (tape.var(a), tape.var(b));
            (va / vb).backward();
            let da = central_difference(|a| a / b, a, 1e-5);
            let db = central_difference(|b| a / b, b, 1e-5);
            let at = format!("at a = {a}, b = {b}");
            assert_gradient(
                &format!("d(a/b)/da {at}"),
                va.grad(),
                da,
            );
            assert_gradient(
                &format!("d(a/b)/db {at}"),
                vb.grad(),
                db,
            );
        }
    }
}
// ANCHOR_END: tests_div_backward

// ANCHOR: tests_tanh_backward
mod exercise_6_6_tanh_backward {
    use super::*;

    #[test]
    fn at_zero_the_slope_is_one() {
        // tanh 0 = 0: 1 - 0^2 = 1, times grad 1. Exact.
        assert_eq!(tanh_backward(0.0, 1.0), 1.0);
    }

    #[test]
    fn from_an_output_of_a_half_the_slope_is_three_quarters() {
        // 1 - 0.5^2 = 0.75, times grad 2: 1.5. Exact in binary.
        assert_eq!(tanh_backward(0.5, 2.0), 1.5);
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn matches_central_differences(x in -4.0..4.0f64) {
            // |tanh'''| <= 2 and |tanh| <= 1: well inside BY_DIFFERENCES.
            let tape = Tape::new();
            let v = tape.var(x);
            v.tanh().backward();
            let by_differences = central_difference(f64::tanh, x, 1e-5);
            assert_gradient(
                &format!("tanh'({x})"),
                v.grad(),
                by_differences,
            );
        }
    }
}
// ANCHOR_END: tests_tanh_backward

// ANCHOR: tests_leaky_relu
mod exercise_6_7_leaky_relu {
    use super::*;

    #[test]
    fn a_positive_input_passes_through_with_slope_one() {
        // x = 3 > 0: value 3, gradient 1. Exact.
        let tape = Tape::new();
        let x = tape.var(3.0);
        let y = leaky_relu(x, 0.1);
        y.backward();
        assert_close("leaky_relu(3)", y.value(), 3.0, 0.0);
        assert_close("leaky_relu'(3)", x.grad(), 1.0, 0.0);
    }

    #[test]
    fn a_negative_input_is_scaled_by_the_slope() {
        // x = -2: value 0.1 * -2 = -0.2 (the product of the doubles 0.1 and -2 is
        // the double nearest -0.2, within ROUNDING of it), gradient 0.1 (exact: the
        // slope itself).
        let tape = Tape::new();
        let x = tape.var(-2.0);
        let y = leaky_relu(x, 0.1);
        y.backward();
        assert_close("leaky_relu(-2)", y.value(), -0.2, ROUNDING);
        assert_close("leaky_relu'(-2)", x.grad(), 0.1, 0.0);
    }

    #[test]
    fn the_incoming_gradient_is_scaled_not_replaced() {
        // z = leaky_relu(x)^2: dz/dx = 2 y y'(x). At x = 3: 2 * 3 * 1 = 6; at
        // x = -2: 2 * (-0.2) * 0.1 = -0.04. A backward rule that ignores the
        // gradient arriving from z gives 1 and 0.1 instead. A few roundings.
        for (x0, want) in [(3.0, 6.0), (-2.0, -0.04)] {
            let tape = Tape::new();
            let x = tape.var(x0);
            leaky_relu(x, 0.1).powi(2).backward();
            assert_close(
                &format!("d(leaky_relu(x)^2)/dx at {x0}"),
                x.grad(),
                want,
                ROUNDING,
            );
        }
    }

    #[test]
    fn it_is_one_custom_operation_on_the_tape() {
        // Exercise 6.7 asks for Tape::custom named "leaky_relu", not for a
        // combination of the engine's own operations.
        let tape = Tape::new();
        leaky_relu(tape.var(-1.0), 0.1);
        let ops: Vec<String> =
            tape.graph().into_iter().map(|node| node.op).collect();
        assert_eq!(
            ops.last().map(String::as_str),
            Some("leaky_relu"),
            "the last node on the tape should be the custom operation \"leaky_relu\"; \
             the tape holds {ops:?}"
        );
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn matches_central_differences_away_from_zero(
            x in prop_oneof![-5.0..-0.01f64, 0.01..5.0f64], slope in 0.0..0.5f64,
        ) {
            // |x| >= 0.01 > h: both points of the difference are on one side of
            // the kink, where the function is linear; only round-off remains.
            let tape = Tape::new();
            let v = tape.var(x);
            leaky_relu(v, slope).backward();
            let f = |x: f64| if x > 0.0 { x } else { slope * x };
            let by_differences = central_difference(f, x, 1e-5);
            assert_gradient(
                &format!("leaky_relu'({x}) with slope {slope}"),
                v.grad(),
                by_differences,
            );
        }
    }
}
// ANCHOR_END: tests_leaky_relu

// ANCHOR: tests_mse
mod exercise_6_8_mse {
    use super::*;
    use chapter06::seed::{LINREG_B, LINREG_W, LINREG_X, linreg_grads};

    #[test]
    fn the_seed_regression_has_the_gradients_derived_by_hand() {
        // The engine multiplies (w x) and divides (by n) here, so this test needs
        // your answers to Exercises 6.4 and 6.5 too; so do the others below.
        // r = w x + b - y = [3 - 6, 5 - 9, 7 - 12] = [-3, -4, -5].
        // L = (9 + 16 + 25) / 3 = 50/3; dL/dw = (2/3)(-3 - 8 - 15) = -52/3;
        // dL/db = (2/3)(-12) = -8; dL/dx_i = (2/3) r_i w = (4/3) r_i = -4, -16/3,
        // -20/3. A few roundings each: ROUNDING.
        let g = linreg_grads(LINREG_W, LINREG_B, LINREG_X);
        assert_close("loss", g.loss, 50.0 / 3.0, ROUNDING);
        assert_close("w.grad", g.w, -52.0 / 3.0, ROUNDING);
        assert_close("b.grad", g.b, -8.0, ROUNDING);
        for (i, want) in [-4.0, -16.0 / 3.0, -20.0 / 3.0].into_iter().enumerate() {
            assert_close(&format!("x[{i}].grad"), g.x[i], want, ROUNDING);
        }
    }

    #[test]
    fn one_prediction_on_target_has_zero_loss_and_gradient() {
        // (p - t)^2 / 1 with p = t = 2: 0, and d/dp = 2 (p - t) = 0.
        let tape = Tape::new();
        let p = tape.var(2.0);
        let loss = mse(&[p], &[2.0]);
        loss.backward();
        assert_close("loss", loss.value(), 0.0, 0.0);
        assert_close("dL/dp", p.grad(), 0.0, 0.0);
    }

    #[test]
    #[should_panic(expected = "mse: 2 predictions but 3 targets")]
    fn lengths_that_differ_are_refused_with_both() {
        let tape = Tape::new();
        mse(&[tape.var(1.0), tape.var(2.0)], &[1.0, 2.0, 3.0]);
    }

    #[test]
    #[should_panic(expected = "mse: 0 predictions but 0 targets")]
    fn no_predictions_at_all_are_refused() {
        mse(&[], &[]);
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn matches_central_differences(
            p in prop::collection::vec(-5.0..5.0f64, 1..5),
            t in prop::collection::vec(-5.0..5.0f64, 5),
        ) {
            // A quadratic: differences exact but for round-off, about
            // EPSILON * 100 / 1e-5 = 2.2e-9.
            let t = &t[..p.len()];
            let tape = Tape::new();
            let vars: Vec<_> = p.iter().map(|&pi| tape.var(pi)).collect();
            mse(&vars, t).backward();
            for (i, v) in vars.iter().enumerate() {
                let along = |q: f64| {
                    let mut moved = p.clone();
                    moved[i] = q;
                    let squares = moved.iter().zip(t).map(|(m, u)| (m - u).powi(2));
                    squares.sum::<f64>() / p.len() as f64
                };
                let by_differences = central_difference(along, p[i], 1e-5);
                let what = format!("dL/dp[{i}] for p = {p:?}, t = {t:?}");
                assert_gradient(&what, v.grad(), by_differences);
            }
        }
    }
}
// ANCHOR_END: tests_mse

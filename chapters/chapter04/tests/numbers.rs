//! The numbers the book quotes from the chapter's experiments, each checked by a
//! method independent of the one that printed it: a closed form, a recurrence on
//! sums, or a second computation. They need the reference answers, so they run with
//! `cargo test -p chapter04 --features solutions` (and `cargo test --workspace`); in
//! the learner's build this file is empty.
#![cfg(feature = "solutions")]

use chapter01::check::assert_close;
use chapter03::optim::{Optimizer, Sgd};
use chapter04::exercises::{least_squares, minibatch_epoch, mse, mse_gradient};
use chapter04::experiments::{
    BATCH, EPOCHS, LR, START, comparison_runs, gd, noisy_data, sgd,
    two_weight_fit_text,
};
use chapter04::model::curvatures;
use chapter04::noisy::{NOISY_N, shuffled};
use chapter04::points::seed_points;
use chapter04::seed::{after_epochs, batch_factor, sgd_factor};
use chapter04::two_weights::{
    TWO_WEIGHT_LR, TWO_WEIGHT_START, TWO_WEIGHT_STEPS, slope_through_origin,
    two_weight_fit, two_weight_loss,
};
use ndarray::Array1;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

/// The number after `key` on the line of `text` that starts with `line`.
fn number(text: &str, line: &str, key: &str) -> f64 {
    let found = text
        .lines()
        .find(|l| l.starts_with(line))
        .unwrap_or_else(|| panic!("no line `{line}` in\n{text}"));
    let rest = &found[found.find(key).expect("the key") + key.len()..];
    let end = rest.find([',', ' ']).unwrap_or(rest.len());
    rest[..end].parse().expect("a number")
}

#[test]
fn gd_prints_the_closed_form_path() {
    // w_k = 2 - 0.90666...^k and the cost before epoch k is (14/3)(w_(k-1) - 2)^2.
    // Rounding as in Exercise 4.4's test: 1e-14 (1 + |expected|).
    let text = gd();
    for k in [0usize, 1, 10, 99] {
        let w = number(&text, &format!("epoch {k}:"), "w = ");
        let want = after_epochs(1.0, batch_factor(0.01), k + 1);
        assert_close(&format!("w after epoch {k}"), w, want, 1e-14);
        let cost = number(&text, &format!("epoch {k}:"), "cost = ");
        let before = after_epochs(1.0, batch_factor(0.01), k);
        let want = 14.0 / 3.0 * (before - 2.0).powi(2);
        assert_close(&format!("cost at epoch {k}"), cost, want, 1e-13);
    }
    let w = number(&text, "final:", "w = ");
    assert_close(
        "predict(4)",
        number(&text, "final:", "predict(4) = "),
        4.0 * w,
        0.0,
    );
}

#[test]
fn sgd_prints_the_closed_form_path_and_the_last_samples_loss() {
    // w_k = 2 - 0.739312^k; the post's loss is the last sample's, (3 w - 6)^2 =
    // 9 (w - 2)^2, 4.9192401 after the first epoch (9 * 0.739312^2).
    let text = sgd();
    for k in [0usize, 1, 10, 99] {
        let w = number(&text, &format!("epoch {k}:"), "w = ");
        let want = after_epochs(1.0, sgd_factor(0.01), k + 1);
        assert_close(&format!("w after epoch {k}"), w, want, 1e-14);
        let loss = number(&text, &format!("epoch {k}:"), "loss = ");
        assert_close(
            &format!("loss at epoch {k}"),
            loss,
            9.0 * (w - 2.0).powi(2),
            1e-13,
        );
    }
    let first = number(&text, "epoch 0:", "loss = ");
    assert_close("first loss", first, 9.0 * 0.739312f64.powi(2), 1e-14);
    assert_close(
        "first loss to 8 digits",
        (first * 1e7).round(),
        49192401.0,
        0.0,
    );
}

#[test]
fn the_noisy_lines_least_squares_fit_by_the_centred_formula() {
    // w = sum (x - mean x)(y - mean y) / sum (x - mean x)^2, b = mean y - w mean x:
    // another formula for the same line. 200 sums of numbers near 1: 1e-13.
    // The book quotes w = 1.9277, b = 1.0471 and the cost 0.2712, to four decimals.
    let (x, y) = noisy_data();
    let x = x.column(0).to_owned();
    let (mx, my) = (x.mean().unwrap(), y.mean().unwrap());
    let dx = &x - mx;
    let w = dx.dot(&(&y - my)) / dx.dot(&dx);
    let b = my - w * mx;
    let fit = least_squares(x.view(), y.view());
    assert_close("w", fit[0], w, 1e-13);
    assert_close("b", fit[1], b, 1e-13);
    let round4 = |v: f64| (v * 1e4).round();
    assert_eq!((round4(w), round4(b)), (19277.0, 10471.0));
    let cost = (&x * w + b - &y).mapv(|e| e * e).mean().unwrap();
    assert_eq!(round4(cost), 2712.0);
}

#[test]
fn the_costs_curvatures_are_the_eigenvalues_of_its_hessian() {
    // H = (2/n) X^T X: its eigenvalues satisfy H v = lambda v; check that for each,
    // with v = (c, lambda - a) from the first row [a, c]. The book quotes 4.494 and
    // 0.313, the learning-rate bound 2 / 4.494 = 0.445, and a slow-direction factor
    // of 1 - 0.05 * 0.313 = 0.984 per update.
    let (x, _) = noisy_data();
    let h = x.t().dot(&x) * (2.0 / x.nrows() as f64);
    let [big, small] = curvatures(x.view());
    for lambda in [big, small] {
        let v = Array1::from(vec![h[[0, 1]], lambda - h[[0, 0]]]);
        let hv = h.dot(&v);
        assert_close("(H v)_0", hv[0], lambda * v[0], 1e-13);
        assert_close("(H v)_1", hv[1], lambda * v[1], 1e-13);
    }
    let round3 = |v: f64| (v * 1e3).round();
    assert_eq!(
        [round3(big), round3(small), round3(2.0 / big)],
        [4494.0, 313.0, 445.0]
    );
    assert_eq!(round3(1.0 - LR * small), 984.0);
}

#[test]
fn the_recorded_runs_agree_with_the_epoch_functions() {
    // `descend` updates batch by batch with batch_epoch; minibatch_epoch must land
    // at the same weights with the same shuffles, bit for bit, since both compute
    // the same sums in the same order.
    let (x, y) = noisy_data();
    let runs = comparison_runs();
    for (batch, run) in [(BATCH, &runs[1].1), (1, &runs[2].1)] {
        let mut rng =
            ChaCha8Rng::seed_from_u64(chapter04::experiments::SHUFFLE_SEED);
        let mut params = Array1::from(START.to_vec());
        for (epoch, end) in run.epoch_ends().enumerate().skip(1).take(5) {
            let order = shuffled(NOISY_N, &mut rng);
            minibatch_epoch(x.view(), y.view(), &mut params, LR, &order, batch);
            assert_eq!(&params, end, "batch size {batch}, epoch {epoch}");
        }
    }
    assert_eq!(runs[0].1.path.len(), EPOCHS + 1);
}

#[test]
fn the_least_squares_point_is_where_the_gradient_vanishes() {
    // The red cross of the figures: the gradient there is 0 but for rounding.
    let (x, y) = noisy_data();
    let best = least_squares(x.column(0), y.view());
    let g = mse_gradient(x.view(), y.view(), best.view());
    assert_close("dC/dw", g[0], 0.0, 1e-12);
    assert_close("dC/db", g[1], 0.0, 1e-12);
    let nearby = mse(x.view(), y.view(), (&best + 0.01).view());
    assert!(nearby > mse(x.view(), y.view(), best.view()));
}

#[test]
fn the_symmetric_two_weight_run_follows_its_scalar_recurrence() {
    // From w1 = w2 the two gradients are equal, so the weights stay equal: w' =
    // w (1 - lr g) with g = dL/dp = 2 (p Sxx - Sxy), and p' = p (1 - lr g)^2. This
    // needs only the two sums. 999 steps, each rounding p by a few EPSILON: 1e-13.
    let (x, y) = seed_points();
    let (sxx, sxy) = (x.dot(&x), x.dot(&y));
    let mut p: f64 = 0.25;
    for _ in 0..TWO_WEIGHT_STEPS {
        let g = 2.0 * (p * sxx - sxy);
        p *= (1.0 - TWO_WEIGHT_LR * g).powi(2);
    }
    let text = two_weight_fit_text();
    let w1 = number(&text, "final:", "w1 = ");
    let w2 = number(&text, "final:", "w2 = ");
    assert_eq!(w1, w2, "the weights stay equal");
    assert_close("w1 w2 after 999 steps", w1 * w2, p, 1e-13);
    // The book quotes 0.3266 against the best product 0.3966.
    assert_eq!((p * 1e4).round(), 3266.0);
    assert_eq!(
        (slope_through_origin(x.view(), y.view()) * 1e4).round(),
        3966.0
    );
}

#[test]
fn the_two_weight_losses_are_a_parabola_in_the_product() {
    // L = Sxx (p - p*)^2 + L_min with L_min = Syy - Sxy^2 / Sxx = 4.0894 (the
    // figure's least loss): the printed losses at iterations 50 and 950.
    let (x, y) = seed_points();
    let (sxx, sxy, syy) = (x.dot(&x), x.dot(&y), y.dot(&y));
    let l_min = syy - sxy * sxy / sxx;
    assert_eq!((l_min * 1e4).round(), 40894.0);
    let p_star = sxy / sxx;
    assert_close(
        "L at p*",
        two_weight_loss(x.view(), y.view(), [p_star, 1.0]),
        l_min,
        1e-13,
    );
    let run =
        two_weight_fit(x.view(), y.view(), TWO_WEIGHT_START, TWO_WEIGHT_LR, 999);
    for iter in [50, 950] {
        let [w1, w2] = run.path[iter - 1];
        let want = sxx * (w1 * w2 - p_star).powi(2) + l_min;
        assert_close(
            &format!("loss at iteration {iter}"),
            run.losses[iter - 1],
            want,
            1e-12,
        );
    }
}

#[test]
fn in_f32_the_two_weight_run_ends_within_a_millionth() {
    // The post computes in float32. The same loop in f32 (the gradient written out
    // here, chapter 3's Sgd in f32) ends with a product within 5e-7 of the f64
    // run's: the two agree to six digits.
    let (x, y) = seed_points();
    let (x32, y32) = (x.mapv(|v| v as f32), y.mapv(|v| v as f32));
    let mut w = [0.5f32, 0.5];
    let mut optimizer = Sgd::new(1e-6f32, 0.0).unwrap();
    for _ in 0..TWO_WEIGHT_STEPS {
        let err = &x32 * (w[0] * w[1]) - &y32;
        let d = 2.0 * x32.dot(&err);
        let grads = [d * w[1], d * w[0]];
        optimizer.step(&mut w, &grads);
    }
    let text = two_weight_fit_text();
    let product = number(&text, "final:", "w1*w2 = ");
    let diff = (f64::from(w[0] * w[1]) - product).abs();
    assert!(
        diff < 5e-7,
        "f32 {} against f64 {product}: {diff:.1e}",
        w[0] * w[1]
    );
}

#[test]
fn on_the_valley_floor_the_loss_is_flat_one_way_and_steep_the_other() {
    // L = Sxx (w1 w2 - p*)^2 + L_min has, where w1 w2 = p*, the Hessian
    // 2 Sxx [[w2^2, w1 w2], [w1 w2, w1^2]]: determinant 0 (flat along the floor) and
    // trace 2 Sxx (w1^2 + w2^2), its other eigenvalue. At the seed's landing point
    // (sqrt p*, sqrt p*) that is 4 Sxx p* = 4 Sxy = 1007.1, so descent is stable up
    // to lr = 2 / 1007.1 = 2.0e-3, some 2000 times the seed's 1e-6.
    let (x, y) = seed_points();
    let (sxx, sxy) = (x.dot(&x), x.dot(&y));
    let p_star = sxy / sxx;
    let w = p_star.sqrt();
    let steep = 2.0 * sxx * (w * w + w * w);
    assert_close("4 Sxx p* = 4 Sxy", steep, 4.0 * sxy, 1e-14);
    assert_eq!((steep * 10.0).round(), 10071.0);
    assert_eq!((2.0 / steep * 1e4).round(), 20.0);
    assert_eq!((2.0 / steep / TWO_WEIGHT_LR / 1000.0).round(), 2.0);
}

#[test]
fn the_first_step_is_far_above_the_f32_spacing_near_one_half() {
    // Between 0.5 and 1, f32s are 2^-24 = 6.0e-8 apart; the seed's first step moves
    // each weight by 1e-6 * 93.087023 = 9.3e-5 (Exercise 4.7's test), about 1600
    // spacings.
    let gap = f64::from(0.5f32.next_up() - 0.5f32);
    assert_close("f32 spacing at 0.5", gap, 2f64.powi(-24), 0.0);
    let step = TWO_WEIGHT_LR * 93.087023;
    assert_eq!((step / gap / 100.0).round(), 16.0);
}

//! The seed post's network: its size, its first loss recomputed without ndarray, its
//! gradients against central differences, and what momentum, the missing
//! `zero_grad` and the last sigmoid do to the losses it prints.

use chapter01::check::assert_close;
use chapter01::exercises::central_difference;
use chapter05::batch::cross_entropy_rows;
use chapter08::seed::{LABELS, loss_floor, post_losses, post_network};
use ndarray::Array2;
use proptest::prelude::*;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

#[test]
fn the_post_network_has_397510_parameters() {
    // 784 x 500 + 500 weights and biases, then 500 x 10 + 10.
    let (net, data) = post_network();
    assert_eq!(net.parameters(), 784 * 500 + 500 + 500 * 10 + 10);
    assert_eq!(net.parameters(), 397_510);
    assert_eq!(data.shape(), &[5, 784], "five images of 28 x 28 pixels");
}

/// The mean cross-entropy of the post's network on its batch, computed with plain
/// loops over the weights, without ndarray's products or chapter 5's functions.
fn first_loss_by_loops() -> f64 {
    let (net, data) = post_network();
    let sigmoid = |x: f64| 1.0 / (1.0 + (-x).exp());
    let layer = |input: &[f64], l: usize| -> Vec<f64> {
        let (w, b) = (&net.layers[l].w, &net.layers[l].b);
        (0..w.ncols())
            .map(|j| {
                sigmoid(
                    (0..w.nrows()).map(|i| input[i] * w[[i, j]]).sum::<f64>() + b[j],
                )
            })
            .collect()
    };
    let total: f64 = (0..LABELS.len())
        .map(|r| {
            let x: Vec<f64> = data.row(r).to_vec();
            let out = layer(&layer(&x, 0), 1);
            let sum: f64 = out.iter().map(|s| s.exp()).sum();
            sum.ln() - out[LABELS[r]]
        })
        .sum();
    total / LABELS.len() as f64
}

#[test]
fn the_first_loss_matches_a_computation_by_loops() {
    // The same sums in another order: they differ by rounding, of 784-term sums of
    // numbers below 1 (relative 1e-13 at most), far below 1e-11.
    let losses = post_losses(3, 0.9, false);
    assert_close("first loss", losses[0], first_loss_by_loops(), 1e-11);
}

#[test]
fn momentum_and_the_missing_zero_grad_do_not_change_the_two_printed_losses() {
    // The first step starts from v = 0, so v = g with or without momentum; the
    // second loss is computed before the second step, where a stale gradient
    // would first be used. So the first two losses agree exactly; the third,
    // after a step on g1 + g2 instead of g2, does not.
    let post = post_losses(3, 0.9, false);
    let zeroed = post_losses(3, 0.9, true);
    let plain = post_losses(2, 0.0, false);
    assert_eq!(post[..2], zeroed[..2], "with and without zero_grad");
    assert_eq!(post[..2], plain[..], "with momentum 0.9 and 0");
    assert!(
        (post[2] - zeroed[2]).abs() > 1e-6,
        "the third loss should differ: {} without zero_grad, {} with",
        post[2],
        zeroed[2]
    );
    assert!(
        post[1] < post[0],
        "one step should lower the loss: {post:?}"
    );
}

#[test]
fn backprop_matches_central_differences_on_sampled_weights_of_the_post_network() {
    // Five random weights of each layer. Truncation is h^2 / 6 times a third
    // derivative of the loss along one weight, which is under 1 here (every factor
    // is a sigmoid slope or an input below 1): 2e-11. Round-off: the loss, near
    // 2.3, is rounded to 5e-16 plus the rounding of its 784-term sums, about 1e-14
    // in all; over 2h = 2e-5, 5e-10. We allow 1e-8 (1 + |g|).
    let (net, data) = post_network();
    let (_, grads) = net.loss_and_gradients(data.view(), &LABELS);
    let mut rng = ChaCha8Rng::seed_from_u64(5);
    for l in 0..2 {
        for _ in 0..5 {
            let (rows, cols) = net.layers[l].w.dim();
            let (i, j) = (rng.random_range(0..rows), rng.random_range(0..cols));
            let loss = |t: f64| {
                let mut moved = net.clone();
                moved.layers[l].w[[i, j]] = t;
                moved.loss(data.view(), &LABELS)
            };
            let by_differences =
                central_difference(loss, net.layers[l].w[[i, j]], 1e-5);
            let what = format!("dL/dW{}[{i}, {j}]", l + 1);
            assert_close(&what, grads.w[l][[i, j]], by_differences, 1e-8);
        }
    }
}

#[test]
fn the_floor_is_the_loss_of_a_perfect_sigmoid_output() {
    // Output 1 for the right class and 0 for the nine others.
    let mut best = Array2::zeros((1, 10));
    best[[0, 3]] = 1.0;
    assert_close(
        "floor",
        cross_entropy_rows(best.view(), &[3]),
        loss_floor(),
        1e-15,
    );
    // The right class's probability is then e / (e + 9) = exp(-floor).
    let e = std::f64::consts::E;
    assert_close(
        "best probability",
        (-loss_floor()).exp(),
        e / (e + 9.0),
        1e-15,
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None,
        ..ProptestConfig::default() })]

    #[test]
    fn no_sigmoid_output_gets_below_the_floor(
        s in prop::collection::vec(0.0..1.0f64, 10), label in 0..10usize
    ) {
        let outputs = Array2::from_shape_vec((1, 10), s).expect("ten outputs");
        let loss = cross_entropy_rows(outputs.view(), &[label]);
        // The floor is the infimum; rounding may touch it, never by more than 1e-15.
        prop_assert!(loss >= loss_floor() - 1e-15, "loss {loss} below {}", loss_floor());
    }
}

//! The speed-tuned step of `fast::TwoLayer` computes the same mathematics as the rest
//! of the chapter: its gradient against central differences, its update against
//! PyTorch's momentum rule, its f32 run against its f64 run, and clear refusals.

use chapter01::check::assert_agree;
use chapter08::fast::TwoLayer;
use chapter08::matmul::matmul_into;
use ndarray::{Array1, Array2, array};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// A 5-4-3 network with weights uniform in [-1, 1), a batch of 3 rows and labels.
fn small(lr: f64, momentum: f64) -> (TwoLayer<f64>, Array2<f64>, Vec<usize>) {
    let mut rng = ChaCha8Rng::seed_from_u64(8);
    let mut uniform = |shape: (usize, usize)| {
        Array2::from_shape_simple_fn(shape, || rng.random_range(-1.0..1.0))
    };
    let (w1, b1) = (uniform((5, 4)), uniform((1, 4)).row(0).to_owned());
    let (w2, b2) = (uniform((4, 3)), uniform((1, 3)).row(0).to_owned());
    let x = uniform((3, 5));
    let net = TwoLayer::new((w1, b1), (w2, b2), 3, lr, momentum);
    (net, x, vec![2, 0, 1])
}

type Param = fn(&mut TwoLayer<f64>) -> &mut [f64];

/// The four parameters, each as one flat slice, with their names.
const PARAMS: [(&str, Param); 4] = [
    ("w1", |net| net.w1.as_slice_mut().expect("standard layout")),
    ("b1", |net| net.b1.as_slice_mut().expect("standard layout")),
    ("w2", |net| net.w2.as_slice_mut().expect("standard layout")),
    ("b2", |net| net.b2.as_slice_mut().expect("standard layout")),
];

#[test]
fn the_gradient_matches_central_differences() {
    // Each partial derivative of the mean cross-entropy against the symmetric
    // difference (L(p + h) - L(p - h)) / 2h, h = 1e-6. Truncation h^2 |L'''| / 6 with
    // |L'''| of order 1 here (sigmoids and a softmax of inputs below 10): 1e-13;
    // round-off EPSILON |L| / h with L about 1: 2e-10. We allow 1e-8 (1 + |g|).
    let (mut net, x, labels) = small(0.1, 0.9);
    net.loss_and_gradient(x.view(), &labels);
    let (gw1, gb1, gw2, gb2) = net.gradient();
    let grads: Vec<Vec<f64>> = vec![
        gw1.iter().copied().collect(),
        gb1.to_vec(),
        gw2.iter().copied().collect(),
        gb2.to_vec(),
    ];
    let h = 1e-6;
    for ((name, param), grad) in PARAMS.into_iter().zip(grads) {
        for (i, want) in grad.into_iter().enumerate() {
            param(&mut net)[i] += h;
            let up = net.loss_and_gradient(x.view(), &labels);
            param(&mut net)[i] -= 2.0 * h;
            let down = net.loss_and_gradient(x.view(), &labels);
            param(&mut net)[i] += h;
            let by_differences = (up - down) / (2.0 * h);
            let what = format!("dL/d{name}, entry {i}");
            assert_agree(&what, "step", want, "differences", by_differences, 1e-8);
        }
    }
}

#[test]
fn two_steps_follow_pytorchs_momentum_rule() {
    // v1 = g1, w1 = w0 - lr v1; v2 = mu v1 + g2, w2 = w1 - lr v2, where g2 is the
    // gradient at w1. The gradients come from loss_and_gradient on a copy; the
    // arithmetic is the same few roundings on both sides: 1e-15.
    let (lr, mu) = (0.5, 0.9);
    let (mut net, x, labels) = small(lr, mu);
    let (mut probe, _, _) = small(lr, mu);
    let w0 = net.w1.clone();
    probe.loss_and_gradient(x.view(), &labels);
    let g1 = probe.gradient().0.to_owned();
    net.step(x.view(), &labels);
    probe.w1 = &w0 - &(&g1 * lr);
    probe.b1 = net.b1.clone();
    probe.w2 = net.w2.clone();
    probe.b2 = net.b2.clone();
    probe.loss_and_gradient(x.view(), &labels);
    let g2 = probe.gradient().0.to_owned();
    net.step(x.view(), &labels);
    let v2 = &g1 * mu + &g2;
    let want = &w0 - &(&g1 * lr) - &(&v2 * lr);
    for (i, (&got, &want)) in net.w1.iter().zip(&want).enumerate() {
        assert_agree(
            &format!("w1 entry {i}"),
            "step",
            got,
            "by hand",
            want,
            1e-15,
        );
    }
}

#[test]
fn f32_and_f64_give_the_same_losses() {
    // The same weights in both types; ten steps. f32 keeps about 7 digits and the
    // steps compound a few hundred roundings of numbers near 1: 1e-5 is ample.
    let (mut wide, x, labels) = small(0.5, 0.9);
    let narrow32 = |a: &Array2<f64>| a.mapv(|v| v as f32);
    let narrow1 = |a: &Array1<f64>| a.mapv(|v| v as f32);
    let mut narrow = TwoLayer::new(
        (narrow32(&wide.w1), narrow1(&wide.b1)),
        (narrow32(&wide.w2), narrow1(&wide.b2)),
        3,
        0.5f32,
        0.9f32,
    );
    let x32 = narrow32(&x);
    for step in 0..10 {
        let (a, b) = (
            wide.step(x.view(), &labels),
            narrow.step(x32.view(), &labels),
        );
        let what = format!("loss at step {step}");
        assert_agree(&what, "f64", a, "f32", f64::from(b), 1e-5);
    }
}

#[test]
#[should_panic(
    expected = "x has shape [2, 5] and there are 2 labels, but the network \
                           takes batches of shape [3, 5]"
)]
fn a_batch_of_the_wrong_size_is_refused_with_both_shapes() {
    let (mut net, x, _) = small(0.1, 0.9);
    net.step(x.slice(ndarray::s![..2, ..]), &[0, 1]);
}

#[test]
#[should_panic(expected = "label 3 is out of range for 3 classes")]
fn a_label_out_of_range_is_refused() {
    let (mut net, x, _) = small(0.1, 0.9);
    net.step(x.view(), &[0, 1, 3]);
}

#[test]
fn matmul_into_handles_transposed_views() {
    // [[1, 2], [3, 4]]^T [[5], [6]] = [[1*5 + 3*6], [2*5 + 4*6]] = [[23], [34]].
    let a = array![[1.0, 2.0], [3.0, 4.0]];
    let mut c = Array2::zeros((2, 1));
    matmul_into(a.t(), array![[5.0], [6.0]].view(), &mut c);
    assert_eq!(c, array![[23.0], [34.0]]);
}

#[test]
#[should_panic(expected = "a [2, 3] times b [2, 1] cannot be written into c [2, 1]")]
fn matmul_into_refuses_shapes_that_do_not_fit() {
    let mut c = Array2::zeros((2, 1));
    matmul_into(
        Array2::<f64>::zeros((2, 3)).view(),
        Array2::zeros((2, 1)).view(),
        &mut c,
    );
}

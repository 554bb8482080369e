//! The gradient check: every gradient of the network by central differences, one
//! parameter at a time, to compare with the backward pass.

use crate::backward::Gradients;
use crate::network::Network;
use chapter01::exercises::central_difference;
use ndarray::{Array1, Array2, ArrayView2};

// ANCHOR: numerical_gradients
/// The gradient of the network's mean cross-entropy on the batch x with `labels`
/// with respect to every weight and bias, each by chapter 1's central difference
/// with step h: the loss as a function of that one parameter, all others fixed.
/// Two forward passes per parameter, so only for small networks.
pub fn numerical_gradients(
    net: &Network,
    x: ArrayView2<f64>,
    labels: &[usize],
    h: f64,
) -> Gradients {
    let nudged = |set: &dyn Fn(&mut Network, f64), at: f64| {
        let loss = |t: f64| {
            let mut moved = net.clone();
            set(&mut moved, t);
            moved.loss(x, labels)
        };
        central_difference(loss, at, h)
    };
    let w = net.layers.iter().enumerate().map(|(l, layer)| {
        Array2::from_shape_fn(layer.w.dim(), |(i, j)| {
            nudged(
                &|n: &mut Network, t| n.layers[l].w[[i, j]] = t,
                layer.w[[i, j]],
            )
        })
    });
    let b = net.layers.iter().enumerate().map(|(l, layer)| {
        Array1::from_shape_fn(layer.b.len(), |j| {
            nudged(&|n: &mut Network, t| n.layers[l].b[j] = t, layer.b[j])
        })
    });
    Gradients {
        w: w.collect(),
        b: b.collect(),
    }
}
// ANCHOR_END: numerical_gradients

// These run the network, whose layers call the exercises: with the reference
// answers only (tests/exercises.rs checks the learner's).
#[cfg(all(test, feature = "solutions"))]
mod tests {
    use super::*;
    use crate::engine::engine_gradients;
    use crate::init::Init;
    use crate::network::Activation;
    use chapter01::check::assert_close;
    use chapter05::check::assert_arrays_agree;
    use ndarray::Array2;
    use proptest::prelude::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    /// 32 random networks per property, no file of failing cases.
    fn config() -> ProptestConfig {
        ProptestConfig {
            cases: 32,
            failure_persistence: None,
            ..ProptestConfig::default()
        }
    }

    const SMOOTH: [Activation; 3] =
        [Activation::Sigmoid, Activation::Tanh, Activation::Identity];

    /// A random small network and batch: 1 to 3 layers, widths 1 to 4, smooth
    /// activations (ReLU's corner would make central differences wrong near 0),
    /// Xavier's weights with biases uniform in -1..1, inputs in -2..2.
    fn case() -> impl Strategy<Value = (Network, Array2<f64>, Vec<usize>)> {
        (
            prop::collection::vec(1..5usize, 2..5),
            0..3usize,
            0..3usize,
            any::<u64>(),
            1..5usize,
        )
            .prop_flat_map(|(mut widths, h, o, seed, rows)| {
                let classes = widths.len() - 1;
                widths[classes] = widths[classes].max(2);
                let mut rng = ChaCha8Rng::seed_from_u64(seed);
                let net = Network::new(
                    &widths,
                    SMOOTH[h],
                    SMOOTH[o],
                    Init::Xavier,
                    &mut rng,
                );
                let inputs = widths[0];
                let outputs = widths[classes];
                let x = prop::collection::vec(-2.0..2.0f64, rows * inputs);
                let labels = prop::collection::vec(0..outputs, rows);
                let biases = prop::collection::vec(-1.0..1.0f64, 64);
                (x, labels, biases).prop_map(move |(x, labels, biases)| {
                    let mut net = net.clone();
                    let mut k = biases.iter().cycle();
                    for layer in &mut net.layers {
                        layer.b.mapv_inplace(|_| *k.next().expect("cycles"));
                    }
                    let x = Array2::from_shape_vec((rows, inputs), x)
                        .expect("rows x in");
                    (net, x, labels)
                })
            })
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn backprop_matches_central_differences_on_random_networks(
            (net, x, labels) in case()
        ) {
            // Truncation: the error of a central difference is h^2 / 6 times a
            // third derivative of the loss along one parameter. With weights under
            // sqrt(6 / 2) = 1.8, biases and inputs under 2 and activations whose
            // derivatives are at most 1, those stay below about 100 here: 1e-10 *
            // 100 / 6 = 2e-9. Round-off: the loss, under 10, is rounded by 1.1e-15
            // per evaluation, 1.1e-15 / 1e-5 = 1.1e-10. We allow 1e-7 (1 + |g|).
            let (_, by_backprop) = net.loss_and_gradients(x.view(), &labels);
            let by_differences = numerical_gradients(&net, x.view(), &labels, 1e-5);
            assert_arrays_agree(
                "all gradients, flattened",
                "backprop",
                &by_backprop.flatten(),
                "central differences",
                &by_differences.flatten(),
                1e-7,
            );
        }
    }

    #[test]
    fn backprop_agrees_with_chapter_six_engine_on_a_small_network() {
        // Both compute the same sums of products in different orders (the engine
        // one scalar at a time, without the softmax's shift): they differ only by
        // rounding, some tens of roundings of numbers below 10, under 1e-13. We
        // allow 1e-12 (1 + |g|).
        let mut rng = ChaCha8Rng::seed_from_u64(6);
        let (t, s) = (Activation::Tanh, Activation::Sigmoid);
        let net = Network::new(&[3, 4, 3, 2], t, s, Init::PyTorch, &mut rng);
        let x = Array2::from_shape_fn((3, 3), |(r, c)| (r as f64) - 0.5 * c as f64);
        let labels = [1, 0, 1];
        // 3 x 4 + 4 x 3 + 3 x 2 = 30 weights and 4 + 3 + 2 = 9 biases.
        assert_eq!(net.parameters(), 39, "parameters of the 3-4-3-2 network");
        let (loss, by_backprop) = net.loss_and_gradients(x.view(), &labels);
        let (engine_loss, by_engine) = engine_gradients(&net, x.view(), &labels);
        assert_close("loss", loss, engine_loss, 1e-12);
        assert_arrays_agree(
            "all gradients, flattened",
            "backprop",
            &by_backprop.flatten(),
            "chapter 6's engine",
            &by_engine.flatten(),
            1e-12,
        );
    }
}

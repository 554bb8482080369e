//! The worked example of the backward pass: a 2-2-2 network with a ReLU hidden
//! layer and a softmax output, one example, numbers small enough to follow by hand.

use crate::network::{Activation, Layer, Network};
use ndarray::{Array2, array};

// ANCHOR: worked_network
/// The network of the worked example: W1 = [[0.5, -1], [0.25, 1]], b1 = [0, 0.5],
/// ReLU; W2 = [[1, -1], [0, 1]], b2 = [0, 0], logits out.
pub fn worked_network() -> Network {
    let hidden = Layer {
        w: array![[0.5, -1.0], [0.25, 1.0]],
        b: array![0.0, 0.5],
        activation: Activation::Relu,
    };
    let output = Layer {
        w: array![[1.0, -1.0], [0.0, 1.0]],
        b: array![0.0, 0.0],
        activation: Activation::Identity,
    };
    Network {
        layers: vec![hidden, output],
    }
}

/// Its one example, x = [1, 2], and its label, 0.
pub fn worked_input() -> (Array2<f64>, [usize; 1]) {
    (array![[1.0, 2.0]], [0])
}
// ANCHOR_END: worked_network

// These run the network, whose layers call the exercises: with the reference
// answers only (tests/exercises.rs checks the learner's).
#[cfg(all(test, feature = "solutions"))]
mod tests {
    use super::*;
    use crate::exercises::{hidden_delta, output_delta};
    use chapter01::check::assert_close;
    use chapter05::check::assert_arrays_close;

    /// Each number below is a few roundings away from exact: 1e-15 (1 + |x|).
    const ROUNDING: f64 = 1e-15;

    /// q = softmax([1, 0.5])_1 = e^0.5 / (e^1 + e^0.5) = 1 / (1 + e^0.5).
    fn q() -> f64 {
        1.0 / (1.0 + 0.5f64.exp())
    }

    #[test]
    fn the_worked_forward_pass_is_as_computed_by_hand() {
        // z1 = [1 0.5 + 2 0.25, 1 (-1) + 2 (1) + 0.5] = [1, 1.5] (exact in binary);
        // ReLU keeps both; z2 = [1 1 + 1.5 0, 1 (-1) + 1.5 1] = [1, 0.5].
        let (x, _) = worked_input();
        let f = worked_network().forward(x.view());
        assert_arrays_close("z1", &f.zs[0], &array![[1.0, 1.5]], 0.0);
        assert_arrays_close("a1", &f.inputs[1], &array![[1.0, 1.5]], 0.0);
        assert_arrays_close("z2", &f.zs[1], &array![[1.0, 0.5]], 0.0);
    }

    #[test]
    fn the_worked_backward_pass_is_q_times_small_whole_numbers() {
        // delta2 = p - onehot(0) = [(1 - q) - 1, q] = [-q, q]; delta1 = delta2 W2^T
        // = [-q 1 + q (-1), -q 0 + q 1] = [-2q, q], times ReLU'(z1) = [1, 1];
        // grad W2 = a1^T delta2 = [[-q, q], [-1.5q, 1.5q]]; grad W1 = x^T delta1 =
        // [[-2q, q], [-4q, 2q]]; the bias gradients are the deltas themselves.
        let (x, labels) = worked_input();
        let (loss, g) = worked_network().loss_and_gradients(x.view(), &labels);
        let q = q();
        // loss = -ln(1 - q) = ln(1 + e^(-0.5)).
        assert_close("loss", loss, (1.0 + (-0.5f64).exp()).ln(), ROUNDING);
        let delta2 = output_delta(array![[1.0, 0.5]].view(), &labels);
        assert_arrays_close("delta2", &delta2, &array![[-q, q]], ROUNDING);
        let w2 = worked_network().layers[1].w.clone();
        let ones = Array2::ones((1, 2));
        let delta1 = hidden_delta(delta2.view(), w2.view(), ones.view());
        assert_arrays_close("delta1", &delta1, &array![[-2.0 * q, q]], ROUNDING);
        let want_w2 = array![[-q, q], [-1.5 * q, 1.5 * q]];
        assert_arrays_close("grad W2", &g.w[1], &want_w2, ROUNDING);
        let want_w1 = array![[-2.0 * q, q], [-4.0 * q, 2.0 * q]];
        assert_arrays_close("grad W1", &g.w[0], &want_w1, ROUNDING);
        assert_arrays_close("grad b2", &g.b[1], &array![-q, q], ROUNDING);
        assert_arrays_close("grad b1", &g.b[0], &array![-2.0 * q, q], ROUNDING);
    }
}

//! The backward pass: the delta of the last layer from the loss, the delta of each
//! earlier layer from the one after it, and from every delta the gradients of that
//! layer's weights and biases.

use crate::exercises::{hidden_delta, output_delta, weight_gradients};
use crate::network::{Forward, Network};
use chapter05::batch::cross_entropy_rows;
use ndarray::{Array, Array1, Array2, ArrayView2};

// ANCHOR: gradients
/// The gradient of the loss with respect to every layer's weights and biases,
/// shaped like them: `w[l]` like layer l's W, `b[l]` like its b.
#[derive(Clone, Debug)]
pub struct Gradients {
    pub w: Vec<Array2<f64>>,
    pub b: Vec<Array1<f64>>,
}
// ANCHOR_END: gradients

impl Network {
    // ANCHOR: backward
    /// The backward pass from `delta`, the gradient of the loss with respect to the
    /// last layer's pre-activation z_L: for l = L, L-1, ..., 1 the gradients
    /// a_(l-1)^T delta_l and the column sums of delta_l, then, below the first
    /// layer, delta_(l-1) = (delta_l W_l^T) * f'(z_(l-1)).
    pub fn backward(&self, forward: &Forward, mut delta: Array2<f64>) -> Gradients {
        let depth = self.layers.len();
        let (mut w, mut b) = (Vec::with_capacity(depth), Vec::with_capacity(depth));
        for l in (0..depth).rev() {
            let (gw, gb) = weight_gradients(forward.inputs[l].view(), delta.view());
            w.push(gw);
            b.push(gb);
            if l > 0 {
                let below = &self.layers[l - 1];
                delta = hidden_delta(
                    delta.view(),
                    self.layers[l].w.view(),
                    below.activation.prime(forward.zs[l - 1].view()).view(),
                );
            }
        }
        w.reverse();
        b.reverse();
        Gradients { w, b }
    }
    // ANCHOR_END: backward

    // ANCHOR: loss_and_gradients
    /// The mean cross-entropy of the softmax of the network's outputs on the batch x
    /// with `labels`, and its gradients. The output delta is (softmax - onehot) / n
    /// times f'(z_L) (1 for an identity output layer, whose outputs are logits).
    pub fn loss_and_gradients(
        &self,
        x: ArrayView2<f64>,
        labels: &[usize],
    ) -> (f64, Gradients) {
        let forward = self.forward(x);
        let loss = cross_entropy_rows(forward.output.view(), labels);
        let last = self.layers.last().expect("a network has layers");
        let z_last = forward.zs.last().expect("one z per layer");
        let delta = output_delta(forward.output.view(), labels)
            * last.activation.prime(z_last.view());
        (loss, self.backward(&forward, delta))
    }
    // ANCHOR_END: loss_and_gradients

    /// The mean cross-entropy on the batch x with `labels`, without gradients.
    pub fn loss(&self, x: ArrayView2<f64>, labels: &[usize]) -> f64 {
        cross_entropy_rows(self.predict(x).view(), labels)
    }
}

impl Gradients {
    /// Every entry of every gradient, in one vector (layer by layer, W before b).
    pub fn flatten(&self) -> Array1<f64> {
        let parts = self.w.iter().zip(&self.b).flat_map(|(w, b)| {
            w.iter().chain(b.iter()).copied().collect::<Vec<f64>>()
        });
        Array::from_iter(parts)
    }
}

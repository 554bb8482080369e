//! The exercises of chapter 8: the pieces of backpropagation (a layer's forward
//! pass, the output delta, the hidden delta, the gradients of a layer), the
//! momentum step, an initialisation and the accuracy.

// The worked functions the answers use. Until you use them the compiler would warn
// that they are unused, so each import allows it.
#[allow(unused_imports)]
use crate::shapes::require;
#[allow(unused_imports)]
use chapter05::batch::softmax_rows;
use ndarray::{
    Array1, Array2, ArrayView, ArrayView1, ArrayView2, ArrayViewMut, Dimension,
};
#[allow(unused_imports)]
use ndarray::{Axis, Zip};
#[allow(unused_imports)]
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

// ANCHOR: linear_forward
/// A dense layer's pre-activation on a batch: z = x W + b, where x is batch x inputs
/// (one row per example), W inputs x outputs and b one bias per output, added to
/// every row. Panics, printing both shapes, unless x has a column per row of W and
/// b an entry per column of W (through `require`).
///
/// Exercise 8.1, section 8.1 "Layers and the forward pass".
pub fn linear_forward(
    x: ArrayView2<f64>,
    w: ArrayView2<f64>,
    b: ArrayView1<f64>,
) -> Array2<f64> {
    // BEGIN SOLUTION
    require(x.ncols() == w.nrows() && b.len() == w.ncols(), || {
        format!(
            "linear_forward: x has shape {:?}, w {:?} and b {:?}: x needs one column \
             per row of w and b one entry per column of w",
            x.shape(),
            w.shape(),
            b.shape()
        )
    });
    x.dot(&w) + b
    // END SOLUTION
}
// ANCHOR_END: linear_forward

// ANCHOR: output_delta
/// The gradient of the mean cross-entropy of softmax(z) with `labels` with respect
/// to the logits z (one row per example): (P - Y) / n, where P holds the softmax of
/// each row, Y the one-hot rows of the labels and n the number of rows. Panics,
/// printing the shape of z and the number of labels, unless there is one label per
/// row; and, naming the row, if a label is not a column of z.
///
/// Exercise 8.2, section 8.2 "The backward pass".
pub fn output_delta(z: ArrayView2<f64>, labels: &[usize]) -> Array2<f64> {
    // BEGIN SOLUTION
    require(labels.len() == z.nrows(), || {
        format!(
            "output_delta: z has shape {:?} but there are {} labels: pass one label \
             per row of z",
            z.shape(),
            labels.len()
        )
    });
    if let Some((row, label)) =
        labels.iter().enumerate().find(|(_, l)| **l >= z.ncols())
    {
        panic!(
            "output_delta: the label of row {row} is {label}, but z has only {} \
             columns: labels number the columns from 0",
            z.ncols()
        );
    }
    let one_hot = Array2::from_shape_fn(z.dim(), |(r, c)| f64::from(labels[r] == c));
    (softmax_rows(z) - one_hot) / z.nrows() as f64
    // END SOLUTION
}
// ANCHOR_END: output_delta

// ANCHOR: hidden_delta
/// The delta of a hidden layer from the delta of the layer after it:
/// (delta_next W_next^T) * f'(z), where delta_next is batch x outputs of the next
/// layer, W_next its weights (this layer's width x the next layer's width) and
/// `f_prime_z` the derivative of this layer's activation at its pre-activation z
/// (batch x this layer's width); * multiplies entry by entry. Panics, printing all
/// three shapes, unless delta_next has a column per column of W_next and f_prime_z
/// has a row per row of delta_next and a column per row of W_next.
///
/// Exercise 8.3, section 8.2 "The backward pass".
pub fn hidden_delta(
    delta_next: ArrayView2<f64>,
    w_next: ArrayView2<f64>,
    f_prime_z: ArrayView2<f64>,
) -> Array2<f64> {
    // BEGIN SOLUTION
    require(
        delta_next.ncols() == w_next.ncols()
            && f_prime_z.dim() == (delta_next.nrows(), w_next.nrows()),
        || {
            format!(
                "hidden_delta: delta_next has shape {:?}, w_next {:?} and f_prime_z {:?}: \
             delta_next needs one column per column of w_next, and f_prime_z the \
             shape [rows of delta_next, rows of w_next]",
                delta_next.shape(),
                w_next.shape(),
                f_prime_z.shape()
            )
        },
    );
    delta_next.dot(&w_next.t()) * f_prime_z
    // END SOLUTION
}
// ANCHOR_END: hidden_delta

// ANCHOR: weight_gradients
/// A layer's gradients from its input a_prev (batch x inputs) and its delta (batch x
/// outputs): the weight gradient a_prev^T delta (inputs x outputs, shaped like W) and
/// the bias gradient, the sum of the rows of delta (one entry per output). Panics,
/// printing both shapes, unless they have the same number of rows.
///
/// Exercise 8.4, section 8.2 "The backward pass".
pub fn weight_gradients(
    a_prev: ArrayView2<f64>,
    delta: ArrayView2<f64>,
) -> (Array2<f64>, Array1<f64>) {
    // BEGIN SOLUTION
    require(a_prev.nrows() == delta.nrows(), || {
        format!(
            "weight_gradients: a_prev has shape {:?} and delta {:?}: they need one row \
             per example each",
            a_prev.shape(),
            delta.shape()
        )
    });
    (a_prev.t().dot(&delta), delta.sum_axis(Axis(0)))
    // END SOLUTION
}
// ANCHOR_END: weight_gradients

// ANCHOR: momentum_step
/// One step of SGD with momentum on one parameter w with velocity v and gradient g,
/// in PyTorch's form: v <- mu v + g, then w <- w - lr v. All three have one shape.
///
/// Exercise 8.5, section 8.4 "Training: loss, mini-batches, momentum, initialisation".
pub fn momentum_step<D: Dimension>(
    w: ArrayViewMut<f64, D>,
    v: ArrayViewMut<f64, D>,
    g: ArrayView<f64, D>,
    lr: f64,
    mu: f64,
) {
    // BEGIN SOLUTION
    Zip::from(w).and(v).and(g).for_each(|w, v, &g| {
        *v = mu * *v + g;
        *w -= lr * *v;
    });
    // END SOLUTION
}
// ANCHOR_END: momentum_step

// ANCHOR: xavier_uniform
/// Weights for a layer with `fan_in` inputs and `fan_out` outputs (fan_in x
/// fan_out), each uniform in [-r, r] with r = sqrt(6 / (fan_in + fan_out)), so that
/// their variance r^2 / 3 is 2 / (fan_in + fan_out). Draws each weight from `rng`
/// as `rng.random_range(-r..=r)`, in row order (first row first), so that a seeded
/// generator gives the network the book starts from.
///
/// Exercise 8.6, section 8.4 "Training: loss, mini-batches, momentum, initialisation".
pub fn xavier_uniform(
    fan_in: usize,
    fan_out: usize,
    rng: &mut ChaCha8Rng,
) -> Array2<f64> {
    // BEGIN SOLUTION
    let r = (6.0 / (fan_in + fan_out) as f64).sqrt();
    Array2::from_shape_simple_fn((fan_in, fan_out), || rng.random_range(-r..=r))
    // END SOLUTION
}
// ANCHOR_END: xavier_uniform

// ANCHOR: accuracy
/// The fraction of the rows of `scores` (one row per example, one column per
/// class) whose largest entry is in the column of the row's label. Where a row's
/// largest entry appears twice, the first counts.
///
/// Exercise 8.7, section 8.5 "Handwritten digits".
pub fn accuracy(scores: ArrayView2<f64>, labels: &[usize]) -> f64 {
    // BEGIN SOLUTION
    let right = scores
        .rows()
        .into_iter()
        .zip(labels)
        .filter(|(row, label)| crate::data::argmax(*row) == **label)
        .count();
    right as f64 / labels.len() as f64
    // END SOLUTION
}
// ANCHOR_END: accuracy

//! The post's network, 784-500-10 with a sigmoid hidden layer, trained the way the
//! rest of the chapter trains, but written for speed: every array the step needs is
//! allocated once, the products are written into those arrays by `matmul_into` on
//! both cores, and the element type is a parameter so the step runs in f32 as
//! PyTorch's does.

use crate::matmul::{Real, matmul_into, matmul_keep};
use ndarray::{
    Array1, Array2, ArrayView, ArrayView1, ArrayView2, ArrayViewMut, ArrayViewMut2,
    Axis, RemoveAxis, Zip,
};

// ANCHOR: two_layer
/// A network x -> sigmoid(x W1 + b1) W2 + b2 (the logits), with its momentum buffers,
/// its gradients and the activations of one batch, all allocated by `new`.
pub struct TwoLayer<A> {
    pub w1: Array2<A>,
    pub b1: Array1<A>,
    pub w2: Array2<A>,
    pub b2: Array1<A>,
    velocity: Params<A>,
    grad: Params<A>,
    hidden: Array2<A>,
    probs: Array2<A>,
    hidden_delta: Array2<A>,
    lr: A,
    momentum: A,
}

/// The gradient or the velocity of every parameter, shaped like the parameters.
struct Params<A> {
    w1: Array2<A>,
    b1: Array1<A>,
    w2: Array2<A>,
    b2: Array1<A>,
}
// ANCHOR_END: two_layer

impl<A: Real> Params<A> {
    fn zeros(inputs: usize, hidden: usize, outputs: usize) -> Params<A> {
        Params {
            w1: Array2::zeros((inputs, hidden)),
            b1: Array1::zeros(hidden),
            w2: Array2::zeros((hidden, outputs)),
            b2: Array1::zeros(outputs),
        }
    }
}

impl<A: Real> TwoLayer<A> {
    /// A network with the given weights (w1: inputs x hidden, w2: hidden x outputs),
    /// trained by SGD with learning rate `lr` and momentum `momentum` on batches of
    /// `batch` rows. Panics if the shapes do not fit together.
    pub fn new(
        (w1, b1): (Array2<A>, Array1<A>),
        (w2, b2): (Array2<A>, Array1<A>),
        batch: usize,
        lr: A,
        momentum: A,
    ) -> TwoLayer<A> {
        let (inputs, hidden) = w1.dim();
        let outputs = w2.ncols();
        assert!(
            b1.len() == hidden && w2.nrows() == hidden && b2.len() == outputs,
            "TwoLayer::new: w1 {:?}, b1 {:?}, w2 {:?}, b2 {:?} do not fit: w1 is \
             inputs x hidden, b1 hidden, w2 hidden x outputs, b2 outputs",
            w1.shape(),
            b1.shape(),
            w2.shape(),
            b2.shape()
        );
        TwoLayer {
            w1,
            b1,
            w2,
            b2,
            velocity: Params::zeros(inputs, hidden, outputs),
            grad: Params::zeros(inputs, hidden, outputs),
            hidden: Array2::zeros((batch, hidden)),
            probs: Array2::zeros((batch, outputs)),
            hidden_delta: Array2::zeros((batch, hidden)),
            lr,
            momentum,
        }
    }

    // ANCHOR: step
    /// One training step on the batch `x` (batch x inputs) with `labels`: forward,
    /// the mean cross-entropy of the softmax, backward, and the momentum update
    /// (v <- momentum v + g, w <- w - lr v, as PyTorch's SGD). Returns the loss
    /// before the update. Allocates nothing itself (`gemm` may allocate scratch
    /// space inside a large product). The weight gradients are added to the
    /// velocities by the backward products themselves, never stored apart.
    pub fn step(&mut self, x: ArrayView2<A>, labels: &[usize]) -> A {
        self.require_batch(x, labels);
        let loss = self.forward(x, labels);
        self.backward(x, labels, Into::Velocity);
        let (lr, v) = (self.lr, &self.velocity);
        descend(self.w1.view_mut(), v.w1.view(), lr);
        descend(self.b1.view_mut(), v.b1.view(), lr);
        descend(self.w2.view_mut(), v.w2.view(), lr);
        descend(self.b2.view_mut(), v.b2.view(), lr);
        loss
    }
    // ANCHOR_END: step

    /// The mean cross-entropy on the batch `x` with `labels`, leaving its gradient
    /// with respect to every parameter for `gradient` to read. Changes no weight.
    pub fn loss_and_gradient(&mut self, x: ArrayView2<A>, labels: &[usize]) -> A {
        self.require_batch(x, labels);
        let loss = self.forward(x, labels);
        self.backward(x, labels, Into::Gradient);
        loss
    }

    /// The gradients (w1, b1, w2, b2) left by the last `loss_and_gradient`.
    pub fn gradient(
        &self,
    ) -> (
        ArrayView2<'_, A>,
        ArrayView1<'_, A>,
        ArrayView2<'_, A>,
        ArrayView1<'_, A>,
    ) {
        let g = &self.grad;
        (g.w1.view(), g.b1.view(), g.w2.view(), g.b2.view())
    }

    /// The hidden activations and the softmax of the logits into their buffers;
    /// returns the mean cross-entropy.
    fn forward(&mut self, x: ArrayView2<A>, labels: &[usize]) -> A {
        matmul_into(x, self.w1.view(), &mut self.hidden);
        sigmoid_with_bias(self.hidden.view_mut(), self.b1.view());
        matmul_into(self.hidden.view(), self.w2.view(), &mut self.probs);
        let mut total = A::zero();
        let b2 = self.b2.view();
        for (mut row, &label) in self.probs.rows_mut().into_iter().zip(labels) {
            Zip::from(&mut row).and(&b2).for_each(|z, &b| *z = *z + b);
            let max = row.fold(A::neg_infinity(), |m, &z| m.max(z));
            let picked = row[label] - max;
            row.mapv_inplace(|z| (z - max).exp());
            let sum = row.sum();
            row.mapv_inplace(|e| e / sum);
            total = total + sum.ln() - picked;
        }
        total / A::from(labels.len()).expect("a batch size fits the float type")
    }

    // ANCHOR: fast_backward
    /// The gradients from the softmax probabilities left by `forward`: the output
    /// delta (p - onehot(y)) / n, then back through W2 and the sigmoid. They are
    /// written into the gradient buffers, or added to momentum times the velocities.
    fn backward(&mut self, x: ArrayView2<A>, labels: &[usize], into: Into) {
        let n = A::from(x.nrows()).expect("a batch size fits the float type");
        // The one-hot is subtracted in place, so that probs becomes the delta.
        for (mut row, &label) in self.probs.rows_mut().into_iter().zip(labels) {
            row[label] = row[label] - A::one();
            row.mapv_inplace(|d| d / n);
        }
        let (g, keep) = match into {
            Into::Gradient => (&mut self.grad, A::zero()),
            Into::Velocity => (&mut self.velocity, self.momentum),
        };
        let delta = self.probs.view();
        matmul_keep(keep, self.hidden.t(), delta, &mut g.w2);
        sum_rows(keep, delta, &mut g.b2);
        matmul_into(delta, self.w2.t(), &mut self.hidden_delta);
        Zip::from(&mut self.hidden_delta)
            .and(&self.hidden)
            .for_each(|d, &h| *d = *d * h * (A::one() - h));
        matmul_keep(keep, x.t(), self.hidden_delta.view(), &mut g.w1);
        sum_rows(keep, self.hidden_delta.view(), &mut g.b1);
    }
    // ANCHOR_END: fast_backward

    #[track_caller]
    fn require_batch(&self, x: ArrayView2<A>, labels: &[usize]) {
        let (batch, outputs) = self.probs.dim();
        assert!(
            x.dim() == (batch, self.w1.nrows()) && labels.len() == batch,
            "TwoLayer::step: x has shape {:?} and there are {} labels, but the network \
             takes batches of shape [{batch}, {}] with one label per row",
            x.shape(),
            labels.len(),
            self.w1.nrows()
        );
        if let Some(&bad) = labels.iter().find(|&&l| l >= outputs) {
            panic!(
                "TwoLayer::step: label {bad} is out of range for {outputs} classes: \
                 labels number the classes from 0"
            );
        }
    }
}

/// h <- sigmoid(h + b) for every row h of `hidden`; a large batch is split in two
/// halves, one for each core.
fn sigmoid_with_bias<A: Real>(mut hidden: ArrayViewMut2<A>, b: ArrayView1<A>) {
    const SPLIT_FROM: usize = 8192;
    if hidden.len() >= SPLIT_FROM && hidden.nrows() >= 2 {
        let mid = hidden.nrows() / 2;
        let (top, bottom) = hidden.split_at(Axis(0), mid);
        rayon::join(
            || sigmoid_with_bias(top, b),
            || sigmoid_with_bias(bottom, b),
        );
        return;
    }
    Zip::from(hidden.rows_mut()).for_each(|mut row| {
        Zip::from(&mut row).and(&b).for_each(|h, &b| {
            *h = (*h + b).sigmoid();
        })
    });
}

/// Where `backward` leaves the gradients.
#[derive(Clone, Copy)]
enum Into {
    /// In the gradient buffers, for `gradient` to read.
    Gradient,
    /// Added to momentum times the velocities: v <- momentum v + g.
    Velocity,
}

/// out <- keep out + the sum of the rows of `m`.
fn sum_rows<A: Real>(keep: A, m: ArrayView2<A>, out: &mut Array1<A>) {
    out.mapv_inplace(|o| keep * o);
    for row in m.axis_iter(Axis(0)) {
        Zip::from(&mut *out).and(&row).for_each(|o, &r| *o = *o + r);
    }
}

/// w <- w - lr v, split between the cores when the arrays are large.
fn descend<A: Real, D: RemoveAxis>(
    mut w: ArrayViewMut<A, D>,
    v: ArrayView<A, D>,
    lr: A,
) {
    const SPLIT_FROM: usize = 65_536;
    if w.len() >= SPLIT_FROM && w.shape()[0] >= 2 {
        let mid = w.shape()[0] / 2;
        let (w_top, w_bottom) = w.split_at(Axis(0), mid);
        let (v_top, v_bottom) = v.split_at(Axis(0), mid);
        rayon::join(
            || descend(w_top, v_top, lr),
            || descend(w_bottom, v_bottom, lr),
        );
        return;
    }
    Zip::from(&mut w).and(&v).for_each(|w, &v| *w = *w - lr * v);
}

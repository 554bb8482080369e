//! A network as a stack of dense layers: each layer computes z = a W + b from the
//! activations a of the layer before (one row per example) and passes on f(z).

use crate::exercises::linear_forward;
use crate::init::{Init, init_layer};
use ndarray::{Array1, Array2, ArrayView2};
use rand_chacha::ChaCha8Rng;

// ANCHOR: activation
/// The function f a layer applies to each entry of z, and its derivative f'.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Activation {
    Identity,
    Sigmoid,
    Tanh,
    Relu,
}

impl Activation {
    /// f(z), entry by entry.
    pub fn apply(self, z: ArrayView2<f64>) -> Array2<f64> {
        match self {
            Activation::Identity => z.to_owned(),
            Activation::Sigmoid => z.mapv(chapter01::activation::sigmoid),
            Activation::Tanh => z.mapv(f64::tanh),
            Activation::Relu => z.mapv(|x| x.max(0.0)),
        }
    }

    /// f'(z), entry by entry (for ReLU 0 at z = 0, as in PyTorch).
    pub fn prime(self, z: ArrayView2<f64>) -> Array2<f64> {
        match self {
            Activation::Identity => Array2::ones(z.raw_dim()),
            Activation::Sigmoid => z.mapv(chapter01::activation::sigmoid_prime),
            Activation::Tanh => z.mapv(chapter01::activation::tanh_prime),
            Activation::Relu => z.mapv(|x| f64::from(x > 0.0)),
        }
    }
}
// ANCHOR_END: activation

// ANCHOR: network
/// One dense layer: weights laid out inputs x outputs, so that a batch x (one row
/// per example) maps to x W + b, then the activation.
#[derive(Clone, Debug)]
pub struct Layer {
    pub w: Array2<f64>,
    pub b: Array1<f64>,
    pub activation: Activation,
}

/// A stack of layers, each taking the outputs of the one before.
#[derive(Clone, Debug)]
pub struct Network {
    pub layers: Vec<Layer>,
}

/// What the forward pass keeps for the backward pass: the input a_(l-1) and the
/// pre-activation z_l of every layer l, and the network's output f(z_L).
pub struct Forward {
    pub inputs: Vec<Array2<f64>>,
    pub zs: Vec<Array2<f64>>,
    pub output: Array2<f64>,
}
// ANCHOR_END: network

impl Network {
    /// A network with the given widths (inputs first, outputs last), `hidden` on
    /// every layer but the last and `output` on the last, its weights drawn by
    /// `init` from `rng`.
    pub fn new(
        widths: &[usize],
        hidden: Activation,
        output: Activation,
        init: Init,
        rng: &mut ChaCha8Rng,
    ) -> Network {
        assert!(
            widths.len() >= 2,
            "Network::new: widths {widths:?} name no layer: give the input width, \
             then the width of every layer"
        );
        let last = widths.len() - 2;
        let layers = widths
            .windows(2)
            .enumerate()
            .map(|(l, pair)| {
                let (w, b) = init_layer(init, pair[0], pair[1], rng);
                let activation = if l == last { output } else { hidden };
                Layer { w, b, activation }
            })
            .collect();
        Network { layers }
    }

    // ANCHOR: forward
    /// The forward pass on a batch x (one row per example), keeping every layer's
    /// input and pre-activation for the backward pass.
    pub fn forward(&self, x: ArrayView2<f64>) -> Forward {
        let mut inputs = Vec::with_capacity(self.layers.len());
        let mut zs = Vec::with_capacity(self.layers.len());
        let mut a = x.to_owned();
        for layer in &self.layers {
            let z = linear_forward(a.view(), layer.w.view(), layer.b.view());
            let next = layer.activation.apply(z.view());
            inputs.push(a);
            zs.push(z);
            a = next;
        }
        Forward {
            inputs,
            zs,
            output: a,
        }
    }
    // ANCHOR_END: forward

    /// The network's output on a batch x, keeping nothing.
    pub fn predict(&self, x: ArrayView2<f64>) -> Array2<f64> {
        self.layers.iter().fold(x.to_owned(), |a, layer| {
            let z = linear_forward(a.view(), layer.w.view(), layer.b.view());
            layer.activation.apply(z.view())
        })
    }

    /// The number of weights and biases.
    pub fn parameters(&self) -> usize {
        self.layers.iter().map(|l| l.w.len() + l.b.len()).sum()
    }
}

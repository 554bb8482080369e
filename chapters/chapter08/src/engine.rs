//! The gradients of a network by chapter 6's engine, one scalar at a time: an
//! independent check of the layer-by-layer recursion on a small network.

use crate::backward::Gradients;
use crate::network::{Activation, Network};
use chapter06::many::sum;
use chapter06::tape::{Tape, Var};
use ndarray::{Array1, Array2, ArrayView2};

// ANCHOR: engine_gradients
/// The mean cross-entropy of the softmax of the network's outputs on the batch x with
/// `labels`, and its gradients, computed by recording every multiplication and
/// addition of every example on chapter 6's tape and calling `backward`.
pub fn engine_gradients(
    net: &Network,
    x: ArrayView2<f64>,
    labels: &[usize],
) -> (f64, Gradients) {
    let tape = Tape::new();
    let params: Vec<(Vec<Vec<Var>>, Vec<Var>)> = net
        .layers
        .iter()
        .map(|layer| {
            let w = layer.w.rows().into_iter();
            let w = w
                .map(|row| row.iter().map(|&v| tape.var(v)).collect())
                .collect();
            (w, layer.b.iter().map(|&v| tape.var(v)).collect())
        })
        .collect();
    let losses: Vec<Var> = x
        .rows()
        .into_iter()
        .zip(labels)
        .map(|(row, &label)| {
            let input: Vec<Var> = row.iter().map(|&v| tape.constant(v)).collect();
            let out = net
                .layers
                .iter()
                .zip(&params)
                .fold(input, |a, (layer, p)| dense(&a, p, layer.activation));
            let exps: Vec<Var> = out.iter().map(|z| z.exp()).collect();
            sum(&exps).ln() - out[label]
        })
        .collect();
    let loss = sum(&losses) / labels.len() as f64;
    loss.backward();
    let grads = Gradients {
        w: params
            .iter()
            .zip(&net.layers)
            .map(|((w, _), layer)| {
                let values = w.iter().flatten().map(|v| v.grad()).collect();
                Array2::from_shape_vec(layer.w.raw_dim(), values)
                    .expect("one per weight")
            })
            .collect(),
        b: params
            .iter()
            .map(|(_, b)| Array1::from_iter(b.iter().map(|v| v.grad())))
            .collect(),
    };
    (loss.value(), grads)
}

/// One dense layer on the tape: f(sum_i a_i w_ij + b_j) for every output j.
fn dense<'t>(
    a: &[Var<'t>],
    (w, b): &(Vec<Vec<Var<'t>>>, Vec<Var<'t>>),
    f: Activation,
) -> Vec<Var<'t>> {
    b.iter()
        .enumerate()
        .map(|(j, &bj)| {
            let terms: Vec<Var> =
                a.iter().zip(w).map(|(&ai, row)| ai * row[j]).collect();
            let z = sum(&terms) + bj;
            match f {
                Activation::Identity => z,
                Activation::Sigmoid => z.sigmoid(),
                Activation::Tanh => z.tanh(),
                Activation::Relu => z.relu(),
            }
        })
        .collect()
}
// ANCHOR_END: engine_gradients

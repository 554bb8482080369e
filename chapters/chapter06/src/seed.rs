//! The seed posts' experiments run by the engine: the linear regression whose
//! gradients the post prints wrongly, and chapter 4's network y = x w1 w2.

use crate::exercises::mse;
use crate::tape::{Tape, Var};
use chapter04::ndarray::ArrayView1;

// ANCHOR: linreg
/// The post's data and parameters: y = w x + b with w = 2, b = 1 on x = [1, 2, 3]
/// (tracked too), and the targets y = [6, 9, 12].
pub const LINREG_W: f64 = 2.0;
pub const LINREG_B: f64 = 1.0;
pub const LINREG_X: [f64; 3] = [1.0, 2.0, 3.0];
pub const LINREG_Y: [f64; 3] = [6.0, 9.0, 12.0];

/// The loss and the gradients the engine computes for the post's regression.
#[derive(Clone, Debug, PartialEq)]
pub struct LinregGrads {
    pub loss: f64,
    pub w: f64,
    pub b: f64,
    pub x: [f64; 3],
}

/// The mean squared error of w x + b at (w, b, x), and its gradients by backward().
pub fn linreg_grads(w: f64, b: f64, x: [f64; 3]) -> LinregGrads {
    let tape = Tape::new();
    let (w, b) = (tape.var(w).named("w"), tape.var(b).named("b"));
    let x: Vec<Var> = x.iter().map(|&xi| tape.var(xi)).collect();
    let predictions: Vec<Var> = x.iter().map(|&xi| w * xi + b).collect();
    let loss = mse(&predictions, &LINREG_Y);
    loss.backward();
    LinregGrads {
        loss: loss.value(),
        w: w.grad(),
        b: b.grad(),
        x: [x[0].grad(), x[1].grad(), x[2].grad()],
    }
}
// ANCHOR_END: linreg

// ANCHOR: two_weight_engine
/// The gradient of chapter 4's loss sum_i (x_i w1 w2 - y_i)^2 by the engine: the
/// expression written out on a fresh tape, then backward().
pub fn engine_two_weight_gradient(
    x: ArrayView1<f64>,
    y: ArrayView1<f64>,
    w: [f64; 2],
) -> [f64; 2] {
    let tape = Tape::new();
    let (w1, w2) = (tape.var(w[0]), tape.var(w[1]));
    let mut loss = tape.constant(0.0);
    for (&xi, &yi) in x.iter().zip(y) {
        let err = xi * w1 * w2 - yi;
        loss = loss + err * err;
    }
    loss.backward();
    [w1.grad(), w2.grad()]
}

/// The seed's loop with the engine's gradients: `steps` updates w -= lr grad from
/// `start`. Returns the weights, first the start, then after each step.
pub fn engine_two_weight_path(
    x: ArrayView1<f64>,
    y: ArrayView1<f64>,
    start: [f64; 2],
    lr: f64,
    steps: usize,
) -> Vec<[f64; 2]> {
    let mut w = start;
    let mut path = vec![w];
    for _ in 0..steps {
        let grads = engine_two_weight_gradient(x, y, w);
        for (wi, gi) in w.iter_mut().zip(grads) {
            *wi -= lr * gi;
        }
        path.push(w);
    }
    path
}
// ANCHOR_END: two_weight_engine

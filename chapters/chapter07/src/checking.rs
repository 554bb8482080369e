//! Two independent checks of a hand-derived gradient: chapter 6's engine, which
//! differentiates the loss written out scalar by scalar, and chapter 1's central
//! differences, which only ever evaluate it.

use crate::perceptron::{loss, sigmoid};
use chapter06::many::sum;
use chapter06::tape::{Tape, Var};
use ndarray::{Array1, Array2, ArrayView1, ArrayView2};

// ANCHOR: engine_gradient
/// The gradient of `scale` times the summed squared error,
/// scale * sum_i sum_k (O_ik - T_ik)^2 with O = sigma(X W + b), by chapter 6's
/// engine: every weight and bias a `Var`, every sum and sigmoid recorded on a
/// tape, then `backward()`. With scale = 1 / (2n) this is the chapter's loss.
/// Returns (E, dE/dW, dE/db).
pub fn engine_gradient(
    x: ArrayView2<f64>,
    w: ArrayView2<f64>,
    b: ArrayView1<f64>,
    t: ArrayView2<f64>,
    scale: f64,
) -> (f64, Array2<f64>, Array1<f64>) {
    let tape = Tape::new();
    let w_vars = w.map(|&wjk| tape.var(wjk));
    let b_vars = b.map(|&bk| tape.var(bk));
    let mut squares: Vec<Var> = Vec::new();
    for (x_row, t_row) in x.rows().into_iter().zip(t.rows()) {
        for ((w_col, &bk), &tk) in
            w_vars.columns().into_iter().zip(&b_vars).zip(t_row)
        {
            let z = x_row
                .iter()
                .zip(w_col)
                .fold(bk, |z, (&xj, &wjk)| z + wjk * xj);
            let error = z.sigmoid() - tk;
            squares.push(error * error);
        }
    }
    let e = sum(&squares) * scale;
    e.backward();
    (
        e.value(),
        w_vars.map(|v| v.grad()),
        b_vars.map(|v| v.grad()),
    )
}
// ANCHOR_END: engine_gradient

// ANCHOR: numerical_gradient
/// dE/dW and dE/db of the chapter's loss by central differences with step h: each
/// weight and each bias nudged by +-h in turn, the loss evaluated twice, nothing
/// differentiated.
pub fn numerical_gradient(
    x: ArrayView2<f64>,
    w: ArrayView2<f64>,
    b: ArrayView1<f64>,
    t: ArrayView2<f64>,
    h: f64,
) -> (Array2<f64>, Array1<f64>) {
    let e = |w: &Array2<f64>, b: &Array1<f64>| {
        loss((x.dot(w) + b).mapv(sigmoid).view(), t)
    };
    let (w, b) = (w.to_owned(), b.to_owned());
    let grad_w = Array2::from_shape_fn(w.dim(), |jk| {
        let (mut up, mut down) = (w.clone(), w.clone());
        up[jk] += h;
        down[jk] -= h;
        (e(&up, &b) - e(&down, &b)) / (2.0 * h)
    });
    let grad_b = Array1::from_shape_fn(b.len(), |k| {
        let (mut up, mut down) = (b.clone(), b.clone());
        up[k] += h;
        down[k] -= h;
        (e(&w, &up) - e(&w, &down)) / (2.0 * h)
    });
    (grad_w, grad_b)
}
// ANCHOR_END: numerical_gradient

#[cfg(test)]
mod tests {
    use super::*;
    use chapter05::check::assert_arrays_agree;
    use ndarray::array;

    #[test]
    fn engine_and_central_differences_agree_on_a_small_batch() {
        // Neither side uses the chapter's hand-derived formula. Central differences
        // with h = 1e-5 err by h^2 |E'''| / 6 < 1e-10 (E''' is below 1 for sigmoid
        // outputs) plus round-off EPSILON E / h < 1e-11: we allow 1e-8.
        let x = array![[1.0, -2.0, 0.5], [0.3, 0.0, -1.0]];
        let w = array![[0.2, -0.1], [0.4, 0.3], [-0.5, 0.8]];
        let b = array![0.1, -0.2];
        let t = array![[1.0, 0.0], [0.0, 1.0]];
        let (_, ew, eb) =
            engine_gradient(x.view(), w.view(), b.view(), t.view(), 0.25);
        let (nw, nb) =
            numerical_gradient(x.view(), w.view(), b.view(), t.view(), 1e-5);
        assert_arrays_agree("dE/dW", "engine", &ew, "differences", &nw, 1e-8);
        assert_arrays_agree("dE/db", "engine", &eb, "differences", &nb, 1e-8);
    }
}

//! The sigmoid perceptron: its output first with loops, the checks of the shapes
//! that every batch function makes, the loss, and the worked example of section 7.1.

use ndarray::{Array1, ArrayView1, ArrayView2, array};

pub use chapter05::activation::sigmoid;

// ANCHOR: forward_loops
/// The output of a one-output perceptron, O = sigma(sum_j w_j x_j + b), written
/// the first time with a loop over j, as the formula reads. Section 7.1 replaces it
/// by `x.dot(&w)`.
#[allow(clippy::needless_range_loop)] // The index loop is the point here.
pub fn forward_loops(x: &[f64], w: &[f64], b: f64) -> f64 {
    let mut z = b;
    for j in 0..x.len() {
        z += w[j] * x[j];
    }
    sigmoid(z)
}
// ANCHOR_END: forward_loops

// ANCHOR: loss
/// The loss of a batch: E = 1/n sum_i 1/2 sum_k (O_ik - T_ik)^2, half the squared
/// error of each sample, averaged over the n samples (the rows). For one sample
/// with one output it is 1/2 (O - t)^2.
pub fn loss(outputs: ArrayView2<f64>, targets: ArrayView2<f64>) -> f64 {
    let n = outputs.nrows() as f64;
    (&outputs - &targets).mapv(|e| e * e).sum() / (2.0 * n)
}
// ANCHOR_END: loss

// ANCHOR: require_batch
/// Panics, printing every shape, unless X (n × inputs), W (inputs × outputs), b
/// (outputs) and, if given, T (n × outputs) fit together. `function` names the
/// caller in the message.
pub fn require_batch(
    function: &str,
    x: ArrayView2<f64>,
    w: ArrayView2<f64>,
    b: ArrayView1<f64>,
    t: Option<ArrayView2<f64>>,
) {
    let fits = x.ncols() == w.nrows()
        && w.ncols() == b.len()
        && t.is_none_or(|t| t.dim() == (x.nrows(), w.ncols()));
    assert!(
        fits,
        "{function}: shapes do not fit: X is {:?}, W is {:?}, b is {:?}{}; X must \
         be n × inputs, W inputs × outputs, b one entry per output{}",
        x.shape(),
        w.shape(),
        b.shape(),
        t.map_or(String::new(), |t| format!(", T is {:?}", t.shape())),
        if t.is_some() { ", T n × outputs" } else { "" },
    );
}
// ANCHOR_END: require_batch

// ANCHOR: worked
/// The worked example of section 7.1: two inputs, one output, target 1.
pub const WORKED_X: [f64; 2] = [2.0, 1.0];
pub const WORKED_W: [f64; 2] = [0.5, -0.5];
pub const WORKED_B: f64 = 0.0;
pub const WORKED_T: f64 = 1.0;

/// Every intermediate number of the worked example, in the order the chain rule
/// meets them: z, O, E, dE/dO, dO/dz, delta = dE/dz, then dE/dw and dE/db.
pub struct Worked {
    pub z: f64,
    pub o: f64,
    pub e: f64,
    pub de_do: f64,
    pub do_dz: f64,
    pub delta: f64,
    pub grad_w: Array1<f64>,
    pub grad_b: f64,
}

/// Walks the chain E -> O -> z -> w_j for the worked example, one link at a time.
pub fn worked() -> Worked {
    let (x, w) = (
        array![WORKED_X[0], WORKED_X[1]],
        array![WORKED_W[0], WORKED_W[1]],
    );
    let z = x.dot(&w) + WORKED_B;
    let o = sigmoid(z);
    let e = 0.5 * (o - WORKED_T).powi(2);
    let de_do = o - WORKED_T;
    let do_dz = o * (1.0 - o);
    let delta = de_do * do_dz;
    // dz/dw_j = x_j and dz/db = 1: the last link.
    Worked {
        z,
        o,
        e,
        de_do,
        do_dz,
        delta,
        grad_w: &x * delta,
        grad_b: delta,
    }
}
// ANCHOR_END: worked

#[cfg(test)]
mod tests {
    use super::*;
    use chapter01::check::assert_close;
    use chapter01::exercises::central_difference;

    #[test]
    fn forward_loops_is_the_sigmoid_of_the_weighted_sum() {
        // z = 0.5 * 2 - 0.5 * 1 + 0 = 0.5; only the sigmoid rounds.
        let o = forward_loops(&WORKED_X, &WORKED_W, WORKED_B);
        assert_close("O", o, 1.0 / (1.0 + (-0.5f64).exp()), 1e-15);
    }

    #[test]
    fn worked_example_numbers_are_the_ones_section_7_1_quotes() {
        // z = 0.5, O = sigma(0.5) = 0.6224593 (e^-0.5 = 0.6065307, 1 / 1.6065307),
        // O - t = -0.3775407, O (1 - O) = 0.6224593 * 0.3775407 = 0.2350037,
        // E = 0.3775407^2 / 2 = 0.0712685, delta = -0.3775407 * 0.2350037 =
        // -0.0887235, dE/dw = (2, 1) delta. Seven decimals: we allow 1e-7.
        let k = worked();
        assert_close("z", k.z, 0.5, 1e-15);
        assert_close("O", k.o, 0.6224593, 1e-7);
        assert_close("E", k.e, 0.0712685, 1e-7);
        assert_close("dO/dz", k.do_dz, 0.2350037, 1e-7);
        assert_close("delta", k.delta, -0.0887235, 1e-7);
        assert_close("dE/dw_1", k.grad_w[0], -0.1774469, 1e-7);
        assert_close("dE/dw_2", k.grad_w[1], -0.0887235, 1e-7);
    }

    #[test]
    fn worked_gradient_matches_central_differences() {
        // E(w_1) with w_2 and b fixed; h = 1e-5, truncation h^2 |E'''| / 6 < 1e-10
        // (E''' is below 1 here), round-off EPSILON E / h = 1.6e-12: allow 1e-8.
        let e = |w1: f64| {
            0.5 * (forward_loops(&WORKED_X, &[w1, -0.5], 0.0) - 1.0).powi(2)
        };
        let by_differences = central_difference(e, 0.5, 1e-5);
        assert_close("dE/dw_1", worked().grad_w[0], by_differences, 1e-8);
    }

    #[test]
    fn for_target_one_delta_is_largest_in_size_at_output_one_third() {
        // delta = (O - 1) O (1 - O) = -O (1 - O)^2, whose derivative in O is
        // -(1 - O)(1 - 3 O): zero at O = 1/3, where delta = -1/3 (2/3)^2 = -4/27.
        // On a grid of step 1e-4 in O the largest |delta| is within 1e-8 of it.
        let delta = |o: f64| (o - 1.0) * o * (1.0 - o);
        let (at, least) = (0..=10_000)
            .map(|i| f64::from(i) / 10_000.0)
            .map(|o| (o, delta(o)))
            .fold((0.0, 0.0), |best, p| if p.1 < best.1 { p } else { best });
        assert_close("argmin O", at, 1.0 / 3.0, 1e-4);
        assert_close("min delta", least, -4.0 / 27.0, 1e-8);
    }

    #[test]
    #[should_panic(expected = "X is [1, 3], W is [2, 1], b is [1]")]
    fn require_batch_prints_every_shape() {
        let (x, w) = (
            ndarray::Array2::zeros((1, 3)),
            ndarray::Array2::zeros((2, 1)),
        );
        require_batch("f", x.view(), w.view(), Array1::zeros(1).view(), None);
    }
}

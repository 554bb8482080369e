//! The seed post's two perceptron experiments: one sample of ten random features,
//! a sigmoid perceptron without bias and with one output, then with two, target 1,
//! and PyTorch's `F.mse_loss`, the mean of the squared errors over the outputs.

use crate::checking::{engine_gradient, numerical_gradient};
use crate::exercises::{perceptron_forward, perceptron_gradient};
use chapter04::noisy::standard_normal;
use ndarray::{Array1, Array2};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

// ANCHOR: seed_run
/// The generator's seed for x and W, and how many features x has.
pub const SEED: u64 = 7;
pub const FEATURES: usize = 10;

/// One run of the post's experiment, everything as in PyTorch except that our W is
/// inputs × outputs, the transpose of the post's `w`.
pub struct SeedRun {
    pub x: Array2<f64>,
    pub w: Array2<f64>,
    pub o: Array2<f64>,
    pub mse_loss: f64,
    pub by_formula: Array2<f64>,
    pub by_engine: Array2<f64>,
    pub by_differences: Array2<f64>,
}

/// x (1 × 10) and W (10 × `outputs`) standard normal from a ChaCha8 generator seeded
/// with SEED, b = 0, targets 1; L = F.mse_loss = 1/K sum_k (O_k - 1)^2 over the K
/// outputs, which is 2/K times the chapter's E = 1/2 sum_k (O_k - 1)^2. So
/// dL/dW = 2/K dE/dW, by our formula, by the engine and by central differences.
pub fn seed_run(outputs: usize) -> SeedRun {
    let mut rng = ChaCha8Rng::seed_from_u64(SEED);
    let x =
        Array2::from_shape_simple_fn((1, FEATURES), || standard_normal(&mut rng));
    let w = Array2::from_shape_simple_fn((FEATURES, outputs), || {
        standard_normal(&mut rng)
    });
    let (b, t) = (Array1::zeros(outputs), Array2::ones((1, outputs)));
    let k = outputs as f64;
    let o = perceptron_forward(x.view(), w.view(), b.view());
    let mse_loss = (&o - &t).mapv(|e| e * e).sum() / k;
    let (grad_e, _) = perceptron_gradient(x.view(), w.view(), b.view(), t.view());
    let (_, by_engine, _) =
        engine_gradient(x.view(), w.view(), b.view(), t.view(), 1.0 / k);
    let (by_differences, _) =
        numerical_gradient(x.view(), w.view(), b.view(), t.view(), 1e-5);
    SeedRun {
        x,
        w,
        o,
        mse_loss,
        by_formula: grad_e * (2.0 / k),
        by_engine,
        by_differences: by_differences * (2.0 / k),
    }
}
// ANCHOR_END: seed_run

// The run calls the exercises, so these tests run with the reference answers only
// (`--features solutions`, as `cargo test --workspace` builds them).
#[cfg(all(test, feature = "solutions"))]
mod tests {
    use super::*;
    use chapter01::check::assert_close;

    #[test]
    fn two_output_rows_are_x_times_each_delta() {
        // Row k of PyTorch's w.grad (column k of ours) is x delta_k, since 2/K = 1:
        // entry by entry the ratio of the columns is delta_1 / delta_2. With
        // O = (0.44342, 0.12285) (printed to five digits): delta_1 =
        // -0.55658 * 0.44342 * 0.55658 = -0.137363, delta_2 = -0.87715 * 0.12285
        // * 0.87715 = -0.094520, ratio 1.4533. Five printed digits: allow 1e-4.
        let run = seed_run(2);
        let (g1, g2) = (run.by_formula.column(0), run.by_formula.column(1));
        for (a, b) in g1.iter().zip(g2) {
            assert_close("ratio of the two rows", a / b, 1.4533, 1e-4);
        }
        let delta = run.o.mapv(|o| (o - 1.0) * o * (1.0 - o));
        assert_close("delta_1", delta[[0, 0]], -0.137363, 1e-4);
        assert_close("delta_2", delta[[0, 1]], -0.094520, 1e-4);
    }
}

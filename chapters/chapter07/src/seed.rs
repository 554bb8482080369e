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

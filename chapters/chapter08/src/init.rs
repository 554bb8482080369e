//! How a layer's weights start: all zero, uniform with a chosen spread, scaled to
//! the layer's widths (Xavier), or as PyTorch's `nn.Linear` starts them.

use crate::exercises::xavier_uniform;
use ndarray::{Array1, Array2};
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

// ANCHOR: init
/// A way to draw a layer's first weights.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Init {
    /// Every weight and bias 0.
    Zeros,
    /// Weights uniform with standard deviation `std` whatever the widths (the
    /// interval +-sqrt(3) std), biases 0.
    Uniform { std: f64 },
    /// Weights uniform in +-sqrt(6 / (fan_in + fan_out)), biases 0.
    Xavier,
    /// Weights and biases uniform in +-1 / sqrt(fan_in), as `nn.Linear`.
    PyTorch,
}

/// The weights (fan_in x fan_out) and biases (fan_out) of one layer.
pub fn init_layer(
    init: Init,
    fan_in: usize,
    fan_out: usize,
    rng: &mut ChaCha8Rng,
) -> (Array2<f64>, Array1<f64>) {
    let zero_bias = Array1::zeros(fan_out);
    match init {
        Init::Zeros => (Array2::zeros((fan_in, fan_out)), zero_bias),
        Init::Uniform { std } => {
            let r = 3f64.sqrt() * std;
            let w = Array2::from_shape_simple_fn((fan_in, fan_out), || {
                rng.random_range(-r..=r)
            });
            (w, zero_bias)
        }
        Init::Xavier => (xavier_uniform(fan_in, fan_out, rng), zero_bias),
        Init::PyTorch => {
            let r = 1.0 / (fan_in as f64).sqrt();
            let mut uniform = || rng.random_range(-r..=r);
            let w = Array2::from_shape_simple_fn((fan_in, fan_out), &mut uniform);
            (w, Array1::from_shape_simple_fn(fan_out, uniform))
        }
    }
}
// ANCHOR_END: init

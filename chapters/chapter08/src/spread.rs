//! Why the first weights matter: a deep tanh network on the digits, started four
//! ways, and how far its activations and its weight gradients spread, layer by
//! layer.

use crate::data::digits;
use crate::init::Init;
use crate::network::{Activation, Network};
use ndarray::Array2;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

/// The initialisations compared, with their names in the figure.
pub const INITS: [(&str, Init); 4] = [
    ("zeros", Init::Zeros),
    ("uniform, std 0.01", Init::Uniform { std: 0.01 }),
    ("uniform, std 1", Init::Uniform { std: 1.0 }),
    ("Xavier", Init::Xavier),
];
/// Hidden layers of the deep network, each `WIDTH` wide.
pub const DEPTH: usize = 8;
pub const WIDTH: usize = 64;

// ANCHOR: spread
/// For the deep network started by `init`, on all 1797 digits: the standard
/// deviation of each hidden layer's activations, and the root mean square of the
/// gradient of each layer's weights (the output layer last).
pub fn spread(init: Init) -> (Vec<f64>, Vec<f64>) {
    let data = digits();
    let mut widths = vec![WIDTH; DEPTH + 2];
    widths[0] = data.images.ncols();
    widths[DEPTH + 1] = 10;
    let mut rng = ChaCha8Rng::seed_from_u64(8);
    let (h, o) = (Activation::Tanh, Activation::Identity);
    let net = Network::new(&widths, h, o, init, &mut rng);
    let forward = net.forward(data.images.view());
    let activations = forward.inputs[1..].iter().map(std).collect();
    let (_, grads) = net.loss_and_gradients(data.images.view(), &data.labels);
    let rms = grads
        .w
        .iter()
        .map(|g| g.mapv(|x| x * x).mean().unwrap_or(0.0).sqrt());
    (activations, rms.collect())
}
// ANCHOR_END: spread

/// The standard deviation of all the entries of `a`.
fn std(a: &Array2<f64>) -> f64 {
    a.std(0.0)
}

//! The seed post's network: 784-500-10 with a sigmoid after both layers,
//! PyTorch's cross-entropy on the outputs of the second sigmoid, and SGD with
//! learning rate 0.01 and momentum 0.9, on a batch of five random 28 x 28 images
//! labelled 0 to 4.

use crate::backward::Gradients;
use crate::init::Init;
use crate::network::{Activation, Network};
use crate::optim::Sgd;
use ndarray::{Array2, Zip};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The post's widths, learning rate, momentum, labels and number of epochs.
pub const WIDTHS: [usize; 3] = [784, 500, 10];
pub const LR: f64 = 0.01;
pub const MOMENTUM: f64 = 0.9;
pub const LABELS: [usize; 5] = [0, 1, 2, 3, 4];
pub const EPOCHS: usize = 2;
/// The seed of the weights and the images.
pub const SEED: u64 = 2023;

// ANCHOR: post_network
/// The post's network, initialised as `nn.Linear` would, and its batch: five images
/// of 784 pixels uniform in [0, 1), like `torch.rand((5, 784))`.
pub fn post_network() -> (Network, Array2<f64>) {
    let mut rng = ChaCha8Rng::seed_from_u64(SEED);
    let (s, i) = (Activation::Sigmoid, Init::PyTorch);
    let net = Network::new(&WIDTHS, s, s, i, &mut rng);
    let data = Array2::from_shape_simple_fn((LABELS.len(), WIDTHS[0]), || {
        rng.random::<f64>()
    });
    (net, data)
}

/// The loss before each of `epochs` steps, as the post prints them. With
/// `zero_grad` false the gradients add up across steps, as in the post, which never
/// calls `optimizer.zero_grad()`.
pub fn post_losses(epochs: usize, momentum: f64, zero_grad: bool) -> Vec<f64> {
    let (mut net, data) = post_network();
    let mut sgd = Sgd::new(LR, momentum);
    let mut held: Option<Gradients> = None;
    (0..epochs)
        .map(|_| {
            let (loss, grads) = net.loss_and_gradients(data.view(), &LABELS);
            let grads = match held.take() {
                Some(mut sum) if !zero_grad => {
                    add(&mut sum, &grads);
                    sum
                }
                _ => grads,
            };
            sgd.step(&mut net, &grads);
            held = Some(grads);
            loss
        })
        .collect()
}
// ANCHOR_END: post_network

/// sum += g, parameter by parameter: what `backward` does to `.grad` when nobody
/// zeroes it.
fn add(sum: &mut Gradients, g: &Gradients) {
    for (s, g) in sum.w.iter_mut().zip(&g.w) {
        Zip::from(s).and(g).for_each(|s, &g| *s += g);
    }
    for (s, g) in sum.b.iter_mut().zip(&g.b) {
        Zip::from(s).and(g).for_each(|s, &g| *s += g);
    }
}

/// The least cross-entropy outputs in (0, 1) allow over ten classes: the right
/// output at 1 and the nine others at 0 give ln(e + 9) - 1 = ln(1 + 9/e).
pub fn loss_floor() -> f64 {
    (1.0 + 9.0 / std::f64::consts::E).ln()
}

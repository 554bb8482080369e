//! The training loop that records every update, for the figures and the comparison:
//! batch, stochastic and mini-batch descent are one loop with three batch sizes.

use crate::exercises::batch_epoch;
use crate::noisy::shuffled;
use ndarray::{Array1, ArrayView1, ArrayView2, Axis};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

// ANCHOR: run
/// What a run of descent records.
#[derive(Clone, Debug)]
pub struct Run {
    /// The weights before the first update, then after each update.
    pub path: Vec<Array1<f64>>,
    /// The cost of each update's batch, at the weights before that update.
    pub losses: Vec<f64>,
    /// How many updates make one epoch: ceil(n / batch size).
    pub updates_per_epoch: usize,
}

/// The order of the samples in each epoch: as they come, or a fresh shuffle per
/// epoch from a ChaCha8 generator with this seed.
#[derive(Clone, Copy, Debug)]
pub enum Order {
    /// Every epoch visits the rows as they come: 0, 1, ..., n - 1.
    AsGiven,
    /// Every epoch draws a fresh shuffle from one generator with this seed.
    Shuffled(u64),
}

/// `epochs` epochs of descent with learning rate `lr` from `start`, the samples
/// taken in `order` and cut into batches of `batch_size`: one update per batch, each
/// a `batch_epoch` on the batch's rows alone. With `batch_size` = n this is batch
/// descent, with 1 stochastic descent, and in between mini-batch descent.
pub fn descend(
    x: ArrayView2<f64>,
    y: ArrayView1<f64>,
    start: ArrayView1<f64>,
    lr: f64,
    epochs: usize,
    batch_size: usize,
    order: Order,
) -> Run {
    let n = x.nrows();
    assert!(
        batch_size > 0,
        "descend: a batch size of 0 takes no samples"
    );
    let mut rng = match order {
        Order::Shuffled(seed) => Some(ChaCha8Rng::seed_from_u64(seed)),
        Order::AsGiven => None,
    };
    let mut params = start.to_owned();
    let mut run = Run {
        path: vec![params.clone()],
        losses: Vec::new(),
        updates_per_epoch: n.div_ceil(batch_size),
    };
    for _ in 0..epochs {
        let order = match rng.as_mut() {
            Some(rng) => shuffled(n, rng),
            None => (0..n).collect(),
        };
        for batch in order.chunks(batch_size) {
            let (xb, yb) = (x.select(Axis(0), batch), y.select(Axis(0), batch));
            run.losses
                .push(batch_epoch(xb.view(), yb.view(), &mut params, lr));
            run.path.push(params.clone());
        }
    }
    run
}
// ANCHOR_END: run

impl Run {
    /// The weights at the end of each epoch, starting with the weights before the
    /// first.
    pub fn epoch_ends(&self) -> impl Iterator<Item = &Array1<f64>> {
        self.path.iter().step_by(self.updates_per_epoch)
    }
}

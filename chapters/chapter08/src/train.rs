//! Training on mini-batches: each epoch shuffles the training set, cuts it into
//! batches and takes one momentum step per batch; after each epoch the loss and the
//! accuracies on the whole training and test sets are recorded.

use crate::data::Digits;
use crate::exercises::accuracy;
use crate::init::Init;
use crate::network::{Activation, Network};
use crate::optim::Sgd;
use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

// ANCHOR: config
/// Everything a training run depends on.
#[derive(Clone, Copy, Debug)]
pub struct Config {
    pub hidden: usize,
    pub activation: Activation,
    pub init: Init,
    pub lr: f64,
    pub momentum: f64,
    pub batch: usize,
    pub epochs: usize,
    pub seed: u64,
}

/// The chapter's run on the digits: 64-32-10 with tanh, Xavier's initialisation,
/// batches of 32, learning rate 0.05 and momentum 0.9, for 10 epochs.
pub const DIGITS: Config = Config {
    hidden: 32,
    activation: Activation::Tanh,
    init: Init::Xavier,
    lr: 0.05,
    momentum: 0.9,
    batch: 32,
    epochs: 10,
    seed: 8,
};
// ANCHOR_END: config

/// What one epoch left: the mean loss on the whole training set after it, and the
/// accuracies on the training and test sets.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Epoch {
    pub loss: f64,
    pub train_accuracy: f64,
    pub test_accuracy: f64,
}

// ANCHOR: train_epoch
/// One pass over `train` in a fresh random order, one step per batch of `batch`
/// rows (the last batch may be smaller). Panics, naming the epoch's batch, if the
/// loss stops being a finite number.
pub fn train_epoch(
    net: &mut Network,
    sgd: &mut Sgd,
    train: &Digits,
    batch: usize,
    rng: &mut ChaCha8Rng,
) {
    let mut order: Vec<usize> = (0..train.labels.len()).collect();
    order.shuffle(rng);
    for (k, rows) in order.chunks(batch).enumerate() {
        let b = train.select(rows);
        let (loss, grads) = net.loss_and_gradients(b.images.view(), &b.labels);
        assert!(
            loss.is_finite(),
            "the loss became {loss} on batch {k} (of {} rows): the steps diverged; \
             lower the learning rate (now {}) or start from smaller weights",
            rows.len(),
            sgd.lr
        );
        sgd.step(net, &grads);
    }
}
// ANCHOR_END: train_epoch

// ANCHOR: fit
/// A network 64-hidden-10 trained on `train` as `config` says, with the record of
/// every epoch (loss and accuracy on `train`, accuracy on `test`).
pub fn fit(config: &Config, train: &Digits, test: &Digits) -> (Network, Vec<Epoch>) {
    let mut rng = ChaCha8Rng::seed_from_u64(config.seed);
    let widths = [train.images.ncols(), config.hidden, 10];
    let (hidden, output) = (config.activation, Activation::Identity);
    let mut net = Network::new(&widths, hidden, output, config.init, &mut rng);
    let mut sgd = Sgd::new(config.lr, config.momentum);
    let history = (0..config.epochs)
        .map(|_| {
            train_epoch(&mut net, &mut sgd, train, config.batch, &mut rng);
            record(&net, train, test)
        })
        .collect();
    (net, history)
}

/// The loss and accuracy of `net` on `train`, and its accuracy on `test`.
pub fn record(net: &Network, train: &Digits, test: &Digits) -> Epoch {
    let scores = net.predict(train.images.view());
    Epoch {
        loss: chapter05::batch::cross_entropy_rows(scores.view(), &train.labels),
        train_accuracy: accuracy(scores.view(), &train.labels),
        test_accuracy: accuracy(
            net.predict(test.images.view()).view(),
            &test.labels,
        ),
    }
}
// ANCHOR_END: fit

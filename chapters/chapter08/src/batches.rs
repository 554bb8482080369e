//! The batch size: the digits trained with batches of 1, of 32 and of the whole
//! training set, with everything else alike; the loss after each epoch, and (in the
//! example `batch_sizes` only) the seconds each epoch takes.

use crate::data::{Digits, digits};
use crate::network::{Activation, Network};
use crate::optim::Sgd;
use crate::train::{Config, DIGITS, fit, train_epoch};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::time::Instant;

/// Epochs of each run.
pub const EPOCHS: usize = 10;

/// The batch sizes compared; `None` stands for the whole training set.
pub const SIZES: [Option<usize>; 3] = [Some(1), Some(32), None];

/// The chapter's split of the digits: (train, test).
pub fn split() -> (Digits, Digits) {
    digits().split(0.2, 2026)
}

/// The learning rate of the comparison, the same for every batch size: 0.01, a
/// fifth of the chapter's run's, since with batches of 1 the run's 0.05 is
/// unstable: the loss stays far above chance (tests/training.rs checks the first
/// two epochs).
pub const LR: f64 = 0.01;

/// The run with batches of `size` rows (`None`: all of them).
pub fn config(size: Option<usize>, train: &Digits) -> Config {
    Config {
        batch: size.unwrap_or(train.labels.len()),
        epochs: EPOCHS,
        lr: LR,
        ..DIGITS
    }
}

// ANCHOR: loss_curves
/// For each batch size, its size and the training loss after each epoch.
pub fn loss_curves() -> Vec<(usize, Vec<f64>)> {
    let (train, test) = split();
    SIZES
        .iter()
        .map(|&size| {
            let config = config(size, &train);
            let (_, history) = fit(&config, &train, &test);
            (config.batch, history.iter().map(|e| e.loss).collect())
        })
        .collect()
}
// ANCHOR_END: loss_curves

/// The seconds per epoch of each batch size, measured on this machine over
/// `EPOCHS` epochs of training alone (not the loss and accuracies recorded after
/// each), as a CSV file.
pub fn timing_csv() -> String {
    let (train, _) = split();
    let mut out = String::from(
        "# seconds per epoch of training of the chapter's digits run (64-32-10, tanh)\n\
         # by batch size, measured by `cargo run --release -p chapter08 --features\n\
         # solutions --example batch_sizes -- --write` on a 2-core machine shared\n\
         # with other work: they depend on the machine and its load\n\
         batch,seconds_per_epoch\n",
    );
    for size in SIZES {
        let config = config(size, &train);
        let mut rng = ChaCha8Rng::seed_from_u64(config.seed);
        let widths = [train.images.ncols(), config.hidden, 10];
        let (h, o) = (config.activation, Activation::Identity);
        let mut net = Network::new(&widths, h, o, config.init, &mut rng);
        let mut sgd = Sgd::new(config.lr, config.momentum);
        let start = Instant::now();
        for _ in 0..EPOCHS {
            train_epoch(&mut net, &mut sgd, &train, config.batch, &mut rng);
        }
        let seconds = start.elapsed().as_secs_f64() / EPOCHS as f64;
        out.push_str(&format!("{},{seconds}\n", config.batch));
    }
    out
}

/// The seconds per epoch in the committed `data/batch-timing.csv`, by batch size.
pub fn measured_timing() -> Vec<(usize, f64)> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/batch-timing.csv");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!("cannot read {path}: {e}; run the example batch_sizes with --write")
    });
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.starts_with("batch"))
        .enumerate()
        .map(|(k, line)| {
            let parsed = line.split_once(',').and_then(|(batch, seconds)| {
                Some((batch.parse::<usize>().ok()?, seconds.parse::<f64>().ok()?))
            });
            parsed.unwrap_or_else(|| {
                panic!("{path}, data line {}: {line:?} is not batch,seconds", k + 1)
            })
        })
        .collect()
}

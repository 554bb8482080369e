//! The batch size: the digits trained with batches of 1, of 32 and of the whole
//! training set, with everything else alike; the loss after each epoch, and (in the
//! example `batch_sizes` only) the seconds each epoch takes.

use crate::data::{Digits, digits};
use crate::train::{Config, DIGITS, fit};
use std::time::Instant;

/// Epochs of each run.
pub const EPOCHS: usize = 20;

/// The batch sizes compared; `None` stands for the whole training set.
pub const SIZES: [Option<usize>; 3] = [Some(1), Some(32), None];

/// The chapter's split of the digits: (train, test).
pub fn split() -> (Digits, Digits) {
    digits().split(0.2, 2026)
}

/// The run with batches of `size` rows (`None`: all of them).
pub fn config(size: Option<usize>, train: &Digits) -> Config {
    Config {
        batch: size.unwrap_or(train.labels.len()),
        epochs: EPOCHS,
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

/// The seconds per epoch of each batch size, measured on this machine over all
/// `EPOCHS` epochs (training and the per-epoch record alike), as a CSV file.
pub fn timing_csv() -> String {
    let (train, test) = split();
    let mut out = String::from(
        "# seconds per epoch of the chapter's digits run (64-32-10, tanh) by batch\n\
         # size, measured by `cargo run --release -p chapter08 --features solutions\n\
         # --example batch_sizes` on a 2-core machine: they depend on the machine\n\
         batch,seconds_per_epoch\n",
    );
    for size in SIZES {
        let config = config(size, &train);
        let start = Instant::now();
        let _ = fit(&config, &train, &test);
        let seconds = start.elapsed().as_secs_f64() / EPOCHS as f64;
        out.push_str(&format!("{},{seconds}\n", config.batch));
    }
    out
}

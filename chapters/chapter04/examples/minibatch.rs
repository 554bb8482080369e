//! Batch, mini-batch and stochastic descent compared on 200 noisy points about the
//! line y = 2x + 1: the cost above the least-squares cost at the end of each epoch,
//! and where each ends. Runs your `least_squares`, `batch_epoch` and
//! `minibatch_epoch` (with `--features solutions`, the reference).
//!
//! cargo run -p chapter04 --example minibatch

fn main() {
    print!("{}", chapter04::experiments::minibatch());
}

//! The first seed post's stochastic gradient descent: the same three points, start
//! and learning rate as `gd`, but one update per sample, in order, three per epoch.
//! Each line is w after the epoch and, as the post prints it, the loss of the last
//! sample there. Runs your `sgd_epoch` (with `--features solutions`, the reference).
//!
//! cargo run -p chapter04 --example sgd

fn main() {
    print!("{}", chapter04::experiments::sgd());
}

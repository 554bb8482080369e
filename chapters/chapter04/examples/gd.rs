//! The first seed post's batch gradient descent: y = w x on the points (1, 2),
//! (2, 4), (3, 6) from w = 1 with lr = 0.01, one update per epoch for 100 epochs.
//! Each line is the cost before the epoch's update and w after it. Runs your
//! `batch_epoch` (with `--features solutions`, the reference).
//!
//! cargo run -p chapter04 --example gd

fn main() {
    print!("{}", chapter04::experiments::gd());
}

//! How wrong the forward and central differences of f = exp at x = 1 are, for steps
//! h from 1 down to 1e-16; their measured orders; and the best step of each, measured
//! and predicted. Runs your exercises (with `--features solutions`, the reference).
//!
//! cargo run -p chapter01 --example difference_errors

fn main() {
    print!("{}", chapter01::experiments::difference_errors());
}

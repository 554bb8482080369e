//! The softmax's Jacobian and the gradients of cross-entropy, mean squared error and
//! binary cross-entropy, each by its formula (your exercises, or with `--features
//! solutions` the reference answers) beside central differences.
//!
//! cargo run -p chapter05 --example gradient_checks

fn main() {
    print!("{}", chapter05::experiments::gradient_checks());
}

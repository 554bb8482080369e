//! The sigmoid, tanh and ReLU with their slopes at a few points, and the product of n
//! slopes: how much of a gradient survives n layers. The slopes come from your
//! `sigmoid_prime`, `tanh_prime` and `relu_prime` (with `--features solutions`, from
//! the reference answers).
//!
//! cargo run -p chapter05 --example activations

fn main() {
    print!("{}", chapter05::experiments::activations());
}

//! Softmax, cross-entropy, binary cross-entropy and the sigmoid on large inputs,
//! computed as the formulas are printed (which overflows to inf and NaN) and computed
//! stably by your `softmax`, `cross_entropy` and `binary_cross_entropy_with_logits`
//! (with `--features solutions`, by the reference answers).
//!
//! cargo run -p chapter05 --example softmax_stability

fn main() {
    print!("{}", chapter05::experiments::softmax_stability());
}

//! The second seed post's network y = x w1 w2 fitted to its fifteen points from
//! w1 = w2 = 0.5 with lr = 1e-6 for 999 steps: the summed squared error at every
//! 50th iteration, and the weights at the end. Runs your `two_weight_gradient`
//! (with `--features solutions`, the reference).
//!
//! cargo run -p chapter04 --example two_weight_fit

fn main() {
    print!("{}", chapter04::experiments::two_weight_fit_text());
}

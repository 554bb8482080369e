//! Himmelblau's gradient by hand (your `himmelblau_gradient`) beside the gradient by
//! central differences (your `numerical_gradient`) at a few points, with the larger
//! difference of the two components. Runs your exercises (with `--features
//! solutions`, the reference answers).
//!
//! cargo run -p chapter02 --example gradient_check

fn main() {
    print!("{}", chapter02::experiments::gradient_check());
}

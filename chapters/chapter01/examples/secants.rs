//! The slopes of the secants of f(x) = x^2 from a = 3 to 3 + h, for steps h shrinking
//! towards 0: they approach 6, the slope of the tangent. The slopes come from your
//! `forward_difference` (with `--features solutions`, from the reference answer); the
//! column "6 + h" is the algebra's answer, to compare with.
//!
//! cargo run -p chapter01 --example secants

fn main() {
    print!("{}", chapter01::experiments::secants());
}

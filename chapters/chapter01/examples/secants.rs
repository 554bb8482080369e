//! The slopes of the secants of f(x) = x^2 from a = 3 to 3 + h, for steps h shrinking
//! towards 0: they approach 6, the slope of the tangent. The slopes come from your
//! `forward_difference` (with `--features solutions`, from the reference answer); the
//! column "6 + h" is the algebra's answer, to compare with.
//!
//! cargo run -p chapter01 --example secants

use chapter01::derivative::square_secant_slope;
use chapter01::exercises::forward_difference;

fn main() {
    let a = 3.0;
    println!(
        "secants of f(x) = x^2 from a = 3 to a + h; the tangent's slope is 6\n"
    );
    println!(
        "{:>14}  {:>18}  {:>14}  {:>10}",
        "h", "slope", "6 + h", "slope - 6"
    );
    for h in [
        2.0, 1.0, 0.5, 0.1, 0.01, 1e-3, 1e-4, 1e-6, 1e-8, 1e-10, 1e-12,
    ] {
        let slope = forward_difference(|x| x * x, a, h);
        let algebra = square_secant_slope(a, h);
        println!(
            "{h:>14}  {slope:>18}  {algebra:>14}  {:>10.1e}",
            slope - 6.0
        );
    }
}

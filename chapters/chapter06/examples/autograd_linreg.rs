//! The seed post's linear regression, y = w x + b with w = 2, b = 1 on x = [1, 2, 3]
//! against targets [6, 9, 12]: the gradients of the mean squared error by hand, by
//! central differences and by the engine. Runs your `mse` and backward rules (with
//! `--features solutions`, the reference).
//!
//! cargo run -p chapter06 --example autograd_linreg

fn main() {
    print!("{}", chapter06::experiments::autograd_linreg());
}

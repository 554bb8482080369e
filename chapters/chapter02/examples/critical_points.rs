//! The critical points of Himmelblau's function, found by Newton's method on the
//! gradient from a grid of 625 starting points: where each is, the function's value
//! there, the eigenvalues of its Hessian, the length of the numerical gradient there,
//! its kind, and how many starts led to it. Runs your exercises (with `--features
//! solutions`, the reference answers).
//!
//! cargo run -p chapter02 --example critical_points

fn main() {
    print!("{}", chapter02::experiments::critical_points());
}

//! The network y = x w1 w2 from five starts: where 999 and 100000 steps end, beside
//! the point of the valley floor that each start's path is predicted to reach. Runs
//! your `two_weight_gradient` (with `--features solutions`, the reference).
//!
//! cargo run -p chapter04 --example two_weight_starts

fn main() {
    print!("{}", chapter04::experiments::two_weight_starts());
}

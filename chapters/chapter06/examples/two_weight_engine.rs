//! Chapter 4's network y = x w1 w2, trained for 999 steps with the hand-derived
//! gradient and with the engine's: the two paths side by side. Runs your backward
//! rules (with `--features solutions`, the reference).
//!
//! cargo run -p chapter06 --example two_weight_engine

fn main() {
    print!("{}", chapter06::experiments::two_weight_engine());
}

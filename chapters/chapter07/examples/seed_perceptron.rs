//! Prints `chapter07::experiments::run("seed_perceptron")`.
//!
//! cargo run -p chapter07 --features solutions --example seed_perceptron

fn main() {
    print!(
        "{}",
        chapter07::experiments::run("seed_perceptron").expect("a known example")
    );
}

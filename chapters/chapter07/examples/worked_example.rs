//! Prints `chapter07::experiments::run("worked_example")`.
//!
//! cargo run -p chapter07 --features solutions --example worked_example

fn main() {
    print!(
        "{}",
        chapter07::experiments::run("worked_example").expect("a known example")
    );
}

//! Prints `chapter07::experiments::run("iris")`.
//!
//! cargo run -p chapter07 --features solutions --example iris

fn main() {
    print!(
        "{}",
        chapter07::experiments::run("iris").expect("a known example")
    );
}

//! Prints `chapter07::experiments::run("iris_overlap")`.
//!
//! cargo run -p chapter07 --features solutions --example iris_overlap

fn main() {
    print!(
        "{}",
        chapter07::experiments::run("iris_overlap").expect("a known example")
    );
}

//! The chapter's example `worked_example` (see `src/experiments.rs`). Runs your answers to the
//! exercises (with `--features solutions`, the reference).
//!
//! cargo run --release -p chapter08 --features solutions --example worked_example

fn main() {
    print!(
        "{}",
        chapter08::experiments::run("worked_example").expect("a known example")
    );
}

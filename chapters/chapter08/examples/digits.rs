//! The chapter's example `digits` (see `src/experiments.rs`). Runs your answers to the
//! exercises (with `--features solutions`, the reference).
//!
//! cargo run --release -p chapter08 --features solutions --example digits

fn main() {
    print!(
        "{}",
        chapter08::experiments::run("digits").expect("a known example")
    );
}

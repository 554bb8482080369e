//! The chapter's example `backward_pass` (see `src/experiments.rs`). Runs your answers to the
//! exercises (with `--features solutions`, the reference).
//!
//! cargo run --release -p chapter08 --features solutions --example backward_pass

fn main() {
    print!(
        "{}",
        chapter08::experiments::run("backward_pass").expect("a known example")
    );
}

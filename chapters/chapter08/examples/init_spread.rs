//! The chapter's example `init_spread` (see `src/experiments.rs`). Runs your answers to the
//! exercises (with `--features solutions`, the reference).
//!
//! cargo run --release -p chapter08 --features solutions --example init_spread

fn main() {
    print!(
        "{}",
        chapter08::experiments::run("init_spread").expect("a known example")
    );
}

//! The chapter's example `post_network` (see `src/experiments.rs`). Runs your answers to the
//! exercises (with `--features solutions`, the reference).
//!
//! cargo run --release -p chapter08 --features solutions --example post_network

fn main() {
    print!(
        "{}",
        chapter08::experiments::run("post_network").expect("a known example")
    );
}

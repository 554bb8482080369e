//! The training loss for batches of 1, 32 and the whole training set; then measures
//! the seconds per epoch of each and prints them as CSV. With `--write` it also
//! writes them to `data/batch-timing.csv`, the file the figure of batch sizes reads
//! (committed with the book's timings). Timings depend on the machine; run it in
//! release mode:
//!
//! cargo run --release -p chapter08 --features solutions --example batch_sizes
//! cargo run --release -p chapter08 --features solutions --example batch_sizes -- --write

fn main() {
    let write = match std::env::args().nth(1).as_deref() {
        None => false,
        Some("--write") => true,
        Some(other) => panic!(
            "batch_sizes: unknown argument {other:?}; the only one is --write, to \
             replace data/batch-timing.csv with this machine's timings"
        ),
    };
    print!(
        "{}",
        chapter08::experiments::run("batch_sizes").expect("a known example")
    );
    let csv = chapter08::batches::timing_csv();
    if write {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("data/batch-timing.csv");
        std::fs::write(&path, &csv)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        print!("wrote {}:\n{csv}", path.display());
    } else {
        println!("{csv}(add -- --write to save these as data/batch-timing.csv)");
    }
}

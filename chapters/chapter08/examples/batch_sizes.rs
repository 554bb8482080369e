//! The training loss for batches of 1, 32 and the whole training set; then measures
//! the seconds per epoch of each and writes them to `data/batch-timing.csv`, which
//! the figure of batch sizes reads. Timings depend on the machine; run it in
//! release mode:
//!
//! cargo run --release -p chapter08 --features solutions --example batch_sizes

fn main() {
    print!(
        "{}",
        chapter08::experiments::run("batch_sizes").expect("a known example")
    );
    let csv = chapter08::batches::timing_csv();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/batch-timing.csv");
    std::fs::write(&path, &csv)
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    print!("wrote {}:\n{csv}", path.display());
}

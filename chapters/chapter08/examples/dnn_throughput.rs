//! Times the training step of the post's 784-500-10 sigmoid network in f32, for
//! batch sizes 1, 64 and 256. Run it in release mode:
//! `cargo run --release -p chapter08 --features solutions --example dnn_throughput`.

fn main() {
    print!("{}", chapter08::throughput::report());
}

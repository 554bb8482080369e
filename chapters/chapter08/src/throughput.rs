//! How fast the post's network trains: the step of `fast::TwoLayer<f32>` timed the
//! way `../shared/bench/torch_mlp.py` times PyTorch's, so the two can be compared
//! side by side on one machine.

use crate::fast::TwoLayer;
use crate::init::{Init, init_layer};
use crate::peak;
use crate::seed::WIDTHS;
use ndarray::{Array1, Array2};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::fmt::Write;
use std::time::Instant;

/// The batch sizes timed, as the reference benchmark times them.
pub const BATCHES: [usize; 3] = [1, 64, 256];
/// Warm-up steps, then `REPEATS` timings of `STEPS` steps each; the median is kept.
pub const WARMUP: usize = 20;
pub const STEPS: usize = 200;
pub const REPEATS: usize = 5;
/// Batches of random data prepared before timing and used in turn.
pub const NBATCHES: usize = 8;

// ANCHOR: flops
/// The floating-point operations of the five matrix products of one step on a batch
/// of `batch` rows (a multiply-add counts as two): forward x W1 and h W2, backward
/// h^T delta2, delta2 W2^T and x^T delta1. The element-wise work (sigmoid, softmax,
/// update) is left out.
pub fn matmul_flops_per_step(batch: usize) -> usize {
    let [d0, d1, d2] = WIDTHS;
    2 * batch * (2 * d0 * d1 + 3 * d1 * d2)
}
// ANCHOR_END: flops

/// The post's network in f32, started as PyTorch's `nn.Linear` starts it (chapter 8's
/// `Init::PyTorch`: weights and biases uniform in +-1/sqrt(fan_in)), from a seeded
/// generator.
pub fn post_network(batch: usize, rng: &mut ChaCha8Rng) -> TwoLayer<f32> {
    let [d0, d1, d2] = WIDTHS;
    let in_f32 = |(w, b): (Array2<f64>, Array1<f64>)| {
        (w.mapv(|v| v as f32), b.mapv(|v| v as f32))
    };
    let first = in_f32(init_layer(Init::PyTorch, d0, d1, rng));
    let second = in_f32(init_layer(Init::PyTorch, d1, d2, rng));
    TwoLayer::new(first, second, batch, 0.01, 0.9)
}

/// Milliseconds per step for batches of `batch` random images (uniform in [0, 1))
/// with random labels: the median over `REPEATS` runs of `STEPS` steps, after
/// `WARMUP` steps.
pub fn ms_per_step(batch: usize) -> f64 {
    let mut rng = ChaCha8Rng::seed_from_u64(1234);
    let mut net = post_network(batch, &mut rng);
    let [d0, _, d2] = WIDTHS;
    let data: Vec<(Array2<f32>, Vec<usize>)> = (0..NBATCHES)
        .map(|_| {
            let x =
                Array2::from_shape_simple_fn((batch, d0), || rng.random::<f32>());
            let y = (0..batch).map(|_| rng.random_range(0..d2)).collect();
            (x, y)
        })
        .collect();
    let mut batches = data.iter().cycle();
    let mut step = || {
        let (x, y) = batches.next().expect("cycle never ends");
        net.step(x.view(), y)
    };
    let mut loss = 0.0;
    for _ in 0..WARMUP {
        loss = step();
    }
    let mut times: Vec<f64> = (0..REPEATS)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..STEPS {
                loss = step();
            }
            start.elapsed().as_secs_f64() * 1e3 / STEPS as f64
        })
        .collect();
    assert!(loss.is_finite(), "dnn_throughput: the loss became {loss}");
    times.sort_by(f64::total_cmp);
    times[REPEATS / 2]
}

/// What `dnn_throughput` prints: for each batch size a line
/// `batch B: M ms/step, S samples/s`; then the machine's peak rate, measured by
/// `peak::peak_flops` on every core, and for each batch size the rate of the step's
/// matrix products as a fraction of it.
pub fn report() -> String {
    let timed: Vec<(usize, f64)> = BATCHES
        .iter()
        .map(|&batch| (batch, ms_per_step(batch)))
        .collect();
    let mut out = String::new();
    for &(batch, ms) in &timed {
        let samples = batch as f64 * 1e3 / ms;
        let _ = writeln!(out, "batch {batch}: {ms} ms/step, {samples} samples/s");
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let Some(peak) = peak::peak_flops(cores) else {
        let _ =
            writeln!(out, "peak: no FMA loop for this CPU, so no fraction of it");
        return out;
    };
    let _ = writeln!(
        out,
        "peak: {:.1} GFLOP/s on {cores} cores (f32 fused multiply-adds)",
        peak / 1e9
    );
    for &(batch, ms) in &timed {
        let rate = matmul_flops_per_step(batch) as f64 / (ms / 1e3);
        let _ = writeln!(
            out,
            "batch {batch}: {:.1} GFLOP/s in the matrix products, {:.0}% of peak",
            rate / 1e9,
            100.0 * rate / peak
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::matmul_flops_per_step;

    #[test]
    fn one_sample_costs_1598000_operations_in_the_products() {
        // 2 (x W1 and x^T delta1) x 784 x 500 = 784,000 multiply-adds, plus
        // 3 (h W2, h^T delta2, delta2 W2^T) x 500 x 10 = 15,000; two operations
        // each: 1,598,000. Linear in the batch.
        assert_eq!(matmul_flops_per_step(1), 1_598_000);
        assert_eq!(matmul_flops_per_step(256), 256 * 1_598_000);
    }
}

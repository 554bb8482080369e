//! A larger data set for comparing the three kinds of descent: points scattered
//! about the line y = 2x + 1, drawn from a seeded generator so that every run, on
//! every machine, sees the same points and the same shuffles.

use ndarray::Array1;
use rand::seq::SliceRandom;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::f64::consts::TAU;

// ANCHOR: noisy_line
/// How many points,
pub const NOISY_N: usize = 200;
/// the slope
pub const TRUE_W: f64 = 2.0;
/// and the intercept of the line they scatter about,
pub const TRUE_B: f64 = 1.0;
/// the standard deviation of the noise,
pub const NOISE: f64 = 0.5;
/// and the generator's seed.
pub const DATA_SEED: u64 = 4;

/// `n` points (x_i, y_i) with x_i uniform on [0, 2) and
/// y_i = TRUE_W x_i + TRUE_B + NOISE z_i, where the z_i are standard normal, all
/// drawn from a ChaCha8 generator seeded with `seed`.
pub fn noisy_line(n: usize, seed: u64) -> (Array1<f64>, Array1<f64>) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let x = Array1::from_shape_fn(n, |_| 2.0 * rng.random::<f64>());
    let z = Array1::from_shape_fn(n, |_| standard_normal(&mut rng));
    let y = &x * TRUE_W + TRUE_B + z * NOISE;
    (x, y)
}

/// A standard normal number by the Box-Muller transform: for u1 uniform on (0, 1]
/// and u2 uniform on [0, 1), sqrt(-2 ln u1) cos(2 pi u2).
pub fn standard_normal(rng: &mut ChaCha8Rng) -> f64 {
    let u1 = 1.0 - rng.random::<f64>();
    let u2 = rng.random::<f64>();
    (-2.0 * u1.ln()).sqrt() * (TAU * u2).cos()
}
// ANCHOR_END: noisy_line

// ANCHOR: shuffled
/// A fresh order for one epoch: the indices 0..n in a random order drawn from
/// `rng`. Each call continues the generator, so each epoch gets its own shuffle,
/// and the same seed gives the same shuffles.
pub fn shuffled(n: usize, rng: &mut ChaCha8Rng) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.shuffle(rng);
    order
}
// ANCHOR_END: shuffled

#[cfg(test)]
mod tests {
    use super::*;
    use chapter01::check::assert_close;

    #[test]
    fn the_same_seed_gives_the_same_points_and_another_seed_others() {
        let (x, y) = noisy_line(5, DATA_SEED);
        assert_eq!(noisy_line(5, DATA_SEED), (x.clone(), y.clone()));
        assert_ne!(noisy_line(5, DATA_SEED + 1).0, x);
    }

    #[test]
    fn the_points_scatter_about_the_line_as_drawn() {
        // x uniform on [0, 2): mean 1 and variance 4/12 = 1/3. The noise has mean
        // 0 and variance 0.5^2 = 0.25. The mean of 200 draws is off by about a
        // standard deviation over sqrt(200): 0.04 for x, 0.035 for the noise; we
        // allow four of those, 0.16 = 0.08 (1 + 1) and 0.14 = 0.14 (1 + 0). A
        // variance estimate is off by about sqrt(2/199) = 10% of itself for normal
        // noise, less for uniform x; we allow 40%: 0.133 = 0.1 (1 + 1/3) and
        // 0.1 = 0.08 (1 + 0.25).
        let (x, y) = noisy_line(NOISY_N, DATA_SEED);
        assert!(x.iter().all(|&v| (0.0..2.0).contains(&v)), "{x}");
        let noise = &y - &x * TRUE_W - TRUE_B;
        let mean = |a: &Array1<f64>| a.mean().expect("200 points");
        let variance =
            |a: &Array1<f64>| a.mapv(|v| (v - mean(a)).powi(2)).sum() / 199.0;
        assert_close("mean of x", mean(&x), 1.0, 0.08);
        assert_close("mean of the noise", mean(&noise), 0.0, 0.14);
        assert_close("variance of x", variance(&x), 1.0 / 3.0, 0.1);
        assert_close("variance of the noise", variance(&noise), 0.25, 0.08);
    }

    #[test]
    fn a_shuffle_is_a_permutation_and_the_next_epoch_gets_another() {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let first = shuffled(10, &mut rng);
        let second = shuffled(10, &mut rng);
        let mut sorted = first.clone();
        sorted.sort();
        assert_eq!(sorted, (0..10).collect::<Vec<_>>());
        assert_ne!(first, second, "two epochs in a row got the same order");
        let mut again = ChaCha8Rng::seed_from_u64(1);
        assert_eq!(
            shuffled(10, &mut again),
            first,
            "the same seed, the same order"
        );
    }
}

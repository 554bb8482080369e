//! The number types the speed-tuned step runs on, f32 and f64, and the one function
//! whose cost matters besides the products: the sigmoid, which takes an exponential
//! of every hidden unit. In f32 it uses an exponential that the compiler can turn into
//! vector instructions, as PyTorch's does; in f64 the standard one.

use ndarray::LinalgScalar;
use num_traits::Float;

/// A number the fast step can run on: f32 or f64.
pub trait Real:
    LinalgScalar + Float + Send + Sync + std::fmt::Debug + 'static
{
    /// 1 / (1 + e^(-x)).
    fn sigmoid(self) -> Self;
}

impl Real for f64 {
    fn sigmoid(self) -> f64 {
        chapter01::activation::sigmoid(self)
    }
}

impl Real for f32 {
    fn sigmoid(self) -> f32 {
        1.0 / (1.0 + exp_f32(-self))
    }
}

// ANCHOR: exp_f32
/// e^x in f32 without a branch or a library call, so that a loop of it vectorises:
/// x = n ln 2 + r with n a whole number and |r| <= ln 2 / 2, e^r by its Taylor
/// polynomial of degree 7, and 2^n written straight into the exponent bits. Inputs
/// are clamped to [-87, 88], where e^x is a normal f32. Relative error below 4e-7
/// (tested against f64's exp).
pub fn exp_f32(x: f32) -> f32 {
    const LOG2_E: f32 = std::f32::consts::LOG2_E;
    // ln 2 split in two, the first part with few enough bits that n * LN2_HI is
    // exact for |n| < 256 (Cody and Waite's trick).
    const LN2_HI: f32 = 0.693_359_4;
    const LN2_LO: f32 = -2.121_944_4e-4;
    // Adding and subtracting 1.5 * 2^23 rounds an f32 below 2^22 to a whole number.
    const ROUND: f32 = 12_582_912.0;
    let x = x.clamp(-87.0, 88.0);
    let n = (x * LOG2_E + ROUND) - ROUND;
    let r = (x - n * LN2_HI) - n * LN2_LO;
    let mut p = 1.0 / 5040.0;
    for c in [
        1.0 / 720.0,
        1.0 / 120.0,
        1.0 / 24.0,
        1.0 / 6.0,
        0.5,
        1.0,
        1.0,
    ] {
        p = p * r + c;
    }
    let two_n = f32::from_bits(((n as i32 + 127) as u32) << 23);
    p * two_n
}
// ANCHOR_END: exp_f32

#[cfg(test)]
mod tests {
    use super::exp_f32;

    #[test]
    fn exp_f32_is_within_4e_7_of_exp_everywhere_it_is_normal() {
        // The Taylor remainder r^8 / 8! with |r| <= 0.3466 is 5.2e-9 of e^r >= 0.707,
        // so under 1e-8; the reduction and the eight multiply-adds round a handful
        // of times, each by at most 2^-24 = 6e-8 relative: under 4e-7 together.
        let mut worst: f64 = 0.0;
        for i in 0..=1_750_000 {
            let x = -87.0 + i as f32 * 1e-4;
            let want = f64::from(x).exp();
            let err = ((f64::from(exp_f32(x)) - want) / want).abs();
            worst = worst.max(err);
        }
        assert!(
            worst < 4e-7,
            "largest relative error {worst:e}, allowed 4e-7"
        );
    }

    #[test]
    fn exp_f32_of_zero_and_one() {
        // n = 0, r = 0: the polynomial's constant term, 1, exactly.
        assert_eq!(exp_f32(0.0), 1.0);
        let e = f64::from(exp_f32(1.0));
        let err = (e - std::f64::consts::E).abs() / std::f64::consts::E;
        assert!(err < 4e-7, "exp_f32(1) = {e}, relative error {err:e}");
    }
}

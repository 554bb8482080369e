//! Adam, as `torch.optim.Adam`: its hyperparameters and the optimizer that keeps its
//! running averages and step count between steps.

use crate::exercises::adam_step;
use crate::optim::{
    InvalidHyperparameter, Optimizer, check, fraction, positive, same_lengths, state,
};
use num_traits::Float;

// ANCHOR: adam_config
/// Adam's hyperparameters, named as in `torch.optim.Adam(params, lr, betas, eps)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AdamConfig<T> {
    /// The learning rate: about the size of each step in each coordinate.
    pub lr: T,
    /// How slowly the estimates of the gradient's mean and of its square forget.
    pub betas: (T, T),
    /// Added to the denominator so that it is never 0.
    pub eps: T,
}

impl<T: Float> AdamConfig<T> {
    /// `lr` with PyTorch's defaults: betas (0.9, 0.999) and eps 1e-8.
    pub fn new(lr: T) -> Self {
        let float =
            |x: f64| T::from(x).expect("a float type holds 0.9, 0.999 and 1e-8");
        AdamConfig {
            lr,
            betas: (float(0.9), float(0.999)),
            eps: float(1e-8),
        }
    }
}
// ANCHOR_END: adam_config

// ANCHOR: adam
/// Adam, as `torch.optim.Adam`: each step is `adam_step`, with the moment estimates
/// m and v the optimizer keeps, zero before the first step, and the step count t.
#[derive(Clone, Debug)]
pub struct Adam<T> {
    config: AdamConfig<T>,
    m: Vec<T>,
    v: Vec<T>,
    t: i32,
}

impl<T: Float> Adam<T> {
    /// Adam with learning rate `lr` and PyTorch's defaults for the rest. Returns an
    /// error, naming the value and what would work, unless `lr` is a positive finite
    /// number.
    pub fn new(lr: T) -> Result<Self, InvalidHyperparameter> {
        Self::with_config(AdamConfig::new(lr))
    }

    /// Adam with every hyperparameter given. Returns an error unless lr and eps are
    /// positive finite numbers and 0 <= beta < 1 for both betas.
    pub fn with_config(
        config: AdamConfig<T>,
    ) -> Result<Self, InvalidHyperparameter> {
        let AdamConfig {
            lr,
            betas: (beta1, beta2),
            eps,
        } = config;
        let lr_must = "the learning rate must be a positive finite number";
        check("lr", lr, positive, lr_must, "0.001")?;
        let beta_must = "each beta must be at least 0 and less than 1";
        check("beta1", beta1, fraction, beta_must, "0.9")?;
        check("beta2", beta2, fraction, beta_must, "0.999")?;
        check(
            "eps",
            eps,
            positive,
            "eps must be a positive finite number",
            "1e-8",
        )?;
        Ok(Adam {
            config,
            m: Vec::new(),
            v: Vec::new(),
            t: 0,
        })
    }
}

impl<T: Float> Optimizer<T> for Adam<T> {
    fn step(&mut self, params: &mut [T], grads: &[T]) {
        same_lengths("Adam", params, grads);
        state("Adam", &mut self.m, params.len());
        state("Adam", &mut self.v, params.len());
        self.t += 1;
        adam_step(params, grads, &mut self.m, &mut self.v, self.t, self.config);
    }

    fn lr(&self) -> T {
        self.config.lr
    }
}
// ANCHOR_END: adam

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sgd::Sgd;
    use chapter01::check::assert_close;

    #[test]
    fn adams_betas_and_eps_are_checked() {
        let config = AdamConfig {
            betas: (0.9, 1.5),
            ..AdamConfig::new(0.001)
        };
        let err = Adam::with_config(config).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid beta2 = 1.5: each beta must be at least 0 and less than 1, such \
             as 0.999"
        );
        let config = AdamConfig {
            eps: -1.0,
            ..AdamConfig::new(0.001)
        };
        assert_eq!(Adam::with_config(config).unwrap_err().name, "eps");
    }

    #[test]
    fn pytorchs_defaults() {
        // torch.optim.Adam: betas=(0.9, 0.999), eps=1e-8; in f32 they round to the
        // nearest f32, which `as f32` also gives.
        let config = AdamConfig::<f32>::new(1e-3);
        assert_eq!(config.betas, (0.9f64 as f32, 0.999f64 as f32));
        assert_eq!(config.eps, 1e-8f64 as f32);
        assert!(Sgd::new(0.01, 0.9).is_ok() && Adam::new(1e-3f32).is_ok());
    }

    #[test]
    fn without_bias_correction_adams_first_step_would_be_3_16_times_lr() {
        // After one step m = 0.1 g and v = 0.001 g^2, so m / sqrt(v) = 0.1 g /
        // (sqrt(0.001) |g|) = sign(g) 0.1 / 0.0316228 = 3.16228 sign(g). With the
        // corrections, m / 0.1 over sqrt(v / 0.001) is exactly sign(g). Five digits:
        // 1e-5 (1 + 3.16).
        let (m, v) = (0.1 * 7.0, 0.001 * 49.0);
        let ratio: f64 = m / f64::sqrt(v);
        assert_close("m / sqrt(v) after one step", ratio, 3.16228, 1e-5);
        let corrected = (m / 0.1) / f64::sqrt(v / 0.001);
        assert_close("corrected", corrected, 1.0, 1e-15);
        // The corrections' size: 1 - 0.9^10 = 0.65132 at t = 10 and
        // 1 - 0.999^1000 = 1 - 0.36770 = 0.63230 at t = 1000. Five digits.
        assert_close("1 - 0.9^10", 1.0 - 0.9f64.powi(10), 0.65132, 1e-5);
        assert_close("1 - 0.999^1000", 1.0 - 0.999f64.powi(1000), 0.63230, 1e-5);
    }

    /// |m̂| / √v̂ after the gradients `gs` (oldest first), with PyTorch's betas and
    /// without eps (which only makes the step shorter): the step in units of lr. The
    /// averages are written out here, not taken from the learner's `adam_step`.
    fn step_over_lr(gs: impl IntoIterator<Item = f64>) -> f64 {
        let (b1, b2) = (0.9f64, 0.999f64);
        let (mut m, mut v, mut t) = (0.0, 0.0, 0);
        for g in gs {
            t += 1;
            m = b1 * m + (1.0 - b1) * g;
            v = b2 * v + (1.0 - b2) * g * g;
        }
        (m / (1.0 - b1.powi(t))).abs() / (v / (1.0 - b2.powi(t))).sqrt()
    }

    #[test]
    fn adams_step_is_at_most_7_27_lr_in_one_coordinate() {
        // m_t = 0.1 Σ 0.9^j g_(t-j) and v_t = 0.001 Σ 0.999^j g_(t-j)^2, j = 0..t-1.
        // Cauchy-Schwarz, with 0.9^j = (0.9^j / 0.999^(j/2)) 0.999^(j/2):
        // |Σ 0.9^j g| <= sqrt(Σ ρ^j) sqrt(Σ 0.999^j g^2), ρ = 0.81 / 0.999. With the
        // corrections, |m̂| / √v̂ <= B(t) = 0.1 / (1 - 0.9^t) * sqrt((1 - 0.999^t)
        // / 0.001) * sqrt((1 - ρ^t) / (1 - ρ)), which grows from B(1) = 1 to
        // 0.1 / sqrt(0.001 (1 - ρ)) = 7.27029. Five digits: 1e-5 (1 + 7.27).
        let rho = 0.81 / 0.999;
        let bound = |t: i32| {
            0.1 / (1.0 - 0.9f64.powi(t))
                * ((1.0 - 0.999f64.powi(t)) / 0.001).sqrt()
                * ((1.0 - rho.powi(t)) / (1.0 - rho)).sqrt()
        };
        assert_close("B(1)", bound(1), 1.0, 1e-15);
        let limit = 0.1 / (0.001 * (1.0 - rho)).sqrt();
        assert_close("0.1 / sqrt(0.001 (1 - ρ))", limit, 7.27029, 1e-5);
        // B(t) approaches the limit from below; in floating point it may touch it
        // to within a few roundings, 1e-15 relative.
        let largest = (1..200_000).map(bound).fold(0.0, f64::max);
        assert!(
            largest <= limit * (1.0 + 1e-14),
            "B(t) reached {largest}, above {limit}"
        );
        // Equality needs g_(t-j) proportional to (0.9 / 0.999)^j: a gradient that
        // grows by 0.999 / 0.9 = 1.11 at every step. After 20000 zero gradients
        // (so that 0.999^t is negligible, 2e-9), 300 such steps reach the limit but
        // for ρ^300 = 4e-28 and rounding: 1e-9 (1 + 7.27).
        let growing = (0..300).map(|j| (0.999f64 / 0.9).powi(j));
        let ratio = step_over_lr(std::iter::repeat_n(0.0, 20000).chain(growing));
        assert_close("step / lr for a growing gradient", ratio, limit, 1e-9);
    }

    #[test]
    fn a_lone_gradient_after_a_long_calm_gives_a_step_of_3_16_lr() {
        // After 20000 zero gradients, one gradient g: m = 0.1 g and v = 0.001 g^2,
        // while 1 - 0.9^t and 1 - 0.999^t are 1 to within 2e-9. So the step is
        // 0.1 / sqrt(0.001) = 3.16228 lr. Five digits: 1e-5 (1 + 3.16).
        let ratio = step_over_lr(std::iter::repeat_n(0.0, 20000).chain([7.0]));
        assert_close("step / lr after a calm", ratio, 3.16228, 1e-5);
    }
}

//! The machine's peak arithmetic rate, measured rather than looked up: every core
//! runs a loop of independent fused multiply-adds on the widest f32 vectors the CPU
//! has, which is the most arithmetic it can do per second. The matrix products of a
//! training step are compared with it.

use std::time::Instant;

/// Fused multiply-adds per chain in one timing; twelve chains run side by side.
const ROUNDS: u64 = 20_000_000;

/// f32 operations per second (a multiply-add counts as two) on all `cores`, each
/// running the loop at once, or `None` where this CPU has no loop written for it
/// (only x86-64 with AVX-512 or AVX2 and FMA).
pub fn peak_flops(cores: usize) -> Option<f64> {
    let one = one_core_flops()?;
    let rates: Vec<f64> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..cores)
            .map(|_| scope.spawn(|| one_core_flops().unwrap_or(one)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a timing thread panicked"))
            .collect()
    });
    Some(rates.iter().sum())
}

/// f32 operations per second of one core, or `None` (see `peak_flops`).
pub fn one_core_flops() -> Option<f64> {
    #[cfg(target_arch = "x86_64")]
    {
        if is_x86_feature_detected!("avx512f") {
            // SAFETY: the CPU has AVX-512F, checked just above.
            return Some(unsafe { x86::fma_avx512(ROUNDS) });
        }
        if is_x86_feature_detected!("avx2") && is_x86_feature_detected!("fma") {
            // SAFETY: the CPU has AVX2 and FMA, checked just above.
            return Some(unsafe { x86::fma_avx2(ROUNDS) });
        }
    }
    None
}

#[cfg(target_arch = "x86_64")]
mod x86 {
    use super::Instant;
    use std::arch::x86_64::*;
    use std::hint::black_box;

    /// Twelve chains, more than the FMA units' latency times their number, so the
    /// units never wait for a result.
    const CHAINS: usize = 12;

    // ANCHOR: fma_avx512
    /// f32 operations per second of twelve independent chains of fused
    /// multiply-adds on 16-lane AVX-512 vectors, `rounds` each.
    #[target_feature(enable = "avx512f")]
    pub unsafe fn fma_avx512(rounds: u64) -> f64 {
        let (b, c) = (_mm512_set1_ps(black_box(0.999_9)), _mm512_set1_ps(1e-4));
        let mut acc = [_mm512_set1_ps(black_box(1.0)); CHAINS];
        let start = Instant::now();
        for _ in 0..rounds {
            for a in &mut acc {
                *a = _mm512_fmadd_ps(*a, b, c);
            }
        }
        let seconds = start.elapsed().as_secs_f64();
        black_box(acc);
        (rounds * CHAINS as u64 * 16 * 2) as f64 / seconds
    }
    // ANCHOR_END: fma_avx512

    /// The same on 8-lane AVX2 vectors.
    #[target_feature(enable = "avx2,fma")]
    pub unsafe fn fma_avx2(rounds: u64) -> f64 {
        let (b, c) = (_mm256_set1_ps(black_box(0.999_9)), _mm256_set1_ps(1e-4));
        let mut acc = [_mm256_set1_ps(black_box(1.0)); CHAINS];
        let start = Instant::now();
        for _ in 0..rounds {
            for a in &mut acc {
                *a = _mm256_fmadd_ps(*a, b, c);
            }
        }
        let seconds = start.elapsed().as_secs_f64();
        black_box(acc);
        (rounds * CHAINS as u64 * 8 * 2) as f64 / seconds
    }
}

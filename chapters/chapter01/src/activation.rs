//! Sigmoid, tanh and ReLU, the activation functions the book keeps meeting, with
//! their derivatives.

// ANCHOR: sigmoid
/// The logistic sigmoid sigma(x) = 1 / (1 + e^(-x)): squashes every x into (0, 1),
/// with sigma(0) = 1/2.
pub fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}
// ANCHOR_END: sigmoid

// ANCHOR: sigmoid_prime
/// The derivative of the sigmoid, sigma'(x) = sigma(x) (1 - sigma(x)): largest, 1/4,
/// at x = 0, and close to 0 far from it.
pub fn sigmoid_prime(x: f64) -> f64 {
    let s = sigmoid(x);
    s * (1.0 - s)
}
// ANCHOR_END: sigmoid_prime

// ANCHOR: tanh
/// The hyperbolic tangent tanh x = (e^x - e^(-x)) / (e^x + e^(-x)): squashes every x
/// into (-1, 1), with tanh 0 = 0.
pub fn tanh(x: f64) -> f64 {
    x.tanh()
}
// ANCHOR_END: tanh

// ANCHOR: tanh_prime
/// The derivative of tanh, tanh'(x) = 1 - tanh^2 x: 1 at x = 0, close to 0 far from
/// it.
pub fn tanh_prime(x: f64) -> f64 {
    1.0 - x.tanh().powi(2)
}
// ANCHOR_END: tanh_prime

// ANCHOR: relu
/// The rectified linear unit relu(x) = max(0, x).
pub fn relu(x: f64) -> f64 {
    x.max(0.0)
}
// ANCHOR_END: relu

// ANCHOR: relu_prime
/// The derivative of relu: 0 for x < 0 and 1 for x > 0. At x = 0, where relu has a
/// corner and no derivative, it returns 0, the value PyTorch uses.
pub fn relu_prime(x: f64) -> f64 {
    if x > 0.0 { 1.0 } else { 0.0 }
}
// ANCHOR_END: relu_prime

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::assert_close;
    use crate::test_support::central;

    const POINTS: [f64; 7] = [-4.0, -1.5, -0.2, 0.0, 0.7, 2.0, 5.0];

    #[test]
    fn sigmoid_is_one_half_at_zero_with_slope_one_quarter() {
        // 1 / (1 + e^0) = 1/2, and 1/2 (1 - 1/2) = 1/4: exact in f64, no tolerance.
        assert_close("sigmoid(0)", sigmoid(0.0), 0.5, 0.0);
        assert_close("sigmoid'(0)", sigmoid_prime(0.0), 0.25, 0.0);
    }

    #[test]
    fn sigmoid_slope_at_five_is_below_one_hundredth() {
        // sigma(5) = 1 / (1 + e^-5) = 0.99331, so sigma'(5) = 0.99331 * 0.00669:
        // 0.00665 to three digits (it is 0.0066481), off by less than 2e-6. We allow
        // 1e-5 (1 + 0.00665) = 1.0e-5.
        assert_close("sigmoid'(5)", sigmoid_prime(5.0), 0.00665, 1e-5);
    }

    // Against central differences with h = 1e-5. Truncation: at most
    // h^2 |f'''| / 6, with |sigma'''| <= 1/8, |tanh'''| <= 2 and relu''' = 0 away
    // from 0, so at most 3.3e-11. Round-off: at most EPSILON |f| / h = 2.2e-11 for
    // |f| <= 1 (1.1e-10 for relu at 5), or a few times that for a function that
    // rounds a few times. So the errors stay below 1e-9, and we allow
    // 1e-8 (1 + |f'|), at least 1e-8.

    #[test]
    fn sigmoid_prime_agrees_with_central_differences() {
        for x in POINTS {
            let what = format!("sigmoid'({x})");
            assert_close(&what, sigmoid_prime(x), central(sigmoid, x), 1e-8);
        }
    }

    #[test]
    fn tanh_prime_is_one_at_zero() {
        // 1 - tanh^2 0 = 1 - 0 = 1: exact, no tolerance.
        assert_close("tanh'(0)", tanh_prime(0.0), 1.0, 0.0);
    }

    #[test]
    fn tanh_prime_agrees_with_central_differences() {
        for x in POINTS {
            let what = format!("tanh'({x})");
            assert_close(&what, tanh_prime(x), central(tanh, x), 1e-8);
        }
    }

    #[test]
    fn relu_keeps_positives_and_zeroes_negatives() {
        // No arithmetic, so no rounding: no tolerance.
        assert_close("relu(3)", relu(3.0), 3.0, 0.0);
        assert_close("relu(-2)", relu(-2.0), 0.0, 0.0);
    }

    #[test]
    fn relu_prime_agrees_with_central_differences_away_from_zero() {
        // Away from the corner, relu is x or 0, so its slope is 1 or 0; a step of
        // 1e-5 never crosses 0 from these points.
        for x in POINTS.into_iter().filter(|&x| x != 0.0) {
            let what = format!("relu'({x})");
            assert_close(&what, relu_prime(x), central(relu, x), 1e-8);
        }
    }

    #[test]
    fn central_difference_of_relu_at_the_corner_is_one_half() {
        // (relu(h) - relu(-h)) / 2h = (h - 0) / 2h = 1/2: the average of the slopes
        // 0 and 1 on either side, not a derivative. Doubling h is exact, so the
        // quotient is exactly 1/2: no tolerance.
        assert_close("central slope of relu at 0", central(relu, 0.0), 0.5, 0.0);
    }

    #[test]
    fn relu_prime_at_zero_is_zero_by_convention() {
        // Not a derivative: relu has none at 0. PyTorch's backward of relu gives 0.
        assert_close("relu'(0)", relu_prime(0.0), 0.0, 0.0);
    }
}

//! The operations: each computes its value and records its backward rule, the
//! local derivatives times the gradient that arrives from above.

use crate::exercises::{div_backward, mul_backward, tanh_backward};
use crate::tape::Var;
use std::ops::{Add, Div, Mul, Neg, Sub};

// ANCHOR: binary
impl<'t> Var<'t> {
    fn add_var(self, other: Var<'t>) -> Var<'t> {
        let value = self.value() + other.value();
        self.tape.record("+", value, &[self, other], |g| vec![g, g])
    }

    fn sub_var(self, other: Var<'t>) -> Var<'t> {
        let value = self.value() - other.value();
        self.tape
            .record("-", value, &[self, other], |g| vec![g, -g])
    }

    fn mul_var(self, other: Var<'t>) -> Var<'t> {
        let (a, b) = (self.value(), other.value());
        self.tape.record("*", a * b, &[self, other], move |g| {
            let (da, db) = mul_backward(a, b, g);
            vec![da, db]
        })
    }

    fn div_var(self, other: Var<'t>) -> Var<'t> {
        let (a, b) = (self.value(), other.value());
        self.tape.record("/", a / b, &[self, other], move |g| {
            let (da, db) = div_backward(a, b, g);
            vec![da, db]
        })
    }
}
// ANCHOR_END: binary

// ANCHOR: unary
impl<'t> Var<'t> {
    /// x^n for a constant whole n: d/dx = n x^(n-1).
    pub fn powi(self, n: i32) -> Var<'t> {
        let x = self.value();
        let op = format!("^{n}");
        let dx = f64::from(n) * x.powi(n - 1);
        self.tape
            .record(&op, x.powi(n), &[self], move |g| vec![g * dx])
    }

    /// x^p for a constant real p (x > 0): d/dx = p x^(p-1).
    pub fn powf(self, p: f64) -> Var<'t> {
        let x = self.value();
        let dx = p * x.powf(p - 1.0);
        self.tape
            .record(&format!("^{p}"), x.powf(p), &[self], move |g| vec![g * dx])
    }

    /// e^x: d/dx = e^x, the output itself.
    pub fn exp(self) -> Var<'t> {
        let out = self.value().exp();
        self.tape
            .record("exp", out, &[self], move |g| vec![g * out])
    }

    /// ln x (x > 0): d/dx = 1 / x.
    pub fn ln(self) -> Var<'t> {
        let x = self.value();
        self.tape
            .record("ln", x.ln(), &[self], move |g| vec![g / x])
    }

    /// tanh x: d/dx = 1 - tanh^2 x, from the output.
    pub fn tanh(self) -> Var<'t> {
        let out = self.value().tanh();
        self.tape
            .record("tanh", out, &[self], move |g| vec![tanh_backward(out, g)])
    }

    /// 1 / (1 + e^-x): d/dx = s (1 - s), from the output s.
    pub fn sigmoid(self) -> Var<'t> {
        let out = 1.0 / (1.0 + (-self.value()).exp());
        let dx = out * (1.0 - out);
        self.tape
            .record("sigmoid", out, &[self], move |g| vec![g * dx])
    }

    /// max(0, x): d/dx = 1 for x > 0, else 0 (PyTorch's choice at 0).
    pub fn relu(self) -> Var<'t> {
        let x = self.value();
        let dx = if x > 0.0 { 1.0 } else { 0.0 };
        self.tape
            .record("relu", x.max(0.0), &[self], move |g| vec![g * dx])
    }
}

impl<'t> Neg for Var<'t> {
    type Output = Var<'t>;
    /// -x: d/dx = -1.
    fn neg(self) -> Var<'t> {
        self.tape
            .record("neg", -self.value(), &[self], |g| vec![-g])
    }
}
// ANCHOR_END: unary

// ANCHOR: overload
/// `a op b` for two `Var`s, a `Var` and an `f64`, and an `f64` and a `Var`: the
/// number becomes a constant on the tape.
macro_rules! overload {
    ($trait:ident, $method:ident, $on_vars:ident) => {
        impl<'t> $trait for Var<'t> {
            type Output = Var<'t>;
            fn $method(self, other: Var<'t>) -> Var<'t> {
                self.$on_vars(other)
            }
        }
        impl<'t> $trait<f64> for Var<'t> {
            type Output = Var<'t>;
            fn $method(self, other: f64) -> Var<'t> {
                self.$on_vars(self.tape.constant(other))
            }
        }
        impl<'t> $trait<Var<'t>> for f64 {
            type Output = Var<'t>;
            fn $method(self, other: Var<'t>) -> Var<'t> {
                other.tape.constant(self).$on_vars(other)
            }
        }
    };
}

overload!(Add, add, add_var);
overload!(Sub, sub, sub_var);
overload!(Mul, mul, mul_var);
overload!(Div, div, div_var);
// ANCHOR_END: overload

#[cfg(test)]
mod tests {
    use crate::tape::Tape;
    use chapter01::check::assert_agree;
    use chapter01::exercises::central_difference;
    use proptest::prelude::*;

    // ANCHOR: rules_check
    /// Each operation whose rule is not an exercise, as a function of one input.
    type Unary = fn(crate::tape::Var<'_>) -> crate::tape::Var<'_>;
    /// A name, the operation on the engine, and the same function on numbers.
    type Case = (&'static str, Unary, fn(f64) -> f64);
    const OPS: [Case; 9] = [
        ("x + 3", |x| x + 3.0, |x| x + 3.0),
        ("2 - x", |x| 2.0 - x, |x| 2.0 - x),
        ("-x", |x| -x, |x| -x),
        ("x^3", |x| x.powi(3), |x| x.powi(3)),
        ("x^1.5", |x| x.powf(1.5), |x| x.powf(1.5)),
        ("exp x", |x| x.exp(), f64::exp),
        ("ln x", |x| x.ln(), f64::ln),
        ("sigmoid x", |x| x.sigmoid(), |x| 1.0 / (1.0 + (-x).exp())),
        ("relu x", |x| x.relu(), |x| x.max(0.0)),
    ];

    // The operations whose backward rules are exercises (mul, div, tanh) are checked
    // in tests/exercises.rs, so that these tests pass before the exercises are done.
    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 64, failure_persistence: None, ..ProptestConfig::default()
        })]

        #[test]
        fn every_rule_matches_central_differences(x in 0.1..3.0f64) {
            // x in [0.1, 3] keeps ln and x^1.5 defined and relu away from its kink.
            // h = 1e-5. Truncation h^2 |f'''| / 6: the largest |f'''| is ln's
            // 2 / x^3 = 2000 at x = 0.1, giving 1e-10 * 2000 / 6 = 3.3e-8. Round-off
            // EPSILON |f| / h with |f| <= x^3 = 27 at x = 3 (the largest of the
            // operations, e^3 = 20.1 next): 6e-10. We allow
            // 1e-6 (1 + |f'|).
            for (name, op, f) in OPS {
                let tape = Tape::new();
                let v = tape.var(x);
                op(v).backward();
                let by_differences = central_difference(f, x, 1e-5);
                let what = format!("d({name})/dx at x = {x}");
                let (a, b) = ("backward", "central differences");
                assert_agree(&what, a, v.grad(), b, by_differences, 1e-6);
            }
        }
    }
    // ANCHOR_END: rules_check
}

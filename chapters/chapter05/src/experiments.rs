//! The chapter's experiments, as text: each `examples/NAME.rs` prints one of these,
//! and the book's tests check that the output the book shows is what they return.
//! They run the learner's exercises, or the reference answers with `--features
//! solutions`.

use crate::activation::{
    naive_sigmoid, relu, sigmoid, sigmoid_chain_gradient, tanh,
};
use crate::check::{numerical_gradient, numerical_jacobian};
use crate::exercises::{
    binary_cross_entropy_with_logits, cross_entropy, cross_entropy_gradient,
    mse_gradient, relu_prime, sigmoid_prime, softmax, softmax_jacobian, tanh_prime,
};
use crate::losses::{
    binary_cross_entropy, binary_cross_entropy_with_logits_gradient, mse,
    naive_cross_entropy,
};
use crate::softmax::naive_softmax;
use ndarray::{Array1, Array2, ArrayView1, Zip, array};

/// The text of the example `name` (`examples/NAME.rs`), or `None` for no such example.
pub fn run(name: &str) -> Option<String> {
    match name {
        "activations" => Some(activations()),
        "softmax_stability" => Some(softmax_stability()),
        "gradient_checks" => Some(gradient_checks()),
        _ => None,
    }
}

/// The sigmoid, tanh and ReLU with their slopes at a few points, from
/// `sigmoid_prime`, `tanh_prime` and `relu_prime`; then the product of n slopes, the
/// factor by which a gradient shrinks through n layers.
pub fn activations() -> String {
    let x = array![-5.0, -2.0, -1.0, 0.0, 1.0, 2.0, 5.0];
    let (ds, dt, dr) = (
        sigmoid_prime(x.view()),
        tanh_prime(x.view()),
        relu_prime(x.view()),
    );
    let mut out = String::from("the activations and their slopes\n\n");
    out += &format!(
        "{:>4}  {:>8}  {:>8}  {:>8}  {:>8}  {:>6}  {:>6}\n",
        "x", "sigma", "sigma'", "tanh", "tanh'", "relu", "relu'"
    );
    Zip::from(&x)
        .and(&ds)
        .and(&dt)
        .and(&dr)
        .for_each(|&x, &ds, &dt, &dr| {
            out += &format!(
                "{x:>4}  {:>8.4}  {ds:>8.4}  {:>8.4}  {dt:>8.4}  {:>6}  {dr:>6}\n",
                sigmoid(x),
                tanh(x),
                relu(x),
            );
        });

    let sigma = sigmoid_prime(array![0.0, 2.0, 5.0].view());
    let (tanh_best, relu_on) = (
        tanh_prime(array![0.0].view()),
        relu_prime(array![2.0].view()),
    );
    out += "\nthe product of n slopes: how much of a gradient survives n layers\n\n";
    out += &format!(
        "{:>3}  {:>10}  {:>10}  {:>10}  {:>10}  {:>10}  {:>10}\n",
        "n",
        "sigma'(0)",
        "sigma'(2)",
        "sigma'(5)",
        "chain at 0",
        "tanh'(0)",
        "relu'(2)"
    );
    for n in [1, 2, 3, 5, 10, 20] {
        let power = |slope: f64| slope.powi(n as i32);
        out += &format!(
            "{n:>3}  {:>10.1e}  {:>10.1e}  {:>10.1e}  {:>10.1e}  {:>10}  {:>10}\n",
            power(sigma[0]),
            power(sigma[1]),
            power(sigma[2]),
            sigmoid_chain_gradient(0.0, n),
            power(tanh_best[0]),
            power(relu_on[0])
        );
    }
    out
}

/// Softmax, cross-entropy, binary cross-entropy and the sigmoid on large inputs:
/// computed as printed, and computed safely; then ln(1 + x) for a tiny x, rounded
/// and accurate.
pub fn softmax_stability() -> String {
    let mut out = format!(
        "e^709 = {:.1e}, e^710 = {}: the largest f64 is {:.1e}\n",
        709f64.exp(),
        710f64.exp(),
        f64::MAX
    );
    out += &format!(
        "e^88 = {:.1e}, e^89 = {} in f32, whose largest is {:.1e}\n",
        88f32.exp(),
        89f32.exp(),
        f32::MAX
    );
    out += &format!(
        "e^-745 = {:.1e}, e^-746 = {}: the smallest positive f64 is {:.1e}\n",
        (-745f64).exp(),
        (-746f64).exp(),
        f64::from_bits(1)
    );

    let line = |label: &str, p: Array1<f64>| format!("  {label:<26}{}\n", row(&p));
    let big = array![1000.0, 1001.0, 1002.0];
    out += &format!("\nsoftmax of {big}\n");
    out += &line("as printed:", naive_softmax(big.view()));
    out += &line("shifted by the maximum:", softmax(big.view()));
    let small = &big - 1000.0;
    out += &line(
        &format!("of {small}, as printed:"),
        naive_softmax(small.view()),
    );
    let tiny = array![-1000.0, -1000.0];
    out += &format!("\nsoftmax of {tiny}\n");
    out += &line("as printed:", naive_softmax(tiny.view()));
    out += &line("shifted by the maximum:", softmax(tiny.view()));

    let z = array![1000.0, 0.0, 0.0];
    out += &format!("\ncross-entropy of {z}\n");
    out += &format!(
        "{:>7}  {:>10}  {:>19}\n",
        "label", "as printed", "through log-sum-exp"
    );
    for label in 0..3 {
        let naive = naive_cross_entropy(z.view(), label);
        let stable = cross_entropy(z.view(), label);
        out += &format!("{label:>7}  {naive:>10}  {stable:>19}\n");
    }

    out += "\nbinary cross-entropy of one logit z with target 0\n";
    out += &format!(
        "{:>7}  {:>12}  {:>15}\n",
        "z", "from sigma(z)", "from the logit"
    );
    for z in [1.0, 10.0, 30.0, 40.0, 800.0] {
        let (z, y) = (array![z], array![0.0]);
        let from_p = binary_cross_entropy(z.mapv(sigmoid).view(), y.view());
        let from_z = binary_cross_entropy_with_logits(z.view(), y.view());
        out += &format!("{:>7}  {from_p:>12.9}  {from_z:>15.9}\n", z[0]);
    }

    out += "\nthe sigmoid at 1000\n";
    out += &format!("  e^z / (1 + e^z):  {}\n", naive_sigmoid(1000.0));
    out += &format!("  1 / (1 + e^-z):   {}\n", sigmoid(1000.0));

    let x = (-40f64).exp();
    out += &format!("\nln(1 + x) for x = e^-40 = {x:.3e}\n");
    out += &format!("  (1.0 + x).ln():  {}\n", (1.0 + x).ln());
    out += &format!("  x.ln_1p():       {:.3e}\n", x.ln_1p());
    out
}

/// The softmax's Jacobian and the losses' gradients, each by its formula and by
/// central differences.
pub fn gradient_checks() -> String {
    let h = 1e-5;
    let z = array![0.0, 2f64.ln(), 3f64.ln()];
    let by_formula = softmax_jacobian(z.view());
    let by_differences = numerical_jacobian(softmax, z.view(), h);
    let mut out = String::from(
        "the Jacobian of the softmax at z = [0, ln 2, ln 3], where p = [1/6, 2/6, 3/6], \
         times 36\n",
    );
    out += &format!("\nby diag(p) - p p^T:\n{}", matrix(&(&by_formula * 36.0)));
    out += &format!(
        "by central differences:\n{}",
        matrix(&(&by_differences * 36.0))
    );
    out += &format!(
        "largest difference (before the factor 36): {:.1e}\n",
        largest_difference(&by_formula, &by_differences)
    );

    out +=
        &format!("\ngradients by formula and by central differences, h = {h:e}\n");
    let label = 2;
    let ce = |z: ArrayView1<f64>| cross_entropy(z, label);
    out += &gradient_row(
        "cross-entropy of z, label 2",
        cross_entropy_gradient(z.view(), label),
        numerical_gradient(ce, z.view(), h),
    );
    let (prediction, target) = (array![1.0, 2.0, 3.0], array![1.0, 0.0, 4.0]);
    out += &gradient_row(
        "mse of [1, 2, 3], target [1, 0, 4]",
        mse_gradient(prediction.view(), target.view()),
        numerical_gradient(|p| mse(p, target.view()), prediction.view(), h),
    );
    let (logits, y) = (array![-2.0, 0.0, 3.0], array![0.0, 1.0, 1.0]);
    out += &gradient_row(
        "binary cross-entropy of [-2, 0, 3], target [0, 1, 1]",
        binary_cross_entropy_with_logits_gradient(logits.view(), y.view()),
        numerical_gradient(
            |z| binary_cross_entropy_with_logits(z, y.view()),
            logits.view(),
            h,
        ),
    );
    out
}

/// A vector with four decimals: [0.0900, 0.2447, 0.6652].
fn row(v: &Array1<f64>) -> String {
    let entries: Vec<String> = v.iter().map(|x| format!("{x:.4}")).collect();
    format!("[{}]", entries.join(", "))
}

/// A matrix, one row per line, six decimals.
fn matrix(m: &Array2<f64>) -> String {
    m.rows()
        .into_iter()
        .map(|r| {
            let entries: Vec<String> =
                r.iter().map(|x| format!("{x:>10.6}")).collect();
            entries.join("") + "\n"
        })
        .collect()
}

/// The largest difference in size between two arrays' entries.
fn largest_difference<D: ndarray::Dimension>(
    a: &ndarray::Array<f64, D>,
    b: &ndarray::Array<f64, D>,
) -> f64 {
    (a - b).fold(0.0, |m, x| m.max(x.abs()))
}

/// The lines of one gradient in `gradient_checks`.
fn gradient_row(
    name: &str,
    formula: Array1<f64>,
    differences: Array1<f64>,
) -> String {
    format!(
        "{name}\n  formula:             {}\n  central differences: {}\n  largest \
         difference: {:.1e}\n",
        row(&formula),
        row(&differences),
        largest_difference(&formula, &differences)
    )
}

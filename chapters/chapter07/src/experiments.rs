//! The chapter's experiments, as text: each `examples/NAME.rs` prints one of these,
//! and the book's tests check that the output the book shows is what they return.
//! They run the learner's exercises, or the reference answers with `--features
//! solutions`.

use crate::exercises::{accuracy, decision_boundary};
use crate::overlap::fewest_mistakes;
use crate::perceptron::{WORKED_B, WORKED_T, WORKED_W, WORKED_X, loss, worked};
use crate::seed::{SeedRun, seed_run};
use crate::train::{EPOCHS, LR, Problem, mistakes, setosa_vs_rest, train};
use crate::train::{Trained, versicolor_vs_virginica};
use chapter01::exercises::central_difference;
use ndarray::{ArrayView1, Zip};
use std::fmt::Write;

/// The text of the example `name` (`examples/NAME.rs`), or `None` for no such example.
pub fn run(name: &str) -> Option<String> {
    match name {
        "worked_example" => Some(worked_example()),
        "seed_perceptron" => Some(seed_perceptron()),
        "iris" => Some(iris_experiment(&setosa_vs_rest())),
        "iris_overlap" => Some(iris_experiment(&versicolor_vs_virginica())),
        _ => None,
    }
}

/// Numbers as a list, each with five significant digits in scientific notation.
fn list(values: ArrayView1<f64>) -> String {
    let items: Vec<String> = values.iter().map(|v| format!("{v:.4e}")).collect();
    format!("[{}]", items.join(", "))
}

/// Section 7.1's example: each link of the chain, then the gradient, with a
/// central difference of E in w_1 as a check.
pub fn worked_example() -> String {
    let k = worked();
    let mut out = String::new();
    let [x1, x2] = WORKED_X;
    let [w1, w2] = WORKED_W;
    let (b, t) = (WORKED_B, WORKED_T);
    let _ = writeln!(out, "x = ({x1}, {x2}), w = ({w1}, {w2}), b = {b}, t = {t}");
    let _ = writeln!(out, "z = w . x + b = {:.6}", k.z);
    let _ = writeln!(out, "O = sigma(z) = {:.6}", k.o);
    let _ = writeln!(out, "E = (O - t)^2 / 2 = {:.6}", k.e);
    let _ = writeln!(out, "dE/dO = O - t = {:.6}", k.de_do);
    let _ = writeln!(out, "dO/dz = O (1 - O) = {:.6}", k.do_dz);
    let _ = writeln!(out, "delta = dE/dz = {:.6}", k.delta);
    let (g1, g2) = (k.grad_w[0], k.grad_w[1]);
    let _ = writeln!(
        out,
        "dE/dw = delta x = ({g1:.6}, {g2:.6}), dE/db = {:.6}",
        k.grad_b
    );
    let e = |w1: f64| {
        let z = w1 * x1 + w2 * x2 + b;
        0.5 * (1.0 / (1.0 + (-z).exp()) - t).powi(2)
    };
    let by_differences = central_difference(e, w1, 1e-5);
    let _ = writeln!(out, "dE/dw_1 by central differences = {by_differences:.6}");
    out
}

/// Whether two arrays agree entry by entry within 1e-9 (1 + |b|).
fn agree(a: &ndarray::Array2<f64>, b: &ndarray::Array2<f64>) -> bool {
    Zip::from(a)
        .and(b)
        .all(|&p, &q| (p - q).abs() <= 1e-9 * (1.0 + q.abs()))
}

fn seed_lines(out: &mut String, run: &SeedRun, formula: &str) {
    let outputs = run.w.ncols();
    let _ = writeln!(out, "x = {}", list(run.x.row(0)));
    let _ = writeln!(out, "O = {}", list(run.o.row(0)));
    let delta = run.o.mapv(|o| (o - 1.0) * o * (1.0 - o));
    let _ = writeln!(out, "delta = (O - t) O (1 - O) = {}", list(delta.row(0)));
    let _ = writeln!(out, "F.mse_loss = {:.4e}", run.mse_loss);
    let _ = writeln!(out, "w.grad by {formula} (one row per output):");
    for k in 0..outputs {
        let _ = writeln!(out, "  {}", list(run.by_formula.column(k)));
    }
    let engine = agree(&run.by_engine, &run.by_formula);
    let differences = agree(&run.by_differences, &run.by_formula);
    let _ = writeln!(
        out,
        "engine agrees: {engine}; central differences agree: {differences}"
    );
}

/// The seed post's two experiments, with the gradient PyTorch would print, found
/// three ways.
pub fn seed_perceptron() -> String {
    let mut out = String::new();
    let _ = writeln!(out, "one output: x is 1 x 10, w is 1 x 10, t = 1");
    seed_lines(&mut out, &seed_run(1), "2 (O - t) O (1 - O) x_j");
    let _ = writeln!(out, "two outputs: x is 1 x 10, w is 2 x 10, t = (1, 1)");
    seed_lines(&mut out, &seed_run(2), "(O_k - t_k) O_k (1 - O_k) x_j");
    out
}

/// The loss and the accuracy of a trained perceptron on its problem.
fn evaluate(trained: &Trained, problem: &Problem) -> (f64, f64) {
    let o = trained.outputs(&problem.petals);
    (
        loss(o.view(), problem.targets.view()),
        accuracy(o.view(), problem.targets.view()),
    )
}

/// One iris problem: loss and accuracy after a few numbers of epochs, then the
/// final perceptron's mistakes and its boundary in cm.
pub fn iris_experiment(problem: &Problem) -> String {
    let mut out = String::new();
    let n = problem.petals.nrows();
    let _ = writeln!(
        out,
        "{}: {n} flowers, petal length and width (standardised)",
        problem.name
    );
    let trained = train(problem, LR, EPOCHS);
    let (m, d) = (&trained.mean, &trained.std);
    let _ = writeln!(
        out,
        "means (cm): length {:.3}, width {:.3}; deviations: {:.3}, {:.3}",
        m[0], m[1], d[0], d[1]
    );
    let _ = writeln!(
        out,
        "full-batch gradient descent from w = 0, b = 0, lr = {LR}"
    );
    for epochs in [0, 10, 100, 500, 1000] {
        let (l, a) = evaluate(&train(problem, LR, epochs), problem);
        let _ = writeln!(out, "epoch {epochs}: loss = {l:.6}, accuracy = {a:.3}");
    }
    let (l, a) = evaluate(&trained, problem);
    let wrong = mistakes(&trained, problem).len();
    let _ = writeln!(
        out,
        "final (epoch {EPOCHS}): loss = {l:.6}, accuracy = {a:.3}, {wrong} of {n} wrong"
    );
    let (w, b) = trained.in_cm();
    let (slope, intercept) = decision_boundary(w.view(), b);
    let _ = writeln!(
        out,
        "boundary: petal width = {slope:.3} * petal length + {intercept:.3} (cm)"
    );
    let best = fewest_mistakes(problem, 3600);
    let _ = writeln!(out, "the best line of 3600 directions: {best} of {n} wrong");
    out
}

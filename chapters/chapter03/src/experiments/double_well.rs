//! The double well's experiment: plain descent and momentum from either side.

use crate::double_well::{
    double_well, double_well_critical_points, double_well_slope,
};
use crate::exercises::minimize;
use crate::optim::{Optimizer, Sgd};
use crate::stopping::Stop;

/// The double well's runs: (label, start, learning rate, momentum).
pub const WELL_RUNS: [(&str, f64, f64, f64); 4] = [
    ("descent", -2.0, 0.01, 0.0),
    ("momentum 0.9", -2.0, 0.01, 0.9),
    ("descent", 2.0, 0.01, 0.0),
    ("momentum 0.9", 2.0, 0.01, 0.9),
];

/// The path of `steps` steps of `Sgd` on the double well from `start`.
pub fn double_well_path(
    start: f64,
    lr: f64,
    momentum: f64,
    steps: usize,
) -> Vec<f64> {
    let mut sgd = Sgd::new(lr, momentum).expect("valid hyperparameters");
    let mut x = [start];
    let mut path = vec![start];
    for _ in 0..steps {
        let slope = [double_well_slope(x[0])];
        sgd.step(&mut x, &slope);
        path.push(x[0]);
    }
    path
}

/// Where plain descent and momentum end on the tilted double well, from each side.
pub fn double_well_runs() -> String {
    let [shallow, hump, deep] = double_well_critical_points();
    let mut out =
        String::from("the tilted double well f(x) = (x^2 - 1)^2 - 0.5 x\n");
    for (name, x) in [
        ("shallow minimum", shallow),
        ("hump", hump),
        ("deep minimum", deep),
    ] {
        out += &format!("  {name:>15}: x = {x:.6}, f = {:.6}\n", double_well(x));
    }
    out += &format!(
        "\n{:>5}  {:>12}  {:>5}  {:>10}  {:>15}  {:>5}\n",
        "start", "optimizer", "lr", "ends at x", "which minimum", "steps"
    );
    let stop = Stop {
        tolerance: 1e-10,
        max_steps: 10_000,
        limit: 1e10,
    };
    for (name, start, lr, momentum) in WELL_RUNS {
        let mut sgd = Sgd::new(lr, momentum).expect("valid hyperparameters");
        let f = |x: &[f64]| double_well(x[0]);
        let slope = |x: &[f64]| vec![double_well_slope(x[0])];
        let run =
            minimize(f, slope, &[start], &mut sgd, stop).expect("no divergence");
        let x = run.x[0];
        let which = if (x - shallow).abs() < 1e-6 {
            "shallow"
        } else if (x - deep).abs() < 1e-6 {
            "deep"
        } else {
            "neither"
        };
        out += &format!(
            "{start:>5}  {name:>12}  {lr:>5}  {x:>10.6}  {which:>15}  {:>5}\n",
            run.steps
        );
    }
    out
}

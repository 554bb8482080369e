//! The experiments on Himmelblau's function: the seed post's run of Adam, the three
//! optimizers' runs from its start (compared in `compare`), and `minimize` from
//! several starts.

use crate::exercises::minimize;
use crate::himmelblau::{himmelblau, himmelblau_gradient, minimum_near};
use crate::optim::{Adam, Sgd};
use crate::seed::{Record, seed_loop};
use crate::stopping::Stop;

/// The seed post's experiment: Adam with lr 1e-3 on Himmelblau's function from
/// (-4, 0), 20000 steps, in f32. Every 2000 steps, the point after that step's update
/// and f before it, as the seed prints them; then the final point and f there.
pub fn himmelblau_adam() -> String {
    let mut adam = Adam::new(1e-3f32).expect("1e-3 is a valid learning rate");
    let record = seed_loop(&mut adam, [-4.0, 0.0], 20000);
    let mut out = String::new();
    for (step, (value, [x0, x1])) in record.iter().enumerate().step_by(2000) {
        out += &format!("step {step}: x = [{x0}, {x1}], f = {value}\n");
    }
    let [x0, x1] = record.last().expect("20000 steps").1;
    out += &format!("final: x = [{x0}, {x1}], f = {}\n", himmelblau(&[x0, x1]));
    out
}

/// The seed's loop from (-4, 0) for 20000 steps with lr 1e-3 in f32, for plain
/// descent, momentum 0.9 and Adam: each optimizer's name and record.
pub fn himmelblau_runs() -> Vec<(&'static str, Record<f32>)> {
    let (lr, start, steps) = (1e-3f32, [-4.0f32, 0.0], 20000);
    let valid = "lr 1e-3 and momentum 0.9 are valid";
    vec![
        (
            "descent",
            seed_loop(&mut Sgd::new(lr, 0.0).expect(valid), start, steps),
        ),
        (
            "momentum 0.9",
            seed_loop(&mut Sgd::new(lr, 0.9).expect(valid), start, steps),
        ),
        (
            "Adam",
            seed_loop(&mut Adam::new(lr).expect(valid), start, steps),
        ),
    ]
}

/// The minimum near p, as "(x, y)" to two decimals, or "none".
pub(super) fn near(p: [f64; 2], within: f64) -> String {
    minimum_near(p, within)
        .map_or("none".into(), |[x, y]| format!("({x:.2}, {y:.2})"))
}

/// The starts of `himmelblau_starts`.
pub const STARTS: [[f64; 2]; 6] = [
    [-4.0, 0.0],
    [0.0, 0.0],
    [-4.0, 4.0],
    [4.0, -4.0],
    [0.0, -4.0],
    [8.0, 8.0],
];

/// `minimize` on Himmelblau's function in f64 from several starts, with plain descent,
/// momentum 0.9 and Adam, each with lr 0.01: where each ends, or how it diverged.
pub fn himmelblau_starts() -> String {
    let stop = Stop {
        tolerance: 1e-6,
        max_steps: 20_000,
        limit: 1e10,
    };
    let mut out = format!(
        "minimize on Himmelblau's function, lr 0.01, stopping at |gradient| <= {:e}, \
         {} steps or |f| > {:e}\n",
        stop.tolerance, stop.max_steps, stop.limit
    );
    for start in STARTS {
        out += &format!("\nfrom ({}, {}):\n", start[0], start[1]);
        let valid = "lr 0.01 and momentum 0.9 are valid";
        let mut descent = Sgd::new(0.01, 0.0).expect(valid);
        let mut momentum = Sgd::new(0.01, 0.9).expect(valid);
        let mut adam = Adam::new(0.01).expect(valid);
        let runs = [
            (
                "descent",
                minimize(
                    himmelblau,
                    himmelblau_gradient,
                    &start,
                    &mut descent,
                    stop,
                ),
            ),
            (
                "momentum",
                minimize(
                    himmelblau,
                    himmelblau_gradient,
                    &start,
                    &mut momentum,
                    stop,
                ),
            ),
            (
                "Adam",
                minimize(himmelblau, himmelblau_gradient, &start, &mut adam, stop),
            ),
        ];
        for (name, run) in runs {
            out += &match run {
                Ok(run) => format!(
                    "  {name:>8}: {} after {} steps, f = {:.1e}, at [{:.6}, {:.6}]\n",
                    near([run.x[0], run.x[1]], 1e-3),
                    run.steps,
                    run.value,
                    run.x[0],
                    run.x[1]
                ),
                Err(diverged) => format!("  {name:>8}: {diverged}\n"),
            };
        }
    }
    out
}

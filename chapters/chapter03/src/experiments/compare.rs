//! The three optimizers of the seed experiment compared: where each ends, how close
//! each comes to the saddle point, its longest step, and f along the way.

use super::himmelblau::{himmelblau_runs, near};
use crate::himmelblau::{himmelblau, himmelblau_saddles};
use crate::seed::Record;

/// The points x_0, x_1, ..., x_n of a run of the seed's loop from `start`: x_k is the
/// point after k steps, so step k moves from x_k to x_(k+1).
pub fn points(start: [f32; 2], record: &Record<f32>) -> Vec<[f32; 2]> {
    std::iter::once(start)
        .chain(record.iter().map(|&(_, x)| x))
        .collect()
}

/// The first `n` turns of a path along x: the k at which x_k is further right or
/// further left than both x_(k-1) and x_(k+1).
pub fn x_turns(points: &[[f32; 2]], n: usize) -> Vec<usize> {
    (1..points.len() - 1)
        .filter(|&k| {
            let (before, after) = (
                points[k][0] - points[k - 1][0],
                points[k + 1][0] - points[k][0],
            );
            before * after < 0.0
        })
        .take(n)
        .collect()
}

/// f to two decimals, or to three significant digits when it is below 0.01; 0 as 0.
fn value(f: f32) -> String {
    if f == 0.0 {
        "0".into()
    } else if f >= 0.01 {
        format!("{f:.2}")
    } else {
        format!("{f:.2e}")
    }
}

/// Where plain descent, momentum and Adam end on Himmelblau's function from the seed's
/// start, the last step at which each one's point still changed, how close each came
/// to the saddle point between the two minima on the left, its longest step in one
/// coordinate, and f along the way.
pub fn himmelblau_compare() -> String {
    let saddle = himmelblau_saddles()[0];
    let start = [-4.0f32, 0.0];
    let mut out = format!(
        "Himmelblau's function from (-4, 0): 20000 steps of each optimizer with lr \
         0.001, in f32.\nStep k moves from x_k, the point after k steps (x_0 = (-4, \
         0)), to x_(k+1).\nThe saddle point between the two minima on the left is at \
         ({:.6}, {:.6}), f = {:.4}.\n\n",
        saddle[0],
        saddle[1],
        himmelblau(&saddle)
    );
    let runs = himmelblau_runs();
    out += &format!(
        "{:>12}  {:>24}  {:>8}  {:>15}  {:>10}\n",
        "optimizer", "final point", "f there", "nearest minimum", "last move"
    );
    for (name, record) in &runs {
        let x = points(start, record);
        let [x0, x1] = x[x.len() - 1];
        let last_move = (0..x.len() - 1).rev().find(|&k| x[k + 1] != x[k]);
        let last_move = last_move.map_or("none".into(), |k| format!("step {k}"));
        let point = format!("[{x0}, {x1}]");
        let f = value(himmelblau(&[x0, x1]));
        let which = near([f64::from(x0), f64::from(x1)], 1e-3);
        out += &format!(
            "{name:>12}  {point:>24}  {f:>8}  {which:>15}  {last_move:>10}\n"
        );
    }
    out += &format!(
        "\n{:>12}  {:>21}  {:>31}\n",
        "optimizer", "closest to the saddle", "longest step in one coordinate"
    );
    for (name, record) in &runs {
        let x = points(start, record);
        let distance = |p: &[f32; 2]| {
            (f64::from(p[0]) - saddle[0]).hypot(f64::from(p[1]) - saddle[1])
        };
        let (closest, how_close) = x.iter().map(distance).enumerate().fold(
            (0, f64::INFINITY),
            |best, (k, d)| if d < best.1 { (k, d) } else { best },
        );
        let step_length = |k: usize| {
            let along =
                |i: usize| (f64::from(x[k + 1][i]) - f64::from(x[k][i])).abs();
            along(0).max(along(1))
        };
        // The first of the longest, if several steps round to the same length.
        let (longest, length) = (0..x.len() - 1).map(step_length).enumerate().fold(
            (0, 0.0),
            |best, (k, l)| if l > best.1 { (k, l) } else { best },
        );
        let closest = format!("{how_close:.3} at x_{closest}");
        let ratio = length / 1e-3;
        let digits = if ratio < 10.0 { 3 } else { 1 };
        let longest = format!("{length:.4} = {ratio:.digits$} lr, step {longest}");
        out += &format!("{name:>12}  {closest:>21}  {longest:>31}\n");
    }
    let momentum = points(start, &runs[1].1);
    let turns: Vec<String> = x_turns(&momentum, 3)
        .into_iter()
        .map(|k| format!("x_{k} (x = {:.3})", momentum[k][0]))
        .collect();
    out += &format!(
        "\nmomentum 0.9 turns back along x at {}, {} and {}\n",
        turns[0], turns[1], turns[2]
    );
    let at = [0, 10, 100, 1000, 10000];
    out += &format!("\nf at x_k, the point after k steps:\n{:>12}", "optimizer");
    for k in at {
        out += &format!("  {:>9}", format!("k = {k}"));
    }
    out += "\n";
    for (name, record) in &runs {
        out += &format!("{name:>12}");
        for k in at {
            // The record holds f before each step: f(x_k) before step k.
            out += &format!("  {:>9}", value(record[k].0));
        }
        out += "\n";
    }
    out
}

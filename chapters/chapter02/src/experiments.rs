//! The chapter's experiments, as text: each `examples/NAME.rs` prints one of these,
//! and the book's tests check that the output the book shows is what they return.
//! They run the learner's exercises, or the reference answers with `--features
//! solutions`.

use crate::critical::{CriticalKind, grid_starts, himmelblau_search};
use crate::exercises::{
    himmelblau_gradient, numerical_gradient, symmetric_eigenvalues,
};
use crate::himmelblau::{himmelblau, himmelblau_hessian};

/// The text of the example `name` (`examples/NAME.rs`), or `None` for no such example.
pub fn run(name: &str) -> Option<String> {
    match name {
        "critical_points" => Some(critical_points()),
        "gradient_check" => Some(gradient_check()),
        _ => None,
    }
}

/// Himmelblau's function as a function of a slice, for `numerical_gradient`.
fn himmelblau_of_slice(p: &[f64]) -> f64 {
    himmelblau([p[0], p[1]])
}

/// Himmelblau's gradient by hand and by central differences at a few points, with
/// the larger difference of the two components at each.
pub fn gradient_check() -> String {
    let h = 1e-5;
    let mut out = format!(
        "Himmelblau's gradient by hand (himmelblau_gradient) and by central \
         differences\n(numerical_gradient, h = {h:e}), and the larger difference of \
         the two components\n\n"
    );
    out += &format!(
        "{:>12}  {:>9}  {:>18}  {:>30}  {:>10}\n",
        "(x, y)", "f(x, y)", "by hand", "by differences", "difference"
    );
    let points = [[0.0, 0.0], [1.0, 1.0], [-4.0, 0.0], [3.0, 2.0], [-1.5, 2.5]];
    for p in points {
        let by_hand = himmelblau_gradient(p);
        let by_differences = numerical_gradient(himmelblau_of_slice, &p, h);
        let difference = (by_hand[0] - by_differences[0])
            .abs()
            .max((by_hand[1] - by_differences[1]).abs());
        out += &format!(
            "{:>12}  {:>9}  {:>8} {:>9}  {:>14.9} {:>15.9}  {difference:>10.1e}\n",
            format!("({}, {})", p[0], p[1]),
            himmelblau(p),
            by_hand[0],
            by_hand[1],
            by_differences[0],
            by_differences[1],
        );
    }
    out
}

/// The critical points of Himmelblau's function found by Newton's method from a grid
/// of starts: where each is, the value there, the eigenvalues of the Hessian, the
/// length of the numerical gradient there, and how many starts led to it.
pub fn critical_points() -> String {
    let found = himmelblau_search();
    let starts = grid_starts().len();
    let mut out = format!(
        "critical points of Himmelblau's function, by Newton's method from {starts} \
         starts\non a grid over [-6, 6]^2 with spacing 1/2\n\n"
    );
    out += &format!(
        "{:<8}  {:>10}  {:>10}  {:>8}  {:>17}  {:>8}  {:>6}\n",
        "kind", "x", "y", "f(x, y)", "eigenvalues of H", "|grad|", "starts"
    );
    for f in &found {
        let [x, y] = f.point.at;
        let [low, high] = symmetric_eigenvalues(himmelblau_hessian(f.point.at));
        let gradient = numerical_gradient(himmelblau_of_slice, &f.point.at, 1e-5);
        let length = gradient[0].hypot(gradient[1]);
        out += &format!(
            "{:<8}  {x:>10.6}  {y:>10.6}  {:>8.4}  {low:>8.3} {high:>8.3}  \
             {length:>8.1e}  {:>6}\n",
            kind_name(f.point.kind),
            f.point.value,
            f.starts,
        );
    }
    let count = |kind| found.iter().filter(|f| f.point.kind == kind).count();
    let converged: usize = found.iter().map(|f| f.starts).sum();
    out += &format!(
        "\n{converged} of {starts} starts converged, to {} points: minima {}, \
         maxima {}, saddle points {}\n",
        found.len(),
        count(CriticalKind::Minimum),
        count(CriticalKind::Maximum),
        count(CriticalKind::Saddle),
    );
    out += "|grad|: the length of the gradient by central differences (h = 1e-5)\n";
    out
}

/// The name of a kind of critical point, as the table prints it.
fn kind_name(kind: CriticalKind) -> &'static str {
    match kind {
        CriticalKind::Minimum => "minimum",
        CriticalKind::Maximum => "maximum",
        CriticalKind::Saddle => "saddle",
        CriticalKind::Undecided => "?",
    }
}

//! Versicolor against virginica, where no line is right: the fewest mistakes any
//! line makes, found by search without a gradient, to hold the perceptron's line
//! against.

use crate::train::Problem;

// ANCHOR: fewest_mistakes
/// The fewest mistakes any line makes on the problem, searched over `directions`
/// directions u = (cos a, sin a), a = pi k / directions for k < 2 directions: the
/// flowers sorted by u . x, and every threshold between two of them tried. An
/// independent count, found without any gradient.
pub fn fewest_mistakes(problem: &Problem, directions: usize) -> usize {
    let targets = problem.targets.column(0);
    let positives = targets.sum() as usize;
    (0..2 * directions)
        .map(|k| {
            let a = std::f64::consts::PI * k as f64 / directions as f64;
            let u = ndarray::array![a.cos(), a.sin()];
            let mut order: Vec<(f64, f64)> = problem
                .petals
                .dot(&u)
                .into_iter()
                .zip(targets.iter().copied())
                .collect();
            order.sort_by(|p, q| p.0.total_cmp(&q.0));
            // Threshold below everyone: all read as class 1, every 0 is a mistake.
            let mut wrong = order.len() - positives;
            let mut best = wrong;
            for (i, &(p, t)) in order.iter().enumerate() {
                // Moving the threshold above this flower reads it as class 0.
                wrong = if t == 1.0 { wrong + 1 } else { wrong - 1 };
                if order.get(i + 1).is_none_or(|next| next.0 > p) {
                    best = best.min(wrong);
                }
            }
            best
        })
        .min()
        .unwrap_or(0)
}
// ANCHOR_END: fewest_mistakes

// Training calls the exercises, so these tests run with the reference answers only
// (`--features solutions`, as `cargo test --workspace` builds them).
#[cfg(all(test, feature = "solutions"))]
mod tests {
    use super::*;
    use crate::perceptron::loss;
    use crate::train::{EPOCHS, LR, mistakes, train, versicolor_vs_virginica};

    #[test]
    fn three_flowers_share_a_point_so_no_line_separates_versicolor_and_virginica() {
        // Line 72 of the file is a versicolor with petals (4.8, 1.8), lines 128 and
        // 140 virginicas with the same petals: one input, targets 0, 1, 1. Any
        // perceptron gives them one output O, with squared errors
        // O^2 + 2 (1 - O)^2 >= 2/3 (least at O = 2/3: 4/9 + 2/9), so
        // E >= 1/100 * 1/2 * 2/3 = 1/300 for every W and b.
        let problem = versicolor_vs_virginica();
        let same: Vec<f64> =
            (problem.petals.rows().into_iter().zip(&problem.targets))
                .filter(|(p, _)| p.to_vec() == [4.8, 1.8])
                .map(|(_, &t)| t)
                .collect();
        assert_eq!(same, [0.0, 1.0, 1.0]);
        let trained = train(&problem, LR, EPOCHS);
        let o = trained.outputs(&problem.petals);
        let e = loss(o.view(), problem.targets.view());
        assert!(e >= 1.0 / 300.0, "E = {e} is below the bound 1/300");
    }

    #[test]
    fn the_perceptron_makes_six_mistakes_where_the_best_line_makes_three() {
        let problem = versicolor_vs_virginica();
        let trained = train(&problem, LR, EPOCHS);
        assert_eq!(mistakes(&trained, &problem).len(), 6);
        // The same count a second way, from the weights in cm: the flowers whose
        // w . x + b has the wrong sign for their target.
        let (w, b) = trained.in_cm();
        let z = problem.petals.dot(&w) + b;
        let t = problem.targets.column(0);
        let wrong = ndarray::Zip::from(&z)
            .and(&t)
            .fold(0, |n, &z, &t| n + usize::from((z >= 0.0) != (t == 1.0)));
        assert_eq!(wrong, 6);
        // The best line, found by trying 3600 directions, does better: squared
        // error does not count mistakes.
        assert_eq!(fewest_mistakes(&problem, 3600), 3);
    }
}

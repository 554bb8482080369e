//! Training the perceptron on two iris problems, with the two petal measurements
//! as inputs: setosa against the rest, which a line separates, and versicolor
//! against virginica, which no line separates.

use crate::exercises::{perceptron_forward, standardize, step};
use crate::iris::iris;
use ndarray::{Array1, Array2, Axis, s};

// ANCHOR: problem
/// A two-class problem: the petal length and width of each flower, in cm (n × 2),
/// and its target (n × 1), 1 for the class named first and 0 for the others.
pub struct Problem {
    pub name: &'static str,
    pub petals: Array2<f64>,
    pub targets: Array2<f64>,
}

/// All 150 flowers; the target is 1 for setosa (class 0).
pub fn setosa_vs_rest() -> Problem {
    let data = iris();
    let targets = data.labels.mapv(|l| if l == 0 { 1.0 } else { 0.0 });
    Problem {
        name: "setosa against the rest",
        petals: data.features.slice(s![.., 2..4]).to_owned(),
        targets: targets.insert_axis(Axis(1)),
    }
}

/// The 100 versicolor (class 1) and virginica (class 2) flowers; the target is 1
/// for virginica.
pub fn versicolor_vs_virginica() -> Problem {
    let data = iris();
    let rows: Vec<usize> = (data.labels.iter().enumerate())
        .filter_map(|(i, &l)| (l > 0).then_some(i))
        .collect();
    let labels = data.labels.select(Axis(0), &rows);
    Problem {
        name: "virginica against versicolor",
        petals: data
            .features
            .select(Axis(0), &rows)
            .slice(s![.., 2..4])
            .to_owned(),
        targets: labels
            .mapv(|l| if l == 2 { 1.0 } else { 0.0 })
            .insert_axis(Axis(1)),
    }
}
// ANCHOR_END: problem

// ANCHOR: train
/// The learning rate of both problems, and how many epochs each trains for.
pub const LR: f64 = 1.0;
pub const EPOCHS: usize = 2000;

/// A trained perceptron: weights and bias for standardised inputs, the column means
/// and deviations that standardised them, and the loss before each epoch's step.
pub struct Trained {
    pub w: Array2<f64>,
    pub b: Array1<f64>,
    pub mean: Array1<f64>,
    pub std: Array1<f64>,
    pub losses: Vec<f64>,
}

/// Full-batch gradient descent from W = 0, b = 0 for `epochs` steps of size `lr`,
/// on the standardised petal measurements.
pub fn train(problem: &Problem, lr: f64, epochs: usize) -> Trained {
    let (x, mean, std) = standardize(problem.petals.view());
    let (mut w, mut b) = (Array2::zeros((2, 1)), Array1::zeros(1));
    let losses = (0..epochs)
        .map(|_| step(x.view(), problem.targets.view(), &mut w, &mut b, lr))
        .collect();
    Trained {
        w,
        b,
        mean,
        std,
        losses,
    }
}

impl Trained {
    /// The outputs for flowers measured in cm (n × 2): standardised with the
    /// training data's means and deviations, then the forward pass.
    pub fn outputs(&self, petals: &Array2<f64>) -> Array2<f64> {
        let x = (petals - &self.mean) / &self.std;
        perceptron_forward(x.view(), self.w.view(), self.b.view())
    }

    /// The same perceptron for inputs in cm: w_j / std_j and
    /// b - sum_j w_j mean_j / std_j, since w (x - mean) / std + b is linear in x.
    pub fn in_cm(&self) -> (Array1<f64>, f64) {
        let w = self.w.column(0).to_owned() / &self.std;
        (w.clone(), self.b[0] - w.dot(&self.mean))
    }
}
// ANCHOR_END: train

// ANCHOR: mistakes
/// The rows of the problem that the trained perceptron gets wrong (O >= 1/2 read as
/// class 1).
pub fn mistakes(trained: &Trained, problem: &Problem) -> Vec<usize> {
    let predicted = trained
        .outputs(&problem.petals)
        .mapv(|o| if o >= 0.5 { 1.0 } else { 0.0 });
    let wrong = (&predicted - &problem.targets)
        .mapv(f64::abs)
        .remove_axis(Axis(1));
    wrong
        .iter()
        .enumerate()
        .filter(|&(_, &d)| d > 0.0)
        .map(|(i, _)| i)
        .collect()
}
// ANCHOR_END: mistakes

// Training calls the exercises, so these tests run with the reference answers only
// (`--features solutions`, as `cargo test --workspace` builds them).
#[cfg(all(test, feature = "solutions"))]
mod tests {
    use super::*;
    use crate::overlap::fewest_mistakes;

    #[test]
    fn setosa_is_separated_without_a_mistake() {
        let problem = setosa_vs_rest();
        let trained = train(&problem, LR, EPOCHS);
        assert_eq!(mistakes(&trained, &problem), Vec::<usize>::new());
        // The same verdict a second way: the weights in cm put every setosa on the
        // positive side of w . x + b = 0 and every other flower on the negative.
        let (w, b) = trained.in_cm();
        let z = problem.petals.dot(&w) + b;
        let t = problem.targets.column(0);
        assert!(
            ndarray::Zip::from(&z)
                .and(&t)
                .all(|&z, &t| (z >= 0.0) == (t == 1.0))
        );
        assert_eq!(fewest_mistakes(&problem, 360), 0);
    }
}

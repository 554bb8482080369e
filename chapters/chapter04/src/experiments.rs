//! The chapter's experiments, as text: each `examples/NAME.rs` prints one of these,
//! and the book's tests check that the output the book shows is what they return.
//! They run the learner's exercises, or the reference answers with `--features
//! solutions`. The figures draw from the same runs. The experiments with the
//! two-weight network are in `experiments::two_weights`.

mod two_weights;

pub use two_weights::{
    LONG_RUN, TWO_WEIGHT_STARTS, two_weight_fit_text, two_weight_starts,
};

use crate::exercises::{
    batch_epoch, least_squares, minibatch_epoch, mse, sgd_epoch,
};
use crate::model::{column, curvatures, with_bias};
use crate::noisy::{
    DATA_SEED, NOISE, NOISY_N, TRUE_B, TRUE_W, noisy_line, shuffled,
};
use crate::seed::{SEED_EPOCHS, SEED_LR, SEED_W, SEED_X, SEED_Y};
use crate::train::{Order, Run, descend};
use ndarray::{Array1, Array2, ArrayView1, array, s};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

/// The text of the example `name` (`examples/NAME.rs`), or `None` for no such
/// example.
pub fn run(name: &str) -> Option<String> {
    match name {
        "gd" => Some(gd()),
        "sgd" => Some(sgd()),
        "minibatch" => Some(minibatch()),
        "two_weight_fit" => Some(two_weight_fit_text()),
        "two_weight_starts" => Some(two_weight_starts()),
        _ => None,
    }
}

/// The seed data as the model y = w x sees it: a column of inputs and the targets.
pub fn seed_data() -> (Array2<f64>, Array1<f64>) {
    (
        column(ArrayView1::from(&SEED_X)),
        Array1::from(SEED_Y.to_vec()),
    )
}

// ANCHOR: gd
/// The seed post's batch gradient descent: 100 epochs of `batch_epoch` from w = 1
/// with lr = 0.01, each line the cost before the epoch's update and w after it.
pub fn gd() -> String {
    let (x, y) = seed_data();
    let mut params = array![SEED_W];
    let mut out = String::new();
    for epoch in 0..SEED_EPOCHS {
        let cost = batch_epoch(x.view(), y.view(), &mut params, SEED_LR);
        out += &format!("epoch {epoch}: w = {}, cost = {cost}\n", params[0]);
    }
    let predict = x_times(4.0, &params);
    out += &format!("final: w = {}, predict(4) = {predict}\n", params[0]);
    out
}
// ANCHOR_END: gd

// ANCHOR: sgd
/// The seed post's stochastic gradient descent: 100 epochs of `sgd_epoch` from w = 1
/// with lr = 0.01, each line w after the epoch and, as the post prints it, the loss
/// of the epoch's last sample at that w.
pub fn sgd() -> String {
    let (x, y) = seed_data();
    let mut params = array![SEED_W];
    let mut out = String::new();
    for epoch in 0..SEED_EPOCHS {
        sgd_epoch(x.view(), y.view(), &mut params, SEED_LR);
        let last = mse(x.slice(s![2..3, ..]), y.slice(s![2..3]), params.view());
        out += &format!("epoch {epoch}: w = {}, loss = {last}\n", params[0]);
    }
    let predict = x_times(4.0, &params);
    out += &format!("final: w = {}, predict(4) = {predict}\n", params[0]);
    out
}
// ANCHOR_END: sgd

/// The model's prediction at `x` with weights `params`: the row [x] times params.
fn x_times(x: f64, params: &Array1<f64>) -> f64 {
    column(array![x].view()).dot(params)[0]
}

/// Where the comparison's three runs start, (w, b),
pub const START: [f64; 2] = [0.0, 0.0];
/// their learning rate,
pub const LR: f64 = 0.05;
/// how many epochs they run,
pub const EPOCHS: usize = 100;
/// the mini-batch size,
pub const BATCH: usize = 10;
/// and the seed of the shuffles.
pub const SHUFFLE_SEED: u64 = 7;

/// The noisy data set as the model y = w x + b sees it: columns [x, 1], and y.
pub fn noisy_data() -> (Array2<f64>, Array1<f64>) {
    let (x, y) = noisy_line(NOISY_N, DATA_SEED);
    (with_bias(x.view()), y)
}

/// The three runs of the comparison, every update recorded: batch descent, mini-
/// batches of `BATCH` and single samples (stochastic descent), both shuffled afresh
/// each epoch from `SHUFFLE_SEED`.
pub fn comparison_runs() -> [(&'static str, Run); 3] {
    let (x, y) = noisy_data();
    let start = ArrayView1::from(&START);
    let run =
        |batch, order| descend(x.view(), y.view(), start, LR, EPOCHS, batch, order);
    [
        ("batch", run(NOISY_N, Order::AsGiven)),
        ("mini-batch", run(BATCH, Order::Shuffled(SHUFFLE_SEED))),
        ("stochastic", run(1, Order::Shuffled(SHUFFLE_SEED))),
    ]
}

// ANCHOR: minibatch
/// Batch, mini-batch and stochastic descent on the noisy line, epoch by epoch, by
/// the learner's `batch_epoch` and `minibatch_epoch`: the cost on all the data
/// above the least-squares cost at the end of some epochs, and where each ends.
pub fn minibatch() -> String {
    let (x, y) = noisy_data();
    let best = least_squares(x.column(0), y.view());
    let best_cost = mse(x.view(), y.view(), best.view());
    let [big, small] = curvatures(x.view());
    let mut out = format!(
        "y = {TRUE_W}x + {TRUE_B} + {NOISE} z on {NOISY_N} points (seed \
         {DATA_SEED})\n"
    );
    out += &format!(
        "least squares: w = {:.4}, b = {:.4}, cost = {best_cost:.4}\n",
        best[0], best[1]
    );
    out += &format!(
        "curvatures of the cost: {big:.3} and {small:.3}; batch descent is stable \
         for lr < 2 / {big:.3} = {:.3}\n",
        2.0 / big
    );
    out += &format!(
        "from (w, b) = ({}, {}) with lr = {LR}; each column the cost minus \
         {best_cost:.4}\n\n",
        START[0], START[1]
    );
    out += &format!(
        "{:>5}  {:>14}  {:>12}  {:>14}  {:>14}\n",
        "epoch", "gradient evals", "batch", "mini-batch 10", "stochastic"
    );
    let start = Array1::from(START.to_vec());
    let mut params = [start.clone(), start.clone(), start];
    let mut rngs = [1, 2].map(|_| ChaCha8Rng::seed_from_u64(SHUFFLE_SEED));
    let excess = |p: &Array1<f64>| mse(x.view(), y.view(), p.view()) - best_cost;
    for epoch in 0..=EPOCHS {
        if epoch > 0 {
            batch_epoch(x.view(), y.view(), &mut params[0], LR);
            for (k, batch) in [(1, BATCH), (2, 1)] {
                let order = shuffled(NOISY_N, &mut rngs[k - 1]);
                minibatch_epoch(
                    x.view(),
                    y.view(),
                    &mut params[k],
                    LR,
                    &order,
                    batch,
                );
            }
        }
        if epoch <= 5 || epoch % 10 == 0 {
            out += &format!(
                "{epoch:>5}  {:>14}  {:>12.2e}  {:>14.2e}  {:>14.2e}\n",
                epoch * NOISY_N,
                excess(&params[0]),
                excess(&params[1]),
                excess(&params[2])
            );
        }
    }
    out += "\nwhere each ends, (w, b):\n";
    for (name, p) in ["batch", "mini-batch 10", "stochastic"].iter().zip(&params) {
        out += &format!("{name:>14}  ({:.4}, {:.4})\n", p[0], p[1]);
    }
    out
}
// ANCHOR_END: minibatch

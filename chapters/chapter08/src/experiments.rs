//! The chapter's experiments, as text: each `examples/NAME.rs` prints one of these.

use crate::batches::{loss_curves, split};
use crate::seed;
use crate::spread::{INITS, spread};
use crate::train::{DIGITS, fit};
use crate::worked::{worked_input, worked_network};
use ndarray::Array1;
use std::fmt::Write;

/// The text of the example `name` (`examples/NAME.rs`), or `None` for no such example.
pub fn run(name: &str) -> Option<String> {
    match name {
        "backward_pass" => Some(worked_example()),
        "digits" => Some(digits()),
        "init_spread" => Some(init_spread()),
        "post_network" => Some(post_network()),
        "batch_sizes" => Some(batch_sizes()),
        _ => None,
    }
}

/// The forward and backward pass of the worked example, every intermediate array.
pub fn worked_example() -> String {
    let (x, labels) = worked_input();
    let net = worked_network();
    let f = net.forward(x.view());
    let (loss, g) = net.loss_and_gradients(x.view(), &labels);
    let p = chapter05::batch::softmax_rows(f.output.view());
    let mut out = String::new();
    let _ = writeln!(out, "x = {x}, label {}", labels[0]);
    let _ = writeln!(out, "z1 = {}, a1 = {}", f.zs[0], f.inputs[1]);
    let _ = writeln!(out, "z2 = {}, p = {p}", f.zs[1]);
    let _ = writeln!(out, "loss = {loss}");
    let _ = writeln!(out, "delta2 = grad b2 = {}", g.b[1]);
    let _ = writeln!(out, "grad W2 =\n{}", g.w[1]);
    let _ = writeln!(out, "delta1 = grad b1 = {}", g.b[0]);
    let _ = writeln!(out, "grad W1 =\n{}", g.w[0]);
    out
}

/// The chapter's run on the digits, epoch by epoch.
pub fn digits() -> String {
    let (train, test) = split();
    let (_, history) = fit(&DIGITS, &train, &test);
    let mut out = String::new();
    for (k, e) in history.iter().enumerate() {
        let _ = writeln!(
            out,
            "epoch {}: loss = {}, train accuracy = {}, test accuracy = {}",
            k + 1,
            e.loss,
            e.train_accuracy,
            e.test_accuracy
        );
    }
    let last = history.last().expect("at least one epoch");
    let _ = writeln!(out, "final: test accuracy = {}", last.test_accuracy);
    out
}

/// The spread of the activations and the weight gradients, layer by layer, for
/// each initialisation.
pub fn init_spread() -> String {
    let mut out = String::new();
    for (name, init) in INITS {
        let (activations, gradients) = spread(init);
        let _ = writeln!(out, "{name}:");
        let (activations, gradients) =
            (Array1::from(activations), Array1::from(gradients));
        let _ = writeln!(out, "  activation std by layer: {activations}");
        let _ = writeln!(out, "  weight-gradient rms by layer: {gradients}");
    }
    out
}

/// The post's network, trained for the post's two epochs.
pub fn post_network() -> String {
    let (net, _) = seed::post_network();
    let mut out = format!(
        "784-500-10, sigmoid after both layers: {} parameters\n",
        net.parameters()
    );
    for (k, loss) in seed::post_losses(seed::EPOCHS, seed::MOMENTUM, false)
        .iter()
        .enumerate()
    {
        let _ = writeln!(out, "epoch {}: loss = {loss}", k + 1);
    }
    let _ = writeln!(
        out,
        "the least loss outputs in (0, 1) allow: ln(1 + 9/e) = {}",
        seed::loss_floor()
    );
    out
}

/// The training loss after the first and the last epoch for each batch size (the
/// example `batch_sizes` then measures the seconds per epoch).
pub fn batch_sizes() -> String {
    let mut out = String::new();
    let n = split().0.labels.len();
    for (batch, losses) in loss_curves() {
        let (first, last) = (losses[0], losses[losses.len() - 1]);
        let _ = writeln!(
            out,
            "batch {batch}: {} per epoch, loss after epoch 1 = {first}, after \
             epoch {} = {last}",
            match n.div_ceil(batch) {
                1 => "1 step".to_string(),
                steps => format!("{steps} steps"),
            },
            losses.len()
        );
    }
    out
}

//! Stochastic gradient descent with momentum, in PyTorch's form: for every
//! parameter w with gradient g and velocity v, v <- momentum v + g, w <- w - lr v.

use crate::backward::Gradients;
use crate::exercises::momentum_step;
use crate::network::Network;

// ANCHOR: sgd
/// PyTorch's `optim.SGD(params, lr, momentum)`: one velocity per parameter, zero
/// before the first step (so the first step is plain gradient descent).
pub struct Sgd {
    pub lr: f64,
    pub momentum: f64,
    velocity: Option<Gradients>,
}

impl Sgd {
    pub fn new(lr: f64, momentum: f64) -> Sgd {
        Sgd {
            lr,
            momentum,
            velocity: None,
        }
    }

    /// One update of every weight and bias of `net` from `grads`.
    pub fn step(&mut self, net: &mut Network, grads: &Gradients) {
        let v = self.velocity.get_or_insert_with(|| Gradients {
            w: grads.w.iter().map(|g| g.mapv(|_| 0.0)).collect(),
            b: grads.b.iter().map(|g| g.mapv(|_| 0.0)).collect(),
        });
        for (l, layer) in net.layers.iter_mut().enumerate() {
            let (lr, mu) = (self.lr, self.momentum);
            momentum_step(
                layer.w.view_mut(),
                v.w[l].view_mut(),
                grads.w[l].view(),
                lr,
                mu,
            );
            momentum_step(
                layer.b.view_mut(),
                v.b[l].view_mut(),
                grads.b[l].view(),
                lr,
                mu,
            );
        }
    }
}
// ANCHOR_END: sgd

//! The seed post's experiment: Adam with learning rate 1e-3 on Himmelblau's function
//! from (-4, 0), 20000 steps in f32, printing every 2000th step. Runs your
//! `adam_step` (with `--features solutions`, the reference).
//!
//! cargo run -p chapter03 --example himmelblau_adam

fn main() {
    print!(
        "{}",
        chapter03::experiments::run("himmelblau_adam").expect("an example")
    );
}

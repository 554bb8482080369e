//! cargo run -p chapter03 --example learning_rates

fn main() {
    print!(
        "{}",
        chapter03::experiments::run("learning_rates").expect("an example")
    );
}

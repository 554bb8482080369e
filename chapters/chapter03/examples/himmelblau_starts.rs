//! cargo run -p chapter03 --example himmelblau_starts

fn main() {
    print!(
        "{}",
        chapter03::experiments::run("himmelblau_starts").expect("an example")
    );
}

//! cargo run -p chapter03 --example himmelblau_compare

fn main() {
    print!(
        "{}",
        chapter03::experiments::run("himmelblau_compare").expect("an example")
    );
}

//! cargo run -p chapter03 --example first_step

fn main() {
    print!(
        "{}",
        chapter03::experiments::run("first_step").expect("an example")
    );
}

//! cargo run -p chapter03 --example double_well

fn main() {
    print!(
        "{}",
        chapter03::experiments::run("double_well").expect("an example")
    );
}

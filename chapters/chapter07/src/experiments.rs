//! The chapter's experiments, as text: each `examples/NAME.rs` prints one of these.

/// The text of the example `name` (`examples/NAME.rs`), or `None` for no such example.
pub fn run(name: &str) -> Option<String> {
    match name {
        _ => None,
    }
}

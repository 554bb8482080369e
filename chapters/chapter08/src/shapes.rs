//! The check every function of the chapter makes of its arguments' shapes.

// ANCHOR: require
/// Panics with the message `why` builds unless `fits`; the message is built only on
/// failure, and the panic points at the function that made the check.
#[track_caller]
pub fn require(fits: bool, why: impl FnOnce() -> String) {
    if !fits {
        panic!("{}", why());
    }
}
// ANCHOR_END: require

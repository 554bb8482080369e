//! Whole-book checks.

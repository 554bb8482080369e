//! Reference answers to chapter 7's exercises.

//! Reference answers to chapter 8's exercises.

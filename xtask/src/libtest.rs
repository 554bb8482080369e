//! Reads what libtest prints: each test's outcome and what each failing test
//! printed; and cargo's first error, when the tests do not compile.

use std::collections::BTreeMap;

/// How one test ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    Failed,
    Ignored,
}

/// What one run of a chapter's exercise tests reported.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TestRun {
    /// Each test that reported, by its full name (`module::test`), with its outcome.
    pub outcomes: BTreeMap<String, Outcome>,
    /// What each failed test printed: its `---- NAME stdout ----` block.
    pub output: BTreeMap<String, String>,
    /// Cargo's first error, when the tests did not compile.
    pub compile_error: Option<String>,
    /// Why the run stopped before libtest's summary line, when it did.
    pub stopped: Option<String>,
}

impl TestRun {
    /// The tests of the module `module`, with their outcomes, in name order.
    pub fn tests_of<'a>(
        &'a self,
        module: &str,
    ) -> impl Iterator<Item = (&'a str, Outcome)> + 'a {
        let prefix = format!("{module}::");
        self.outcomes
            .iter()
            .filter(move |(name, _)| name.starts_with(&prefix))
            .map(|(name, outcome)| (name.as_str(), *outcome))
    }

    /// Whether every test of `module` ran and passed (and there is at least one).
    pub fn passes(&self, module: &str) -> bool {
        let mut tests = self.tests_of(module).peekable();
        tests.peek().is_some() && tests.all(|(_, outcome)| outcome == Outcome::Ok)
    }

    /// The tests of `module` that failed (or, if none did, that did not pass), in
    /// name order, with what each printed.
    pub fn failures(&self, module: &str) -> Vec<(&str, &str)> {
        let failed: Vec<&str> = self
            .tests_of(module)
            .filter(|(_, outcome)| *outcome == Outcome::Failed)
            .map(|(name, _)| name)
            .collect();
        let names = if failed.is_empty() {
            let not_ok = self.tests_of(module).filter(|(_, o)| *o != Outcome::Ok);
            not_ok.map(|(name, _)| name).collect()
        } else {
            failed
        };
        let output = |name: &str| self.output.get(name).map_or("", String::as_str);
        names.into_iter().map(|name| (name, output(name))).collect()
    }
}

/// Reads libtest's report: `test NAME ... ok` (or `FAILED`, `ignored`) lines and the
/// `---- NAME stdout ----` blocks of the failures.
pub fn parse(stdout: &str) -> TestRun {
    let mut run = TestRun::default();
    let mut block: Option<(String, Vec<&str>)> = None;
    for line in stdout.lines() {
        let header = line
            .strip_prefix("---- ")
            .and_then(|rest| rest.strip_suffix(" stdout ----"));
        let ends_block = header.is_some()
            || line == "failures:"
            || line.starts_with("test result:");
        if ends_block && let Some((name, lines)) = block.take() {
            run.output.insert(name, lines.join("\n").trim().to_string());
        }
        if let Some(name) = header {
            block = Some((name.to_string(), Vec::new()));
        } else if let Some((_, lines)) = block.as_mut() {
            lines.push(line);
        } else if let Some((name, outcome)) = line
            .strip_prefix("test ")
            .and_then(|rest| rest.split_once(" ... "))
        {
            let outcome = match outcome {
                "ok" => Outcome::Ok,
                "FAILED" => Outcome::Failed,
                ignored if ignored.starts_with("ignored") => Outcome::Ignored,
                _ => continue,
            };
            run.outcomes.insert(name.to_string(), outcome);
        }
    }
    if let Some((name, lines)) = block {
        run.output.insert(name, lines.join("\n").trim().to_string());
    }
    run
}

/// The first error that cargo printed, from its `error` line up to the blank line
/// that ends it.
pub fn first_error(stderr: &str) -> Option<String> {
    let lines: Vec<&str> = stderr
        .lines()
        .skip_while(|line| !line.starts_with("error"))
        .take_while(|line| !line.trim().is_empty())
        .collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "
running 4 tests
test exercise_1_4_forward_difference::of_a_line_is_its_slope ... ok
test exercise_1_5_central_difference::of_square_at_three_is_six ... FAILED
test exercise_1_5_central_difference::is_slow ... ignored, takes a minute
test exercise_1_4_forward_difference::of_cube_at_one ... ok

failures:

---- exercise_1_5_central_difference::of_square_at_three_is_six stdout ----

thread 'exercise_1_5_central_difference::of_square_at_three_is_six' panicked at \
chapters/chapter01/tests/exercises.rs:210:9:
slope: expected 6, got 12 (error 6.0e0, allowed 1e-15)
note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace


failures:
    exercise_1_5_central_difference::of_square_at_three_is_six

test result: FAILED. 2 passed; 1 failed; 1 ignored; 0 measured; 0 filtered out
";

    #[test]
    fn parse_reads_ok_failed_and_ignored() {
        let run = parse(REPORT);
        let outcomes: Vec<Outcome> = run.outcomes.values().copied().collect();
        // In name order: 1.4's two, then 1.5's is_slow and of_square...
        assert_eq!(
            outcomes,
            [Outcome::Ok, Outcome::Ok, Outcome::Ignored, Outcome::Failed]
        );
        assert!(run.passes("exercise_1_4_forward_difference"));
        assert!(!run.passes("exercise_1_5_central_difference"));
        assert!(!run.passes("exercise_1_6_error_order"), "no test ran");
    }

    #[test]
    fn parse_keeps_the_panic_message_of_a_failure() {
        let run = parse(REPORT);
        let failures = run.failures("exercise_1_5_central_difference");
        let (name, output) = *failures.first().expect("a failure");
        // A failure comes before an ignored test, which did not pass either.
        assert_eq!(
            name,
            "exercise_1_5_central_difference::of_square_at_three_is_six"
        );
        assert!(output.starts_with("thread '"), "{output}");
        assert!(
            output.contains(
                "\nslope: expected 6, got 12 (error 6.0e0, allowed 1e-15)\n"
            ),
            "{output}"
        );
        assert!(output.ends_with("display a backtrace"), "{output}");
    }

    #[test]
    fn first_error_is_the_error_block_up_to_its_blank_line() {
        let stderr = "   Compiling chapter01 v0.1.0\nwarning: unused\n\n\
                      error[E0308]: mismatched types\n --> src/exercises.rs:5:5\n\n\
                      error: aborting\n";
        assert_eq!(
            first_error(stderr).as_deref(),
            Some("error[E0308]: mismatched types\n --> src/exercises.rs:5:5")
        );
        assert_eq!(first_error("   Compiling x\n"), None);
    }
}

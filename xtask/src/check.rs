//! `cargo xtask check`: what CI runs beyond `cargo test --workspace`.

use crate::exercise_tests;
use crate::libtest::Outcome;
use crate::{Mode, book, chapter_names, plots, stubs, workspace_root};
use anyhow::{Context, Result, bail};
use std::path::Path;
use std::process::Command;

/// Stubs and figures are fresh, the book builds with no warning, and every chapter
/// builds in learner mode with none of its exercise tests passing.
pub fn run() -> Result<()> {
    stubs::run(Mode::Check)?;
    eprintln!("check: stubs are fresh");
    plots::run(Mode::Check)?;
    eprintln!("check: figures are fresh");
    let index = book::build()?;
    eprintln!(
        "check: the book builds with no warning ({})",
        index.display()
    );
    let root = workspace_root();
    for name in chapter_names(&root)? {
        let (passed, failed) = learner_mode(&root, &name)?;
        eprintln!(
            "check: {name} in learner mode: {failed} exercise tests fail, {passed} pass"
        );
    }
    Ok(())
}

/// Builds `chapter` with the learner's stubs and runs its exercise tests. Returns how
/// many passed and failed; fails when the build warns or fails, when a unit test of
/// the library fails (cargo would stop there, before the exercises), when no exercise
/// test ran, or when any exercise test passes on a stub (a check that checks nothing).
/// `root` is the workspace; the exercise tests run through [`exercise_tests::run_exercises`].
pub fn learner_mode(root: &Path, chapter: &str) -> Result<(usize, usize)> {
    let build = cargo(root, &["test", "-p", chapter, "--no-run"])?;
    let stderr = String::from_utf8_lossy(&build.stderr);
    if !build.status.success() {
        bail!("{chapter} does not build in learner mode:\n{stderr}");
    }
    if stderr.lines().any(|line| line.starts_with("warning")) {
        bail!("{chapter} builds with warnings in learner mode:\n{stderr}");
    }
    let unit = cargo(root, &["test", "-p", chapter, "--lib"])?;
    if !unit.status.success() {
        bail!(
            "{chapter}: its unit tests fail in learner mode, so `cargo test -p \
             {chapter}` stops before the exercise tests; a unit test that runs an \
             exercise belongs in tests/exercises.rs or behind \
             #[cfg(feature = \"solutions\")]:\n{}",
            String::from_utf8_lossy(&unit.stdout)
        );
    }
    let run = exercise_tests::run_exercises(root, chapter, &mut |_| {})?;
    if let Some(error) = run.compile_error.as_ref().or(run.stopped.as_ref()) {
        bail!("{chapter}: its exercise tests did not run to the end:\n{error}");
    }
    let outcome = |want: Outcome| -> Vec<&str> {
        let tests = run.outcomes.iter().filter(|(_, outcome)| **outcome == want);
        tests.map(|(name, _)| name.as_str()).collect()
    };
    let passed = outcome(Outcome::Ok);
    let failed = outcome(Outcome::Failed);
    if failed.is_empty() {
        bail!("{chapter}: no exercise test failed on the stubs");
    }
    if !passed.is_empty() {
        bail!(
            "{chapter}: these exercise tests pass on the untouched stubs, so they check \
             nothing: {}",
            passed.join(", ")
        );
    }
    Ok((passed.len(), failed.len()))
}

fn cargo(root: &Path, args: &[&str]) -> Result<std::process::Output> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    Command::new(&cargo)
        .args(args)
        .current_dir(root)
        .env("RUST_BACKTRACE", "0")
        .output()
        .with_context(|| format!("running `cargo {}`", args.join(" ")))
}

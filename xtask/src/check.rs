//! `cargo xtask check`: what CI runs beyond `cargo test --workspace`.

use crate::{Mode, book, chapter_dirs, plots, stubs, workspace_root};
use anyhow::{Context, Result, bail};
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
    for chapter in chapter_dirs()? {
        let name = chapter
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let (passed, failed) = learner_mode(&name)?;
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
pub fn learner_mode(chapter: &str) -> Result<(usize, usize)> {
    let build = cargo(&["test", "-p", chapter, "--no-run"])?;
    let stderr = String::from_utf8_lossy(&build.stderr);
    if !build.status.success() {
        bail!("{chapter} does not build in learner mode:\n{stderr}");
    }
    if stderr.lines().any(|line| line.starts_with("warning")) {
        bail!("{chapter} builds with warnings in learner mode:\n{stderr}");
    }
    let unit = cargo(&["test", "-p", chapter, "--lib"])?;
    if !unit.status.success() {
        bail!(
            "{chapter}: its unit tests fail in learner mode, so `cargo test -p \
             {chapter}` stops before the exercise tests; a unit test that runs an \
             exercise belongs in tests/exercises.rs or behind \
             #[cfg(feature = \"solutions\")]:\n{}",
            String::from_utf8_lossy(&unit.stdout)
        );
    }
    let run = cargo(&[
        "test",
        "-p",
        chapter,
        "--test",
        "exercises",
        "--no-fail-fast",
    ])?;
    let stdout = String::from_utf8_lossy(&run.stdout);
    let outcome = |suffix: &str| -> Vec<&str> {
        stdout
            .lines()
            .filter_map(|line| line.strip_prefix("test ")?.strip_suffix(suffix))
            .collect()
    };
    let passed = outcome(" ... ok");
    let failed = outcome(" ... FAILED");
    if failed.is_empty() {
        bail!(
            "{chapter}: no exercise test failed on the stubs:\n{stdout}{}",
            String::from_utf8_lossy(&run.stderr)
        );
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

fn cargo(args: &[&str]) -> Result<std::process::Output> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    Command::new(&cargo)
        .args(args)
        .current_dir(workspace_root())
        .env("RUST_BACKTRACE", "0")
        .output()
        .with_context(|| format!("running `cargo {}`", args.join(" ")))
}

//! Runs a chapter's exercise tests in learner mode, on the learner's
//! `src/exercises.rs`, for `progress`, `watch` and `check`.

use crate::libtest::{TestRun, first_error, parse};
use anyhow::{Context, Result};
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Command, Stdio};

/// Runs `cargo test -p CHAPTER --test exercises --no-fail-fast` in the workspace at
/// `root`, without `--features solutions`, so on the learner's `src/exercises.rs`.
/// Each `Compiling` or `Running` line of cargo is passed to `status` as it comes
/// (without its path in brackets), so a long build is never silent.
pub fn run_exercises(
    root: &Path,
    chapter: &str,
    status: &mut dyn FnMut(&str),
) -> Result<TestRun> {
    let args = [
        "test",
        "-p",
        chapter,
        "--test",
        "exercises",
        "--no-fail-fast",
        "--color",
        "never",
    ];
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut child = Command::new(&cargo)
        .args(args)
        .current_dir(root)
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("running `cargo {}`", args.join(" ")))?;
    let mut stdout_pipe = child.stdout.take().context("cargo's stdout")?;
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        stdout_pipe.read_to_string(&mut text).map(|_| text)
    });
    let mut stderr = String::new();
    for line in
        BufReader::new(child.stderr.take().context("cargo's stderr")?).lines()
    {
        let line = line.context("reading cargo's output")?;
        let trimmed = line.trim_start();
        if trimmed.starts_with("Compiling ") || trimmed.starts_with("Running ") {
            // Without the path in brackets, which says nothing new.
            status(trimmed.split(" (").next().unwrap_or(trimmed));
        }
        stderr.push_str(&line);
        stderr.push('\n');
    }
    let stdout = reader
        .join()
        .map_err(|_| anyhow::anyhow!("reading cargo's output panicked"))?
        .context("reading cargo's output")?;
    let exit = child.wait().context("waiting for cargo")?;
    let mut run = parse(&stdout);
    let started = stdout.lines().any(|line| line.starts_with("running "));
    if !exit.success() && !started {
        run.compile_error = Some(first_error(&stderr).unwrap_or(stderr));
    } else if !stdout.lines().any(|line| line.starts_with("test result:")) {
        let last = stderr.lines().rfind(|line| !line.trim().is_empty());
        run.stopped = Some(last.unwrap_or("the test binary stopped").to_string());
    }
    Ok(run)
}

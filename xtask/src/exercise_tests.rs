//! Runs a chapter's exercise tests in learner mode, on the learner's
//! `src/exercises.rs`, for `progress`, `watch` and `check`.

use crate::libtest::{TestRun, first_error, parse};
use anyhow::{Context, Result};
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

/// How long a chapter's exercise tests may run, once built, before they are stopped:
/// every chapter's take well under ten seconds even unoptimised, so a run this long
/// is an answer that never returns (a loop whose end condition is never met).
pub const TIME_LIMIT: Duration = Duration::from_secs(60);

/// Runs `cargo test -p CHAPTER --test exercises --no-fail-fast` in the workspace at
/// `root`, without `--features solutions`, so on the learner's `src/exercises.rs`.
/// Each `Compiling` or `Running` line of cargo is passed to `status` as it comes
/// (without its path in brackets), so a long build is never silent.
pub fn run_exercises(
    root: &Path,
    chapter: &str,
    status: &mut dyn FnMut(&str),
) -> Result<TestRun> {
    run_exercises_within(root, chapter, status, TIME_LIMIT)
}

/// [`run_exercises`], stopping the tests when they run longer than `limit` after cargo
/// says `Running`: the test binary, cargo's child, is killed, and cargo ends with it.
pub fn run_exercises_within(
    root: &Path,
    chapter: &str,
    status: &mut dyn FnMut(&str),
    limit: Duration,
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
    let timed_out = Arc::new(AtomicBool::new(false));
    let (finished, mut wait_for_finish) = {
        let (send, receive) = mpsc::channel::<()>();
        (send, Some(receive))
    };
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
        // Once the tests run, a watchdog stops them if they outlast `limit`.
        if let Some(wait) =
            wait_for_finish.take_if(|_| trimmed.starts_with("Running "))
        {
            let (cargo_pid, flag) = (child.id(), timed_out.clone());
            std::thread::spawn(move || {
                if wait.recv_timeout(limit) == Err(mpsc::RecvTimeoutError::Timeout) {
                    flag.store(true, Ordering::SeqCst);
                    let _ = Command::new("pkill")
                        .args(["-KILL", "-P", &cargo_pid.to_string()])
                        .status();
                }
            });
        }
        stderr.push_str(&line);
        stderr.push('\n');
    }
    let stdout = reader
        .join()
        .map_err(|_| anyhow::anyhow!("reading cargo's output panicked"))?
        .context("reading cargo's output")?;
    let exit = child.wait().context("waiting for cargo")?;
    drop(finished);
    let mut run = parse(&stdout);
    let started = stdout.lines().any(|line| line.starts_with("running "));
    if !exit.success() && !started {
        run.compile_error = Some(first_error(&stderr).unwrap_or(stderr));
    } else if timed_out.load(Ordering::SeqCst) {
        run.stopped = Some(format!(
            "the tests ran for over {} s and were stopped; does an answer loop for ever?",
            limit.as_secs()
        ));
    } else if !stdout.lines().any(|line| line.starts_with("test result:")) {
        let last = stderr.lines().rfind(|line| !line.trim().is_empty());
        run.stopped = Some(last.unwrap_or("the test binary stopped").to_string());
    }
    Ok(run)
}

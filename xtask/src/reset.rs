//! `cargo xtask reset chapterNN [EXERCISE] [--yes]`: puts back the stub of one
//! exercise, or of every exercise of a chapter, in the learner's `src/exercises.rs`,
//! after saying what will be lost and asking. The stubs are what `cargo xtask stubs`
//! writes from `src/solutions.rs`, which is never touched.

use crate::exercises::{self, Exercise};
use crate::{item, stubs};
use anyhow::{Context, Result, bail};
use std::io::{BufRead, Write};
use std::path::Path;

/// How a reset is confirmed before it writes.
pub enum Confirm<'a> {
    /// `--yes`: without asking.
    Yes,
    /// By asking `Reset? [y/N]` and reading the answer from this input (a terminal).
    Ask(&'a mut dyn BufRead),
    /// There is no terminal to ask on and no `--yes`: refuse.
    Refuse,
}

/// Resets `exercise` (its number `3.2`, its function or its test module), or with
/// `None` the whole chapter, in the learner's file of `chapter` in the workspace at
/// `root`; says on `out` what will be lost before asking. Returns whether it wrote.
pub fn reset(
    root: &Path,
    chapter: &str,
    exercise: Option<&str>,
    confirm: Confirm,
    out: &mut dyn Write,
) -> Result<bool> {
    let dir = crate::chapter_dir(root, chapter)?;
    let solutions = read(&dir.join("src/solutions.rs"))?;
    let solutions_path = format!("chapters/{chapter}/src/solutions.rs");
    let list = exercises::parse(&solutions_path, &solutions)?;
    let chosen = (exercise.map(|query| exercises::find(&list, chapter, query)))
        .transpose()?;
    let stub = stubs::generate(chapter, &solutions_path, &solutions)?;
    let path = dir.join("src/exercises.rs");
    let shown = format!("chapters/{chapter}/src/exercises.rs");
    let current = read(&path)?;
    let new = match chosen {
        Some(exercise) => one(&current, &stub, exercise, chapter, out)?,
        None => all(&current, &stub, &list, &shown, out)?,
    };
    let Some(new) = new else {
        return Ok(false);
    };
    match confirm {
        Confirm::Yes => {}
        Confirm::Refuse => bail!(
            "nothing was reset: stdin is not a terminal, so I cannot ask; add `--yes` \
             to reset without asking"
        ),
        Confirm::Ask(input) => {
            write!(out, "Reset? [y/N] ")?;
            out.flush()?;
            let mut answer = String::new();
            input.read_line(&mut answer).context("reading the answer")?;
            if !matches!(answer.trim().to_lowercase().as_str(), "y" | "yes") {
                writeln!(out, "nothing was reset")?;
                return Ok(false);
            }
        }
    }
    std::fs::write(&path, new).with_context(|| format!("writing `{shown}`"))?;
    let what = chosen.map_or("every exercise".to_string(), Exercise::name);
    writeln!(out, "reset {what} to its stub in {shown}")?;
    Ok(true)
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path)
        .with_context(|| format!("reading `{}`", path.display()))
}

/// The learner's file with `exercise` put back to its stub, after printing the lines
/// that will go; `None` when it already is the stub.
fn one(
    current: &str,
    stub: &str,
    exercise: &Exercise,
    chapter: &str,
    out: &mut dyn Write,
) -> Result<Option<String>> {
    let name = &exercise.function;
    let Some(mine) = item::find_fn(current, name) else {
        bail!(
            "cannot find `fn {name}` (with balanced braces) in \
             chapters/{chapter}/src/exercises.rs: put it back by hand, or reset the \
             whole chapter with `cargo xtask reset {chapter}`"
        );
    };
    let theirs = item::find_fn(stub, name)
        .with_context(|| format!("the generated stubs have no `fn {name}`"))?;
    if current[mine.clone()] == stub[theirs.clone()] {
        writeln!(
            out,
            "nothing to reset: {} is already the stub",
            exercise.name()
        )?;
        return Ok(None);
    }
    let lines: Vec<&str> = current[mine.clone()].lines().collect();
    writeln!(
        out,
        "resetting {} replaces these {} lines with its stub:",
        exercise.name(),
        lines.len()
    )?;
    for line in lines {
        writeln!(out, "- {line}")?;
    }
    let new = format!(
        "{}{}{}",
        &current[..mine.start],
        &stub[theirs],
        &current[mine.end..]
    );
    Ok(Some(new))
}

/// The stubs, after printing which exercises' answers will be lost and whether
/// anything else will; `None` when the learner's file already is the stubs.
fn all(
    current: &str,
    stub: &str,
    exercises: &[Exercise],
    shown: &str,
    out: &mut dyn Write,
) -> Result<Option<String>> {
    if current == stub {
        writeln!(out, "nothing to reset: {shown} is already the stubs")?;
        return Ok(None);
    }
    writeln!(out, "resetting writes the stubs over {shown}; you lose:")?;
    // The learner's file with each answer found replaced by its stub: what is left
    // different from the stubs lies outside the exercises' functions.
    let mut rest = current.to_string();
    for exercise in exercises {
        let name = &exercise.function;
        let theirs = item::find_fn(stub, name)
            .with_context(|| format!("the generated stubs have no `fn {name}`"))?;
        match item::find_fn(&rest, name) {
            None => writeln!(out, "  {}: not found in your file", exercise.name())?,
            Some(mine) if rest[mine.clone()] != stub[theirs.clone()] => {
                let lines = rest[mine.clone()].lines().count();
                writeln!(out, "  {}: your answer, {lines} lines", exercise.name())?;
                rest.replace_range(mine, &stub[theirs]);
            }
            Some(_) => {}
        }
    }
    if rest != stub {
        writeln!(out, "  your changes outside the exercises' functions")?;
    }
    Ok(Some(stub.to_string()))
}

//! `cargo xtask watch chapterNN`: runs the chapter's exercise tests on the learner's
//! answers, and again each time a file of the chapter is saved, showing the first
//! exercise that fails, why, and its hint from the book.

use crate::exercises::Exercise;
use crate::hints;
use crate::progress::{self, ChapterProgress};
use anyhow::{Context, Result};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// How often the chapter's files are looked at.
const POLL: Duration = Duration::from_millis(300);

/// Watches `chapter` of the workspace at `root`, writing each run's report to `out`,
/// until `runs` runs are done (for ever with `None`, until Ctrl-C).
pub fn watch(
    root: &Path,
    chapter: &str,
    runs: Option<usize>,
    out: &mut dyn Write,
) -> Result<()> {
    let dir = crate::chapter_dir(root, chapter)?;
    writeln!(
        out,
        "watching {chapter}: its exercise tests run now and each time you save a file \
         in chapters/{chapter} (src/, tests/, examples/, Cargo.toml). Ctrl-C stops."
    )?;
    let mut done = 0;
    let mut passed_before: Option<Vec<String>> = None;
    loop {
        let before = snapshot(&dir)?;
        let report =
            progress::chapter(root, chapter, &mut |line| eprintln!("  {line}"))?;
        let passed: Vec<String> =
            report.passing().iter().map(|e| e.name()).collect();
        if let Some(earlier) = &passed_before {
            let news: Vec<&str> = passed
                .iter()
                .filter(|name| !earlier.contains(name))
                .map(String::as_str)
                .collect();
            if !news.is_empty() {
                writeln!(out, "\nnow passing: {}", news.join(", "))?;
            }
        }
        // A run that does not compile says nothing of what passes.
        if report.run.compile_error.is_none() {
            passed_before = Some(passed);
        }
        show(root, &report, out)?;
        done += 1;
        if runs.is_some_and(|runs| done >= runs) {
            return Ok(());
        }
        writeln!(
            out,
            "\nwaiting for a file of {chapter} to be saved (Ctrl-C stops)"
        )?;
        out.flush()?;
        let saved = loop {
            std::thread::sleep(POLL);
            if let Some(saved) = changed(&before, &snapshot(&dir)?) {
                break saved;
            }
        };
        let saved = saved.strip_prefix(root).unwrap_or(&saved).display();
        writeln!(out, "\nsaved {saved}: running the tests again")?;
    }
}

/// Writes one run's report: the count; the exercises you have started whose tests
/// fail; the exercise to work on (the first of those, or else the first not done),
/// with its first failing test's message and its hint; or the first compile error;
/// or that all pass and what comes next.
fn show(root: &Path, report: &ChapterProgress, out: &mut dyn Write) -> Result<()> {
    let chapter = &report.chapter;
    if let Some(error) = &report.run.compile_error {
        writeln!(out, "\n{chapter} does not compile:\n\n{error}")?;
        return Ok(());
    }
    let (passed, total) = (report.passing().len(), report.exercises.len());
    writeln!(
        out,
        "\n{}  exercises pass",
        progress::counts(chapter, passed, total)
    )?;
    if let Some(why) = &report.run.stopped {
        writeln!(out, "\nthe tests stopped early: {why}")?;
        writeln!(out, "run `cargo test -p {chapter}` to see all of it")?;
        return Ok(());
    }
    // An exercise is started when one of its tests fails on something other than a
    // todo!() (its own, or that of an exercise it calls).
    let started: Vec<(&Exercise, usize)> = report
        .exercises
        .iter()
        .filter_map(|e| {
            let failures = report.run.failures(&e.module());
            wrong(&failures).map(|_| (e, failures.len()))
        })
        .collect();
    if !started.is_empty() {
        let list = started.iter().map(|(e, failed)| {
            let all = report.run.tests_of(&e.module()).count();
            format!("{} ({failed} of {all} tests)", e.name())
        });
        writeln!(out, "failing: {}", list.collect::<Vec<_>>().join(", "))?;
    }
    let (verb, exercise) = match (started.first(), report.next()) {
        (Some((first, _)), _) => ("fix", *first),
        (None, Some(next)) => ("next", next),
        (None, None) => {
            let chapters = crate::chapter_names(root)?;
            let after = chapters.iter().skip_while(|name| *name != chapter).nth(1);
            let then = match after {
                Some(after) => format!("next: {after}, `cargo xtask watch {after}`"),
                None => "that was the last chapter".to_string(),
            };
            writeln!(out, "\nall {total} exercises of {chapter} pass; {then}")?;
            return Ok(());
        }
    };
    writeln!(out, "\n{verb}: {}, {}", exercise.name(), exercise.place())?;
    let tests = std::fs::read_to_string(
        root.join(format!("chapters/{chapter}/tests/exercises.rs")),
    )
    .unwrap_or_default();
    let mut failures = report.run.failures(&exercise.module());
    failures.sort_by_key(|(test, _)| in_file(&tests, test));
    if let Some((test, output)) = wrong(&failures).or(failures.first().copied()) {
        writeln!(out, "\n{test} failed:\n{}", indent(&tidy(output)))?;
    }
    let page = root.join(format!("book/src/{chapter}/exercises.md"));
    let text = std::fs::read_to_string(&page)
        .with_context(|| format!("reading `{}`", page.display()))?;
    if let Some(hint) = hints::hints(&text, &exercise.label).first() {
        writeln!(out, "\nhint:\n{}", indent(hint))?;
    }
    Ok(())
}

/// The first of `failures` that is a wrong answer rather than a `todo!()`.
fn wrong<'a>(failures: &[(&'a str, &'a str)]) -> Option<(&'a str, &'a str)> {
    let todo = |output: &str| output.contains("not yet implemented");
    failures.iter().find(|(_, output)| !todo(output)).copied()
}

/// The first file that differs between two snapshots: changed, added or removed.
fn changed(before: &[Entry], after: &[Entry]) -> Option<PathBuf> {
    let new = after.iter().find(|entry| !before.contains(entry));
    let gone = || before.iter().find(|entry| !after.contains(entry));
    new.or_else(gone).map(|(path, _, _)| path.clone())
}

/// Where the test `module::name` is declared in the text of its tests file, so that
/// the learner sees the first of a module's failing tests, usually its simplest.
fn in_file(tests: &str, test: &str) -> usize {
    let (module, name) = test.rsplit_once("::").unwrap_or(("", test));
    let start = tests.find(&format!("mod {module} ")).unwrap_or(0);
    let at = tests[start..].find(&format!("fn {name}("));
    at.map_or(usize::MAX, |at| start + at)
}

/// The test's output without the thread's name and number on its panic line, which
/// repeat the test's name and change from run to run, and without the note about
/// backtraces.
fn tidy(output: &str) -> String {
    let backtrace_note =
        |line: &&str| line.starts_with("note: run with `RUST_BACKTRACE");
    let lines = output
        .lines()
        .filter(|line| !backtrace_note(line))
        .map(|line| match line.split_once(" panicked at ") {
            Some((thread, place)) if thread.starts_with("thread '") => {
                format!("panicked at {place}")
            }
            _ => line.to_string(),
        });
    lines.collect::<Vec<_>>().join("\n")
}

fn indent(text: &str) -> String {
    let lines = text
        .lines()
        .map(|line| format!("    {line}").trim_end().to_string());
    lines.collect::<Vec<_>>().join("\n")
}

/// A file, its size and when it was last modified.
type Entry = (PathBuf, u64, Option<SystemTime>);

/// Each file of the chapter that the tests depend on, with its size and when it was
/// last modified.
fn snapshot(dir: &Path) -> Result<Vec<Entry>> {
    let mut files = Vec::new();
    let mut pending = vec![dir.join("src"), dir.join("tests"), dir.join("examples")];
    let mut note = |path: PathBuf| {
        let meta = std::fs::metadata(&path);
        let (len, time) = meta.map_or((0, None), |m| (m.len(), m.modified().ok()));
        files.push((path, len, time));
    };
    note(dir.join("Cargo.toml"));
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path =
                entry.with_context(|| format!("reading `{}`", dir.display()))?;
            let path = path.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                note(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_panic_line_loses_its_thread_name_and_number() {
        let output = "thread 'm::t' (18095) panicked at src/exercises.rs:15:5:\n\
                      not yet implemented\n\
                      note: run with `RUST_BACKTRACE=1` environment variable to display \
                      a backtrace";
        assert_eq!(
            tidy(output),
            "panicked at src/exercises.rs:15:5:\nnot yet implemented"
        );
    }

    #[test]
    fn a_wrong_answer_comes_before_a_todo() {
        let failures =
            [("a", "not yet implemented: Exercise 1.1"), ("b", "left: 1")];
        assert_eq!(wrong(&failures), Some(("b", "left: 1")));
        assert_eq!(wrong(&failures[..1]), None);
    }

    #[test]
    fn a_changed_added_or_removed_file_is_named() {
        let file = |name: &str, len| (PathBuf::from(name), len, None);
        let before = [file("a.rs", 1), file("b.rs", 2)];
        assert_eq!(changed(&before, &before), None);
        let saved = [file("a.rs", 1), file("b.rs", 3)];
        assert_eq!(changed(&before, &saved), Some(PathBuf::from("b.rs")));
        assert_eq!(changed(&before, &before[..1]), Some(PathBuf::from("b.rs")));
    }

    #[test]
    fn a_modules_tests_are_ordered_as_the_file_declares_them() {
        let tests = "mod exercise_1_1_a {\n    fn zeta() {}\n    fn alpha() {}\n}\n\
                     mod exercise_1_2_b {\n    fn zeta() {}\n}\n";
        let at = |test| in_file(tests, test);
        assert!(at("exercise_1_1_a::zeta") < at("exercise_1_1_a::alpha"));
        assert!(at("exercise_1_2_b::zeta") > at("exercise_1_1_a::alpha"));
        assert_eq!(at("exercise_1_2_b::gone"), usize::MAX);
    }
}

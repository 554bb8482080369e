//! `cargo xtask progress [chapterNN]`: how many exercises of each chapter pass on the
//! learner's answers, and which one to do next.

use crate::exercise_tests;
use crate::exercises::{self, Exercise};
use crate::libtest::TestRun;
use anyhow::Result;
use std::io::Write;
use std::path::Path;

/// Where one chapter stands.
#[derive(Clone, Debug)]
pub struct ChapterProgress {
    /// The chapter, such as `chapter03`.
    pub chapter: String,
    /// Its exercises, in order.
    pub exercises: Vec<Exercise>,
    /// What its exercise tests reported.
    pub run: TestRun,
}

impl ChapterProgress {
    /// The exercises whose tests all ran and passed.
    pub fn passing(&self) -> Vec<&Exercise> {
        let passes = |e: &&Exercise| self.run.passes(&e.module());
        self.exercises.iter().filter(passes).collect()
    }

    /// The first exercise, in order, that does not pass.
    pub fn next(&self) -> Option<&Exercise> {
        self.exercises
            .iter()
            .find(|e| !self.run.passes(&e.module()))
    }

    /// `chapter03  [######--------------]   2/6  next: Exercise 3.3 ...`
    pub fn line(&self) -> String {
        let (passed, total) = (self.passing().len(), self.exercises.len());
        let chapter = &self.chapter;
        let what = if let Some(error) = &self.run.compile_error {
            let first = error.lines().next().unwrap_or_default();
            format!("does not compile: {first}, run `cargo test -p {chapter}`")
        } else if let Some(why) = &self.run.stopped {
            format!("the tests stopped early: {why}, run `cargo test -p {chapter}`")
        } else if let Some(next) = self.next() {
            format!("next: {}, {}", next.name(), next.place())
        } else {
            "all done".to_string()
        };
        format!("{}  {what}", counts(chapter, passed, total))
    }
}

/// `chapter03  [######--------------]   2/6`: the name, a bar of 20 and the count.
pub fn counts(name: &str, passed: usize, total: usize) -> String {
    let filled = (passed * 20).checked_div(total).unwrap_or(0);
    let bar = format!("{}{}", "#".repeat(filled), "-".repeat(20 - filled));
    format!("{name:<9}  [{bar}]  {:>5}", format!("{passed}/{total}"))
}

/// Runs the exercise tests of `chapter` in the workspace at `root` and reports where
/// it stands; cargo's `Compiling` lines go to `status` as they come.
pub fn chapter(
    root: &Path,
    chapter: &str,
    status: &mut dyn FnMut(&str),
) -> Result<ChapterProgress> {
    let exercises = exercises::of_chapter(root, chapter)?;
    let run = exercise_tests::run_exercises(root, chapter, status)?;
    Ok(ChapterProgress {
        chapter: chapter.to_string(),
        exercises,
        run,
    })
}

/// Writes the progress line of every chapter of the workspace at `root` (or of
/// `only`) to `out`, then a total line; says on stderr which chapter it is checking.
pub fn run(
    root: &Path,
    only: Option<&str>,
    out: &mut dyn Write,
) -> Result<Vec<ChapterProgress>> {
    let chapters = match only {
        Some(name) => {
            crate::chapter_dir(root, name)?;
            vec![name.to_string()]
        }
        None => crate::chapter_names(root)?,
    };
    let mut reports = Vec::new();
    for (i, name) in chapters.iter().enumerate() {
        eprintln!("checking {name} ({} of {}) ...", i + 1, chapters.len());
        let report = chapter(root, name, &mut |line| eprintln!("  {line}"))?;
        writeln!(out, "{}", report.line())?;
        reports.push(report);
    }
    let passed: usize = reports.iter().map(|r| r.passing().len()).sum();
    let total: usize = reports.iter().map(|r| r.exercises.len()).sum();
    writeln!(out, "{}  exercises pass", counts("total", passed, total))?;
    Ok(reports)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_fills_in_twentieths() {
        // 2 of 6 is 6.67 twentieths, shown as 6.
        assert_eq!(
            counts("chapter03", 2, 6),
            "chapter03  [######--------------]    2/6"
        );
        assert_eq!(
            counts("total", 59, 59),
            "total      [####################]  59/59"
        );
        assert_eq!(
            counts("chapter09", 0, 0),
            "chapter09  [--------------------]    0/0"
        );
    }
}

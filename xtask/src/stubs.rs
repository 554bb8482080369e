//! `cargo xtask stubs`: writes each chapter's `src/exercises.rs`, the learner's file,
//! from its `src/solutions.rs`.
//!
//! Every answer's body sits between a `// BEGIN SOLUTION` and an `// END SOLUTION`
//! line and becomes a `todo!()` whose message names the exercise and the section of
//! the book that teaches it, taken from the answer's doc line
//! `/// Exercise 1.2, section 1.2 "Finite differences".`
//! Everything else is copied as it is. The exercises are read by
//! [`exercises::parse`], which `progress`, `watch` and `reset` share.

use crate::{Mode, chapter_dirs, ensure_file, exercises, relative};
use anyhow::{Context, Result};

/// Writes (or, in `Check` mode, checks) every chapter's `src/exercises.rs`.
pub fn run(mode: Mode) -> Result<()> {
    for chapter in chapter_dirs()? {
        let solutions = chapter.join("src/solutions.rs");
        if !solutions.is_file() {
            continue;
        }
        let source = std::fs::read_to_string(&solutions)
            .with_context(|| format!("reading `{}`", relative(&solutions)))?;
        let name = chapter.file_name().unwrap_or_default().to_string_lossy();
        let stubs = generate(&name, &relative(&solutions), &source)?;
        let exercises = chapter.join("src/exercises.rs");
        ensure_file(&exercises, &stubs, mode, "cargo xtask stubs").with_context(|| {
            format!(
                "the learner's file must be what `cargo xtask stubs` writes from \
                 `{}` (a learner who has filled it in can ignore this check)",
                relative(&solutions)
            )
        })?;
    }
    Ok(())
}

/// The learner's file for `chapter` (e.g. `chapter01`) from the text of its solutions
/// file, which `path` names in error messages.
pub fn generate(chapter: &str, path: &str, solutions: &str) -> Result<String> {
    let exercises = exercises::parse(path, solutions)?;
    let mut out = format!(
        "//! Your answers to the exercises of {chapter}. Replace each `todo!()` with \
         your code,\n\
         //! then run `cargo test -p {chapter}`.\n\
         //!\n\
         //! Generated from `src/solutions.rs` by `cargo xtask stubs`.\n\
         #![allow(unused_variables)] // A stub does not use its arguments yet.\n"
    );
    let mut skip_to = 0;
    let lines = solutions.lines().enumerate().map(|(i, line)| (i + 1, line));
    for (number, line) in lines.skip_while(|(_, line)| line.starts_with("//!")) {
        if number <= skip_to {
            continue;
        }
        if let Some(exercise) = exercises.iter().find(|e| e.markers.0 == number) {
            let indent = &line[..line.len() - line.trim_start().len()];
            let message = format!(
                "Exercise {} (`{}`) is yours to write: read {} of the book, then \
                 replace this todo!() with your answer.",
                exercise.label,
                exercise.function,
                exercise.place()
            );
            let message = message
                .replace('"', "\\\"")
                .replace('{', "{{")
                .replace('}', "}}");
            out.push_str(&todo(indent, &message));
            skip_to = exercise.markers.1;
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    Ok(out)
}

/// A `todo!()` line with `message`, laid out as rustfmt (at 85 columns) lays it out,
/// so `cargo fmt` leaves the generated file alone.
fn todo(indent: &str, message: &str) -> String {
    let line = format!("{indent}todo!(\"{message}\")\n");
    if line.trim_end().chars().count() <= 85 {
        line
    } else {
        format!("{indent}todo!(\n{indent}    \"{message}\"\n{indent})\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOLUTIONS: &str = r#"//! Reference answers.

use std::f64::consts::PI;

/// Twice x.
///
/// Exercise 1.1, section 1.2 "Finite differences".
pub fn double(x: f64) -> f64 {
    // BEGIN SOLUTION
    let y = 2.0 * x;
    y
    // END SOLUTION
}
"#;

    #[test]
    fn a_marked_body_becomes_a_todo_naming_the_exercise_and_section() {
        let stubs = generate("chapter01", "s.rs", SOLUTIONS).unwrap();
        let want = "    todo!(\n        \"Exercise 1.1 (`double`) is yours to write: read \
                    section 1.2 \\\"Finite differences\\\" of the book, then replace this \
                    todo!() with your answer.\"\n    )\n}\n";
        assert!(stubs.ends_with(want), "{stubs}");
        assert!(stubs.contains("use std::f64::consts::PI;\n"), "{stubs}");
        assert!(
            stubs.contains("pub fn double(x: f64) -> f64 {\n    todo!"),
            "{stubs}"
        );
        assert!(
            !stubs.contains("2.0 * x") && !stubs.contains("Reference"),
            "{stubs}"
        );
    }

    #[test]
    fn a_solution_without_its_exercise_line_is_an_error() {
        let source = SOLUTIONS.replace("/// Exercise", "/// Exercice");
        let err = generate("chapter01", "s.rs", &source)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("s.rs:9: a solution needs"), "{err}");
    }

    #[test]
    fn an_unclosed_solution_is_an_error() {
        let source = SOLUTIONS.replace("    // END SOLUTION\n", "");
        let err = generate("chapter01", "s.rs", &source)
            .unwrap_err()
            .to_string();
        assert_eq!(err, "s.rs:9: BEGIN SOLUTION has no END SOLUTION");
    }
}

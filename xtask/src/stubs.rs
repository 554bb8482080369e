//! `cargo xtask stubs`: writes each chapter's `src/exercises.rs`, the learner's file,
//! from its `src/solutions.rs`.
//!
//! Every answer's body sits between a `// BEGIN SOLUTION` and an `// END SOLUTION`
//! line and becomes a `todo!()` whose message names the exercise and the section of
//! the book that teaches it, taken from the answer's doc line
//! `/// Exercise 1.2, section 1.2 "Finite differences".`
//! Everything else is copied as it is.

use crate::{Mode, chapter_dirs, ensure_file, relative};
use anyhow::{Context, Result, bail};

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
    let mut out = format!(
        "//! Your answers to the exercises of {chapter}. Replace each `todo!()` with \
         your code,\n\
         //! then run `cargo test -p {chapter}`.\n\
         //!\n\
         //! Generated from `src/solutions.rs` by `cargo xtask stubs`.\n\
         #![allow(unused_variables)] // A stub does not use its arguments yet.\n"
    );
    let mut exercise: Option<String> = None;
    let mut function: Option<String> = None;
    let mut in_solution = None;
    let mut stubs = 0;
    let lines = solutions.lines().enumerate().map(|(i, line)| (i + 1, line));
    for (number, line) in lines.skip_while(|(_, line)| line.starts_with("//!")) {
        let trimmed = line.trim();
        if let Some(start) = in_solution {
            match trimmed {
                "// END SOLUTION" => in_solution = None,
                "// BEGIN SOLUTION" => {
                    bail!(
                        "{path}:{number}: BEGIN SOLUTION inside the one of line {start}"
                    )
                }
                _ => {}
            }
            continue;
        }
        match trimmed {
            "// BEGIN SOLUTION" => {
                let (Some(which), Some(name)) = (exercise.take(), function.take())
                else {
                    bail!(
                        "{path}:{number}: a solution needs a `fn` above it with a doc \
                         line `/// Exercise N.M, section S \"Title\".`"
                    );
                };
                let (label, section) = which.split_once(", ").with_context(|| {
                    format!("{path}:{number}: `{which}` is not `Exercise N.M, section S \"Title\"`")
                })?;
                let indent = &line[..line.len() - line.trim_start().len()];
                let message = format!(
                    "{label} (`{name}`) is yours to write: read {section} of the book, \
                     then replace this todo!() with your answer."
                );
                let message = message
                    .replace('"', "\\\"")
                    .replace('{', "{{")
                    .replace('}', "}}");
                out.push_str(&todo(indent, &message));
                in_solution = Some(number);
                stubs += 1;
                continue;
            }
            "// END SOLUTION" => {
                bail!("{path}:{number}: END SOLUTION without BEGIN")
            }
            _ => {}
        }
        if let Some(doc) = trimmed.strip_prefix("/// Exercise ") {
            exercise = Some(format!("Exercise {}", doc.trim_end_matches('.')));
        }
        if let Some(name) = function_name(trimmed) {
            function = Some(name.to_string());
        }
        out.push_str(line);
        out.push('\n');
    }
    if let Some(start) = in_solution {
        bail!("{path}:{start}: BEGIN SOLUTION has no END SOLUTION");
    }
    if stubs == 0 {
        bail!("{path}: no `// BEGIN SOLUTION` marker, so no exercise");
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

/// The name of the function that `line` declares, if it declares one.
fn function_name(line: &str) -> Option<&str> {
    let (before, after) = line.split_once("fn ")?;
    if !(before.is_empty() || before.ends_with(' '))
        || before.trim_start().starts_with("//")
    {
        return None;
    }
    let end = after.find(|c: char| !(c.is_alphanumeric() || c == '_'))?;
    Some(&after[..end]).filter(|name| !name.is_empty())
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

    #[test]
    fn function_names_are_found_in_declarations_only() {
        assert_eq!(
            function_name("pub fn central_difference(f: F)"),
            Some("central_difference")
        );
        assert_eq!(function_name("fn g<T>(x: T)"), Some("g"));
        assert_eq!(function_name("// the fn keyword"), None);
        assert_eq!(function_name("let f = |x| x;"), None);
    }
}

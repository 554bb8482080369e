//! The exercises of a chapter, read from the doc lines of its `src/solutions.rs`:
//! what `stubs`, `progress`, `watch` and `reset` share.
//!
//! An exercise is a function whose doc comment has a line
//! `/// Exercise 3.3, section 3.4 "Momentum".` and whose body sits between a
//! `// BEGIN SOLUTION` and an `// END SOLUTION` line.

use anyhow::{Context, Result, bail};
use std::path::Path;

/// One exercise of a chapter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exercise {
    /// Its number, such as `3.3`.
    pub label: String,
    /// The function the learner writes, such as `momentum`.
    pub function: String,
    /// The number of the section that teaches it, such as `3.4`.
    pub section: String,
    /// That section's title, such as `Momentum`.
    pub title: String,
    /// The lines (from 1) of its `// BEGIN SOLUTION` and `// END SOLUTION` markers.
    pub markers: (usize, usize),
}

impl Exercise {
    /// The module of its tests in `tests/exercises.rs`: `exercise_3_3_momentum`.
    pub fn module(&self) -> String {
        format!(
            "exercise_{}_{}",
            self.label.replace('.', "_"),
            self.function
        )
    }

    /// `Exercise 3.3 `momentum``.
    pub fn name(&self) -> String {
        format!("Exercise {} `{}`", self.label, self.function)
    }

    /// `section 3.4 "Momentum"`.
    pub fn place(&self) -> String {
        format!("section {} \"{}\"", self.section, self.title)
    }
}

/// The exercises that the text of a solutions file declares, in order; `path` names
/// the file in error messages.
pub fn parse(path: &str, solutions: &str) -> Result<Vec<Exercise>> {
    let mut exercises = Vec::new();
    let mut doc: Option<(usize, &str)> = None;
    let mut function: Option<&str> = None;
    let mut open: Option<Exercise> = None;
    for (number, line) in solutions.lines().enumerate().map(|(i, l)| (i + 1, l)) {
        let trimmed = line.trim();
        if let Some(exercise) = open.as_mut() {
            match trimmed {
                "// END SOLUTION" => {
                    exercise.markers.1 = number;
                    exercises.extend(open.take());
                }
                "// BEGIN SOLUTION" => bail!(
                    "{path}:{number}: BEGIN SOLUTION inside the one of line {}",
                    exercise.markers.0
                ),
                _ => {}
            }
            continue;
        }
        match trimmed {
            "// BEGIN SOLUTION" => {
                let (Some((at, doc)), Some(function)) =
                    (doc.take(), function.take())
                else {
                    bail!(
                        "{path}:{number}: a solution needs a `fn` above it with a doc \
                         line `/// Exercise N.M, section S \"Title\".`"
                    );
                };
                let (label, section, title) = doc_line(doc).with_context(|| {
                    format!(
                        "{path}:{at}: `{doc}` is not \
                         `/// Exercise N.M, section S \"Title\".`"
                    )
                })?;
                open = Some(Exercise {
                    label: label.into(),
                    function: function.into(),
                    section: section.into(),
                    title: title.into(),
                    markers: (number, 0),
                });
                continue;
            }
            "// END SOLUTION" => {
                bail!("{path}:{number}: END SOLUTION without BEGIN")
            }
            _ => {}
        }
        if trimmed.starts_with("/// Exercise ") {
            doc = Some((number, trimmed));
        }
        if let Some(name) = function_name(trimmed) {
            function = Some(name);
        }
    }
    if let Some(exercise) = open {
        bail!(
            "{path}:{}: BEGIN SOLUTION has no END SOLUTION",
            exercise.markers.0
        );
    }
    if exercises.is_empty() {
        bail!("{path}: no `// BEGIN SOLUTION` marker, so no exercise");
    }
    Ok(exercises)
}

/// The label, section and title of `/// Exercise 3.3, section 3.4 "Momentum".`
fn doc_line(line: &str) -> Option<(&str, &str, &str)> {
    let rest = line.strip_prefix("/// Exercise ")?.strip_suffix('.')?;
    let (label, rest) = rest.split_once(", section ")?;
    let (section, title) = rest.split_once(' ')?;
    let title = title.strip_prefix('"')?.strip_suffix('"')?;
    Some((label, section, title))
}

/// The name of the function that `line` declares, if it declares one.
pub fn function_name(line: &str) -> Option<&str> {
    let (before, after) = line.split_once("fn ")?;
    if !(before.is_empty() || before.ends_with(' '))
        || before.trim_start().starts_with("//")
    {
        return None;
    }
    let end = after.find(|c: char| !(c.is_alphanumeric() || c == '_'))?;
    Some(&after[..end]).filter(|name| !name.is_empty())
}

/// The exercises of the chapter `chapter` of the workspace at `root`.
pub fn of_chapter(root: &Path, chapter: &str) -> Result<Vec<Exercise>> {
    let path = crate::chapter_dir(root, chapter)?.join("src/solutions.rs");
    let source = std::fs::read_to_string(&path)
        .with_context(|| format!("reading `{}`", path.display()))?;
    parse(&format!("chapters/{chapter}/src/solutions.rs"), &source)
}

/// The exercise of `exercises` that `query` names, by its number (`3.2`), its
/// function (`learning_rate`) or its test module; an error lists them all.
pub fn find<'a>(
    exercises: &'a [Exercise],
    chapter: &str,
    query: &str,
) -> Result<&'a Exercise> {
    let query = query.strip_prefix("Exercise ").unwrap_or(query);
    let found = exercises
        .iter()
        .find(|e| e.label == query || e.function == query || e.module() == query);
    found.with_context(|| {
        let all: Vec<String> = exercises
            .iter()
            .map(|e| format!("{} `{}`", e.label, e.function))
            .collect();
        format!(
            "unknown exercise `{query}` in {chapter}: its exercises are {}",
            all.join(", ")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_doc_line_gives_label_section_and_title() {
        let line = "/// Exercise 3.3, section 3.4 \"Momentum\".";
        assert_eq!(doc_line(line), Some(("3.3", "3.4", "Momentum")));
        assert_eq!(doc_line("/// Exercise 3.3, Momentum."), None);
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

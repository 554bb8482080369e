//! Generated files match their generators, and every exercise is set and answered in
//! the book.

use book_checks::{read, shown, workspace_root};
use xtask::Mode;

#[test]
fn figures_are_fresh() {
    if let Err(err) = xtask::plots::run(Mode::Check) {
        panic!("{err:#}");
    }
}

#[test]
fn stubs_are_fresh() {
    if let Err(err) = xtask::stubs::run(Mode::Check) {
        panic!("{err:#}");
    }
}

#[test]
fn every_exercise_is_set_with_a_hint_and_answered_in_the_book() {
    for chapter in xtask::chapter_dirs().expect("the chapters folder") {
        let name = chapter.file_name().unwrap().to_string_lossy().into_owned();
        let solutions = read(&chapter.join("src/solutions.rs"));
        let exercises_page =
            workspace_root().join(format!("book/src/{name}/exercises.md"));
        let solutions_page =
            workspace_root().join(format!("book/src/{name}/solutions.md"));
        let (set, answered) = (read(&exercises_page), read(&solutions_page));
        let names = exercise_names(&solutions);
        assert!(!names.is_empty(), "{name} has no exercise");
        for exercise in &names {
            let stub = format!("src/exercises.rs:{exercise}}}}}");
            let answer = format!("src/solutions.rs:{exercise}}}}}");
            assert!(
                set.contains(&stub),
                "`{}` does not show the stub of `{exercise}`",
                shown(&exercises_page)
            );
            assert!(
                answered.contains(&answer),
                "`{}` does not show the answer to `{exercise}`",
                shown(&solutions_page)
            );
        }
        let hints = set.matches("<details>").count();
        assert!(
            hints >= names.len(),
            "`{}` has {hints} hints (`<details>`) for {} exercises",
            shown(&exercises_page),
            names.len()
        );
    }
}

/// The anchors that enclose a `// BEGIN SOLUTION` marker: one per exercise.
fn exercise_names(solutions: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut anchor = None;
    for line in solutions.lines() {
        let comment = line.trim().strip_prefix("//").map(str::trim);
        if let Some(name) = comment.and_then(|c| c.strip_prefix("ANCHOR: ")) {
            anchor = Some(name.to_string());
        } else if comment == Some("BEGIN SOLUTION") {
            names.push(
                anchor
                    .clone()
                    .expect("every exercise sits inside an anchor"),
            );
        }
    }
    names
}

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
    let root = workspace_root();
    for name in xtask::chapter_names(&root).expect("the chapters folder") {
        let exercises_page =
            workspace_root().join(format!("book/src/{name}/exercises.md"));
        let solutions_page =
            workspace_root().join(format!("book/src/{name}/solutions.md"));
        let (set, answered) = (read(&exercises_page), read(&solutions_page));
        // Each exercise's item is anchored by its function's name.
        let names: Vec<String> = xtask::exercises::of_chapter(&root, &name)
            .unwrap_or_else(|err| panic!("{err:#}"))
            .into_iter()
            .map(|exercise| exercise.function)
            .collect();
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

//! The exercise list that `progress`, `watch` and `reset` read from each chapter's
//! `src/solutions.rs` agrees with its tests and its book page, in all the chapters;
//! bad names get errors that list the good ones. Reads files only, runs no cargo.

use xtask::exercises::{self, Exercise};
use xtask::{chapter_dir, chapter_names, workspace_root};

fn read(relative: &str) -> String {
    let path = workspace_root().join(relative);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|err| panic!("reading `{}`: {err}", path.display()))
}

fn chapter01() -> Vec<Exercise> {
    exercises::of_chapter(&workspace_root(), "chapter01")
        .expect("chapter01's exercises")
}

#[test]
fn the_exercises_are_the_test_modules_of_every_chapter_in_order() {
    let chapters = chapter_names(&workspace_root()).expect("the chapters");
    assert_eq!(chapters.len(), 8, "{chapters:?}");
    for chapter in chapters {
        let listed = exercises::of_chapter(&workspace_root(), &chapter).unwrap();
        let listed: Vec<String> = listed.iter().map(Exercise::module).collect();
        let tests = read(&format!("chapters/{chapter}/tests/exercises.rs"));
        let modules: Vec<&str> = tests
            .lines()
            .filter_map(|line| line.strip_prefix("mod exercise_"))
            .map(|rest| rest.trim_end_matches(" {"))
            .collect();
        let modules: Vec<String> =
            modules.iter().map(|m| format!("exercise_{m}")).collect();
        assert_eq!(listed, modules, "{chapter}");
    }
}

#[test]
fn every_exercise_has_exactly_one_hint_on_its_page() {
    for chapter in chapter_names(&workspace_root()).expect("the chapters") {
        let page = read(&format!("book/src/{chapter}/exercises.md"));
        for exercise in exercises::of_chapter(&workspace_root(), &chapter).unwrap() {
            let hints = xtask::hints::hints(&page, &exercise.label);
            assert_eq!(hints.len(), 1, "{chapter}, {}: {hints:?}", exercise.name());
            assert!(!hints[0].is_empty(), "{chapter}, {}", exercise.name());
        }
    }
}

#[test]
fn chapter01s_exercises_are_read_from_their_doc_lines() {
    let list = chapter01();
    let names: Vec<String> = list
        .iter()
        .map(|e| format!("{} {}", e.name(), e.place()))
        .collect();
    assert_eq!(names.len(), 7);
    // From `/// Exercise 1.4, section 1.2 "Finite differences".` above
    // `pub fn forward_difference`.
    assert_eq!(
        names[3],
        "Exercise 1.4 `forward_difference` section 1.2 \"Finite differences\""
    );
    assert_eq!(list[3].module(), "exercise_1_4_forward_difference");
}

#[test]
fn an_exercise_is_found_by_number_function_or_module() {
    let list = chapter01();
    for query in [
        "1.4",
        "forward_difference",
        "exercise_1_4_forward_difference",
    ] {
        let found = exercises::find(&list, "chapter01", query).expect(query);
        assert_eq!(found.function, "forward_difference", "{query}");
    }
}

#[test]
fn an_unknown_exercise_lists_the_chapters_exercises() {
    let err = exercises::find(&chapter01(), "chapter01", "1.9").unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown exercise `1.9` in chapter01: its exercises are 1.1 \
         `polynomial_derivative`, 1.2 `product_rule`, 1.3 `quotient_rule`, 1.4 \
         `forward_difference`, 1.5 `central_difference`, 1.6 `error_order`, 1.7 \
         `best_step`"
    );
}

#[test]
fn an_unknown_chapter_lists_the_chapters() {
    let err = chapter_dir(&workspace_root(), "chapter1").unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown chapter `chapter1`: the chapters are chapter01, chapter02, chapter03, \
         chapter04, chapter05, chapter06, chapter07, chapter08"
    );
}

#[test]
fn the_readme_shows_what_progress_prints_on_the_stubs() {
    // On the stubs no exercise test passes (`cargo xtask check` makes sure), so each
    // chapter is at 0 and its next exercise is its first: a run with no test passed.
    let mut want = Vec::new();
    let mut total = 0;
    for chapter in chapter_names(&workspace_root()).expect("the chapters") {
        let exercises = exercises::of_chapter(&workspace_root(), &chapter).unwrap();
        total += exercises.len();
        let run = xtask::libtest::TestRun::default();
        let report = xtask::progress::ChapterProgress {
            chapter,
            exercises,
            run,
        };
        want.push(report.line());
    }
    want.push(format!(
        "{}  exercises pass",
        xtask::progress::counts("total", 0, total)
    ));
    let readme = read("README.md");
    let shown: Vec<&str> = readme
        .lines()
        .skip_while(|line| !line.starts_with("On untouched stubs it prints:"))
        .skip(3) // The line itself, a blank line and the opening fence.
        .take_while(|line| *line != "```")
        .collect();
    assert_eq!(shown, want);
}

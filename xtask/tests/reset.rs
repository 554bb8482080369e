//! `cargo xtask reset` on a copy of the workspace: one exercise or the whole chapter
//! goes back to the stub that `cargo xtask stubs` writes, other answers stay byte for
//! byte, and nothing is written without a yes.

mod common;

use common::{Workspace, answered};
use xtask::reset::{Confirm, reset};

const EXERCISES: &str = "chapters/chapter01/src/exercises.rs";

/// The stubs of chapter01, as `cargo xtask stubs` writes them.
fn stubs(workspace: &Workspace) -> String {
    let solutions = workspace.solutions();
    xtask::stubs::generate("chapter01", "solutions.rs", &solutions)
        .expect("the stubs")
}

/// Runs a reset, returning whether it wrote and what it said.
fn run(
    workspace: &Workspace,
    exercise: Option<&str>,
    confirm: Confirm,
) -> (anyhow::Result<bool>, String) {
    let mut out = Vec::new();
    let result = reset(&workspace.root, "chapter01", exercise, confirm, &mut out);
    (result, String::from_utf8(out).expect("UTF-8"))
}

#[test]
fn resetting_one_exercise_restores_its_stub_and_keeps_the_other_answer() {
    let workspace = Workspace::copy("reset-one");
    workspace.answer("forward_difference");
    workspace.answer("central_difference");
    let (wrote, said) = run(&workspace, Some("1.4"), Confirm::Yes);
    assert!(wrote.unwrap(), "{said}");
    // Only 1.5's answer is left: its body in the stubs, every other byte the stub's.
    let want = answered(
        &stubs(&workspace),
        &workspace.solutions(),
        "central_difference",
    );
    assert_eq!(workspace.read(EXERCISES), want);
    assert!(
        said.starts_with(
            "resetting Exercise 1.4 `forward_difference` replaces these 3 lines with \
             its stub:\n- pub fn forward_difference(f: impl Fn(f64) -> f64, x: f64, \
             h: f64) -> f64 {\n-     (f(x + h) - f(x)) / h\n- }\n"
        ),
        "{said}"
    );
}

#[test]
fn resetting_the_chapter_writes_the_generated_stubs() {
    let workspace = Workspace::copy("reset-chapter");
    workspace.answer("product_rule");
    workspace.answer("error_order");
    let (wrote, said) = run(&workspace, None, Confirm::Yes);
    assert!(wrote.unwrap(), "{said}");
    assert_eq!(workspace.read(EXERCISES), stubs(&workspace));
    // Each answer is the signature line, one line of body and the closing brace.
    assert_eq!(
        said,
        "resetting writes the stubs over chapters/chapter01/src/exercises.rs; you \
         lose:\n  Exercise 1.2 `product_rule`: your answer, 3 lines\n  Exercise 1.6 \
         `error_order`: your answer, 3 lines\nreset every exercise to its stub in \
         chapters/chapter01/src/exercises.rs\n"
    );
}

#[test]
fn without_a_terminal_or_yes_reset_refuses_and_writes_nothing() {
    let workspace = Workspace::copy("reset-refuse");
    workspace.answer("forward_difference");
    let before = workspace.read(EXERCISES);
    let (result, _) = run(&workspace, Some("forward_difference"), Confirm::Refuse);
    let err = result.unwrap_err().to_string();
    assert!(err.contains("add `--yes`"), "{err}");
    assert_eq!(workspace.read(EXERCISES), before);
}

#[test]
fn only_a_yes_at_the_prompt_resets() {
    let workspace = Workspace::copy("reset-ask");
    workspace.answer("forward_difference");
    let before = workspace.read(EXERCISES);
    for answer in ["\n", "n\n", "nope\n", ""] {
        let (wrote, said) =
            run(&workspace, None, Confirm::Ask(&mut answer.as_bytes()));
        assert!(!wrote.unwrap(), "{answer:?}: {said}");
        assert!(said.ends_with("Reset? [y/N] nothing was reset\n"), "{said}");
        assert_eq!(workspace.read(EXERCISES), before, "{answer:?}");
    }
    let (wrote, said) = run(&workspace, None, Confirm::Ask(&mut "Yes\n".as_bytes()));
    assert!(wrote.unwrap(), "{said}");
    assert_eq!(workspace.read(EXERCISES), stubs(&workspace));
}

#[test]
fn an_untouched_exercise_or_chapter_has_nothing_to_reset() {
    let workspace = Workspace::copy("reset-nothing");
    let (wrote, said) = run(&workspace, None, Confirm::Refuse);
    assert!(!wrote.unwrap());
    assert_eq!(
        said,
        "nothing to reset: chapters/chapter01/src/exercises.rs is already the stubs\n"
    );
    let (wrote, said) = run(&workspace, Some("1.7"), Confirm::Refuse);
    assert!(!wrote.unwrap());
    assert_eq!(
        said,
        "nothing to reset: Exercise 1.7 `best_step` is already the stub\n"
    );
}

#[test]
fn a_function_that_is_gone_is_named_with_the_way_out() {
    let workspace = Workspace::copy("reset-gone");
    let renamed = workspace
        .read(EXERCISES)
        .replace("fn best_step(", "fn best(");
    workspace.write(EXERCISES, &renamed);
    let (result, _) = run(&workspace, Some("best_step"), Confirm::Yes);
    let err = result.unwrap_err().to_string();
    assert_eq!(
        err,
        "cannot find `fn best_step` (with balanced braces) in \
         chapters/chapter01/src/exercises.rs: put it back by hand, or reset the whole \
         chapter with `cargo xtask reset chapter01`"
    );
    assert_eq!(workspace.read(EXERCISES), renamed);
}

#[test]
fn unknown_exercises_and_chapters_are_errors() {
    let workspace = Workspace::copy("reset-unknown");
    let (result, _) = run(&workspace, Some("2.1"), Confirm::Yes);
    let err = result.unwrap_err().to_string();
    assert!(
        err.starts_with(
            "unknown exercise `2.1` in chapter01: its exercises are 1.1"
        )
    );
    let mut out = Vec::new();
    let err = reset(&workspace.root, "chapter9", None, Confirm::Yes, &mut out)
        .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("unknown chapter `chapter9`: the chapters are")
    );
}

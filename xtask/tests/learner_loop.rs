//! `progress`, `watch` and check's learner mode run the tests of a copy of chapter01
//! with cargo, in their own target folder (`target/xtask-tests/target`), one test at
//! a time. Exercise 1.4, `forward_difference`, is the one answered: its tests need no
//! other exercise (those of 1.1 to 1.3, 1.6 and 1.7 also call 1.5's
//! `central_difference` or 1.4's own function).

mod common;

use common::{Workspace, cargo_lock};
use std::io::Write;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

/// What progress prints for chapter01 with Exercise 1.4 alone answered: 1 of 7
/// passes, 20 / 7 = 2.9 twentieths of the bar shown as 2, and the first exercise
/// that does not pass is 1.1.
const ONE_OF_SEVEN: &str = "chapter01  [##------------------]    1/7  next: Exercise \
                            1.1 `polynomial_derivative`, section 1.1 \"The rules of \
                            differentiation\"";

#[test]
fn progress_counts_the_one_answered_exercise_and_names_the_next() {
    let _cargo = cargo_lock();
    let workspace = Workspace::copy("progress");
    workspace.answer("forward_difference");
    let mut out = Vec::new();
    let reports = xtask::progress::run(&workspace.root, Some("chapter01"), &mut out)
        .expect("progress runs");
    let passing: Vec<&str> = reports[0]
        .passing()
        .iter()
        .map(|e| e.label.as_str())
        .collect();
    assert_eq!(passing, ["1.4"]);
    let out = String::from_utf8(out).expect("UTF-8");
    let total = "total      [##------------------]    1/7  exercises pass";
    assert_eq!(out, format!("{ONE_OF_SEVEN}\n{total}\n"));
}

#[test]
fn progress_shows_a_chapter_that_does_not_compile() {
    let _cargo = cargo_lock();
    let workspace = Workspace::copy("progress-broken");
    let file = "chapters/chapter01/src/exercises.rs";
    let broken = workspace.read(file).replace("-> f64 {", "-> f64 { 1 +");
    workspace.write(file, &broken);
    let mut out = Vec::new();
    xtask::progress::run(&workspace.root, Some("chapter01"), &mut out)
        .expect("runs");
    let out = String::from_utf8(out).expect("UTF-8");
    let first = out.lines().next().unwrap_or_default();
    assert!(
        first.starts_with(
            "chapter01  [--------------------]    0/7  does not compile: error"
        ),
        "{out}"
    );
    assert!(first.ends_with(", run `cargo test -p chapter01`"), "{out}");
}

/// A writer that sends what is written down a channel, so a test can read a
/// watch's report while it runs.
struct Sent(Sender<String>);

impl Write for Sent {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let _ = self.0.send(String::from_utf8_lossy(buf).into_owned());
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Reads from `rx` until the text read so far contains `marker`; panics if the
/// watch stops first or takes more than five minutes (a cold build of chapter01's
/// dependencies takes about one on two cores).
fn read_until(rx: &Receiver<String>, text: &mut String, marker: &str) {
    while !text.contains(marker) {
        match rx.recv_timeout(Duration::from_secs(300)) {
            Ok(more) => text.push_str(&more),
            Err(err) => panic!("no `{marker}` from watch ({err}); it said:\n{text}"),
        }
    }
}

#[test]
fn watch_runs_again_when_a_file_is_saved() {
    let _cargo = cargo_lock();
    let workspace = Workspace::copy("watch");
    let (tx, rx) = channel();
    let root = workspace.root.clone();
    let watch = std::thread::spawn(move || {
        xtask::watch::watch(&root, "chapter01", Some(2), &mut Sent(tx))
    });
    let mut text = String::new();
    read_until(
        &rx,
        &mut text,
        "waiting for a file of chapter01 to be saved",
    );
    assert!(
        text.contains("chapter01  [--------------------]    0/7"),
        "{text}"
    );
    // On the stubs the first exercise fails with its todo!() message, and its hint
    // is the one on the book page.
    assert!(
        text.contains("\nnext: Exercise 1.1 `polynomial_derivative`"),
        "{text}"
    );
    assert!(text.contains("not yet implemented: Exercise 1.1"), "{text}");
    let page = workspace.read("book/src/chapter01/exercises.md");
    let hint = &xtask::hints::hints(&page, "1.1")[0];
    let first_line = hint.lines().next().expect("a hint");
    assert!(text.contains(&format!("hint:\n    {first_line}")), "{text}");
    let before = text.len();
    workspace.answer("forward_difference");
    watch.join().expect("watch ran").expect("watch succeeded");
    while let Ok(more) = rx.try_recv() {
        text.push_str(&more);
    }
    let second = &text[before..];
    assert!(
        second.contains(
            "saved chapters/chapter01/src/exercises.rs: running the tests again"
        ),
        "{second}"
    );
    assert!(
        second.contains("chapter01  [##------------------]    1/7"),
        "{second}"
    );
    assert!(
        second.contains("\nnow passing: Exercise 1.4 `forward_difference`\n"),
        "{second}"
    );
}

#[test]
fn watch_shows_a_wrong_answer_before_an_exercise_not_started() {
    let _cargo = cargo_lock();
    let workspace = Workspace::copy("watch-wrong");
    workspace.answer("forward_difference");
    workspace.answer("central_difference");
    // The slip Exercise 1.5's hint warns of: a / 2.0 * h is (a / 2) h, not a / (2h).
    let file = "chapters/chapter01/src/exercises.rs";
    let right = "(f(x + h) - f(x - h)) / (2.0 * h)";
    let text = workspace.read(file);
    assert!(text.contains(right), "the answer to 1.5 is in place");
    workspace.write(
        file,
        &text.replace(right, "(f(x + h) - f(x - h)) / 2.0 * h"),
    );
    let mut out = Vec::new();
    xtask::watch::watch(&workspace.root, "chapter01", Some(1), &mut out)
        .expect("runs");
    let out = String::from_utf8(out).expect("UTF-8");
    // Exercises 1.1 to 1.3 and 1.6, 1.7 are stubs, but 1.5 is the one with a wrong
    // answer, so it is the one shown, with its hint; 1.4 passes.
    assert!(out.contains("    1/7  exercises pass"), "{out}");
    let failing = out
        .lines()
        .find(|l| l.starts_with("failing: "))
        .unwrap_or("");
    assert!(
        failing.starts_with("failing: Exercise 1.5 `central_difference` ("),
        "{out}"
    );
    assert!(
        out.contains("\nfix: Exercise 1.5 `central_difference`, section 1.2"),
        "{out}"
    );
    assert!(!out.contains("not yet implemented"), "{out}");
    let page = workspace.read("book/src/chapter01/exercises.md");
    let hint = &xtask::hints::hints(&page, "1.5")[0];
    let first_line = hint.lines().next().expect("a hint");
    assert!(out.contains(&format!("hint:\n    {first_line}")), "{out}");
}

#[test]
fn an_answer_that_never_returns_is_stopped_and_said_so() {
    let _cargo = cargo_lock();
    let workspace = Workspace::copy("endless");
    let file = "chapters/chapter01/src/exercises.rs";
    let text = workspace.read(file);
    let head = "pub fn forward_difference(f: impl Fn(f64) -> f64, x: f64, h: f64) -> f64 {\n";
    let start = text.find(head).expect("the stub of 1.4") + head.len();
    let end = start + text[start..].find("\n}\n").expect("its end");
    workspace.write(
        file,
        &format!("{}    loop {{}}{}", &text[..start], &text[end..]),
    );
    let limit = Duration::from_secs(3);
    let run = xtask::exercise_tests::run_exercises_within(
        &workspace.root,
        "chapter01",
        &mut |_| {},
        limit,
    )
    .expect("runs");
    let stopped = run.stopped.clone().unwrap_or_default();
    assert_eq!(
        stopped,
        "the tests ran for over 3 s and were stopped; does an answer loop for ever?"
    );
    // The tests that finished before the stop (libtest runs them in name order, so
    // Exercise 1.1's, on its todo!()) are kept; 1.4's never finished.
    assert!(!run.passes("exercise_1_4_forward_difference"));
    assert!(
        run.outcomes.keys().any(|t| t.starts_with("exercise_1_1_")),
        "{run:?}"
    );
}

#[test]
fn check_fails_when_an_exercise_test_passes_on_the_learners_file() {
    let _cargo = cargo_lock();
    let workspace = Workspace::copy("check");
    workspace.answer("forward_difference");
    let err = xtask::check::learner_mode(&workspace.root, "chapter01").unwrap_err();
    let err = err.to_string();
    assert!(
        err.contains("pass on the untouched stubs, so they check nothing"),
        "{err}"
    );
    // Exercise 1.4 has four tests, and they are the ones that pass.
    let passed = err.rsplit(": ").next().unwrap_or_default();
    let passed: Vec<&str> = passed.split(", ").collect();
    assert_eq!(passed.len(), 4, "{err}");
    assert!(
        passed
            .iter()
            .all(|t| t.starts_with("exercise_1_4_forward_difference::"))
    );
}

#[test]
fn when_every_exercise_passes_watch_names_the_next_chapter() {
    let _cargo = cargo_lock();
    let workspace = Workspace::copy("watch-done");
    let exercises =
        xtask::exercises::of_chapter(&workspace.root, "chapter01").unwrap();
    for exercise in &exercises {
        workspace.answer(&exercise.function);
    }
    let mut out = Vec::new();
    xtask::watch::watch(&workspace.root, "chapter01", Some(1), &mut out)
        .expect("runs");
    let out = String::from_utf8(out).expect("UTF-8");
    assert!(
        out.ends_with(
            "\nchapter01  [####################]    7/7  exercises pass\n\nall 7 \
             exercises of chapter01 pass; next: chapter02, `cargo xtask watch \
             chapter02`\n"
        ),
        "{out}"
    );
}

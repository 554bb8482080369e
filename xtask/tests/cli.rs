//! The command line: unknown tasks are refused, saying where the list of tasks is;
//! `help` prints it; tasks work from any folder of the workspace.

use std::process::Command;

fn xtask(args: &[&str], folder: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .current_dir(xtask::workspace_root().join(folder))
        .output()
        .expect("the xtask binary runs")
}

#[test]
fn an_unknown_task_or_flag_is_named_and_exits_with_status_2() {
    for (args, named) in [
        (&["frobnicate"][..], "unknown task or flag: `frobnicate`"),
        (&["plots", "--chek"], "unknown flag `--chek` for `plots`"),
        (&[], "no task given"),
    ] {
        let output = xtask(args, ".");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        // One short error, so it does not scroll away behind the list of tasks.
        assert_eq!(
            stderr,
            format!(
                "error: {named}\n(`cargo xtask help` lists the tasks and their flags)\n"
            )
        );
    }
}

#[test]
fn help_lists_every_task_on_stdout() {
    for flag in ["help", "--help", "-h"] {
        let output = xtask(&[flag], ".");
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success(), "{flag}");
        for task in [
            "book",
            "plots [--check]",
            "check",
            "progress",
            "watch",
            "reset",
        ] {
            assert!(stdout.contains(&format!("\n  {task}")), "{flag}: {stdout}");
        }
    }
}

#[test]
fn a_task_works_from_a_subfolder() {
    let output = xtask(&["stubs", "--check"], "book/src");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
}

#[test]
fn the_preprocessor_command_supports_html_only() {
    let html = xtask(&["preprocess", "supports", "html"], "book");
    let pdf = xtask(&["preprocess", "supports", "pdf"], "book");
    assert_eq!((html.status.code(), pdf.status.code()), (Some(0), Some(1)));
}

#[test]
fn the_preprocessor_command_renders_a_book_given_as_json() {
    use mdbook_driver::book::{Book, Chapter};
    use mdbook_driver::config::Config;
    use mdbook_preprocessor::PreprocessorContext;
    use std::io::Write;

    let ctx =
        PreprocessorContext::new("book".into(), Config::default(), "html".into());
    let mut book = Book::new();
    book.push_item(Chapter::new(
        "One",
        "slope $f'(x)$\n".into(),
        "one.md",
        vec![],
    ));
    let mut child = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("preprocess")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("the xtask binary runs");
    let input = serde_json::to_vec(&(ctx, book)).expect("the input serialises");
    child.stdin.take().unwrap().write_all(&input).unwrap();
    let output = child.wait_with_output().unwrap();
    let book: Book =
        serde_json::from_slice(&output.stdout).expect("a book comes back");
    let text = serde_json::to_string(&book).unwrap();
    assert!(
        text.contains("slope <math") && !text.contains('$'),
        "{text}"
    );
}

#[test]
fn the_learners_tasks_name_the_wrong_argument_and_exit_with_status_2() {
    let cases = [
        (
            &["progress", "--all"][..],
            "unknown flag `--all` for `progress`",
        ),
        (
            &["watch"],
            "`watch` takes one chapter: `cargo xtask watch chapter01`",
        ),
        (
            &["reset", "chapter01", "1.4", "--force"],
            "unknown flag `--force`",
        ),
        (
            &["reset", "chapter01", "1.4", "1.5"],
            "`reset` takes a chapter and at most",
        ),
    ];
    for (args, error) in cases {
        let output = xtask(args, ".");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.starts_with(&format!("error: {error}")), "{stderr}");
        assert!(
            stderr.ends_with(
                "\n(`cargo xtask help` lists the tasks and their flags)\n"
            )
        );
    }
}

#[test]
fn an_unknown_chapter_or_exercise_is_an_error_listing_the_good_ones() {
    let output = xtask(&["watch", "chapter9"], ".");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with(
            "error: unknown chapter `chapter9`: the chapters are chapter01"
        ),
        "{stderr}"
    );
    let output = xtask(&["reset", "chapter02", "1.4", "--yes"], ".");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with(
            "error: unknown exercise `1.4` in chapter02: its exercises are 2.1"
        ),
        "{stderr}"
    );
}

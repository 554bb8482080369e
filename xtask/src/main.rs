//! `cargo xtask TASK`: dispatches to the task modules of the `xtask` library.

use std::io::IsTerminal;
use std::process::ExitCode;
use xtask::reset::Confirm;
use xtask::{
    Mode, book, check, plots, progress, reset, stubs, watch, workspace_root,
};

const USAGE: &str = "\
usage: cargo xtask TASK [FLAGS]    (cargo xtask help: this list)

tasks:
  book             build the book into book/build and print the path of index.html
  plots [--check]  draw every figure into book/src/figures (or check they are fresh)
  stubs [--check]  write each chapter's src/exercises.rs from src/solutions.rs
                   (or check they are fresh)
  check            what CI runs beyond the tests: stubs and figures fresh, the book
                   builds with no warning, every chapter builds in learner mode and
                   none of its exercise tests passes
  preprocess       the book's preprocessor as an mdBook command (used by `mdbook`)

the learner's loop, on your answers in chapters/chapterNN/src/exercises.rs:
  progress [chapterNN]
                   how many exercises of each chapter (or of chapterNN) pass, and
                   which one to do next
  watch chapterNN  run chapterNN's exercise tests now and each time you save one of
                   its files; show the first failing exercise, why, and its hint
  reset chapterNN [EXERCISE] [--yes]
                   put back the stub of one exercise (`1.4`, its function's name or
                   its test module's) or of every exercise of chapterNN; asks first
                   unless --yes (or -y)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["book"] => book::build().map(|index| println!("{}", index.display())),
        ["plots"] => plots::run(Mode::Write),
        ["plots", "--check"] => plots::run(Mode::Check),
        ["stubs"] => stubs::run(Mode::Write),
        ["stubs", "--check"] => stubs::run(Mode::Check),
        ["check"] => check::run(),
        ["help" | "--help" | "-h"] => {
            println!("{USAGE}");
            Ok(())
        }
        ["preprocess", rest @ ..] => book::preprocess_command(rest),
        ["progress"] => progress_of(None),
        ["progress", chapter] if !chapter.starts_with('-') => {
            progress_of(Some(chapter))
        }
        ["watch", chapter] if !chapter.starts_with('-') => {
            watch::watch(&workspace_root(), chapter, None, &mut std::io::stdout())
        }
        ["reset", rest @ ..] => match reset_args(rest) {
            Some((chapter, exercise, yes)) => reset_chapter(chapter, exercise, yes),
            None => usage(&args),
        },
        _ => usage(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if err.is::<Usage>() => {
            eprintln!(
                "error: {err}\n(`cargo xtask help` lists the tasks and their flags)"
            );
            ExitCode::from(2)
        }
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// A command line that names no task or gets its flags wrong.
#[derive(Debug)]
struct Usage(String);

impl std::fmt::Display for Usage {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Usage {}

fn usage(args: &[&str]) -> anyhow::Result<()> {
    let Some((task, rest)) = args.split_first() else {
        return Err(Usage("no task given".to_string()).into());
    };
    let flags: &[&str] = match *task {
        "plots" | "stubs" => &["--check"],
        "reset" => &["--yes", "-y"],
        _ => &[],
    };
    let unknown = rest
        .iter()
        .find(|arg| arg.starts_with('-') && !flags.contains(arg));
    let what = match (unknown, *task) {
        (Some(flag), _) => format!("unknown flag `{flag}` for `{task}`"),
        (None, "progress") => {
            "`progress` takes at most one chapter: `cargo xtask progress chapter01`"
                .into()
        }
        (None, "watch") => {
            "`watch` takes one chapter: `cargo xtask watch chapter01`".into()
        }
        (None, "reset") => "`reset` takes a chapter and at most one exercise: \
                            `cargo xtask reset chapter01 1.4`"
            .into(),
        (None, _) => format!("unknown task or flag: `{}`", args.join(" ")),
    };
    Err(Usage(what).into())
}

fn progress_of(chapter: Option<&str>) -> anyhow::Result<()> {
    progress::run(&workspace_root(), chapter, &mut std::io::stdout()).map(|_| ())
}

/// `chapterNN [EXERCISE] [--yes]`, the flag (or `-y`) anywhere after the chapter.
fn reset_args<'a>(args: &[&'a str]) -> Option<(&'a str, Option<&'a str>, bool)> {
    let is_yes = |arg: &&str| *arg == "--yes" || *arg == "-y";
    let yes = args.iter().any(is_yes);
    let mut words = args.iter().copied().filter(|arg| !is_yes(arg));
    if args.iter().any(|arg| arg.starts_with('-') && !is_yes(arg)) {
        return None;
    }
    match (words.next(), words.next(), words.next()) {
        (Some(chapter), exercise, None) => Some((chapter, exercise, yes)),
        _ => None,
    }
}

fn reset_chapter(
    chapter: &str,
    exercise: Option<&str>,
    yes: bool,
) -> anyhow::Result<()> {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let confirm = if yes {
        Confirm::Yes
    } else if stdin.is_terminal() {
        Confirm::Ask(&mut input)
    } else {
        Confirm::Refuse
    };
    let out = &mut std::io::stdout();
    reset::reset(&workspace_root(), chapter, exercise, confirm, out).map(|_| ())
}

//! `cargo xtask TASK`: dispatches to the task modules of the `xtask` library.

use std::process::ExitCode;
use xtask::{Mode, book, check, plots, stubs};

const USAGE: &str = "\
usage: cargo xtask TASK [FLAGS]

tasks:
  book             build the book into book/build and print the path of index.html
  plots [--check]  draw every figure into book/src/figures (or check they are fresh)
  stubs [--check]  write each chapter's src/exercises.rs from src/solutions.rs
                   (or check they are fresh)
  check            what CI runs beyond the tests: stubs and figures fresh, the book
                   builds with no warning, every chapter builds in learner mode and
                   none of its exercise tests passes
  preprocess       the book's preprocessor as an mdBook command (used by `mdbook`)";

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
        ["preprocess", rest @ ..] => book::preprocess_command(rest),
        _ => {
            let what = match args.first() {
                None => "no task given".to_string(),
                Some(_) => format!("unknown task or flag: `{}`", args.join(" ")),
            };
            eprintln!("error: {what}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

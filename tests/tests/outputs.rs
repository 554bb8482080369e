//! The output the book shows is what the code prints: every console block that runs an
//! example on the reference answers is compared with that example's text.

use book_checks::{pages, shown};

/// The text that `cargo run -p CHAPTER --features solutions --example NAME` prints:
/// each chapter's `experiments::run` names its examples.
fn example_output(chapter: &str, name: &str) -> Option<String> {
    match chapter {
        "chapter01" => chapter01::experiments::run(name),
        "chapter02" => chapter02::experiments::run(name),
        "chapter03" => chapter03::experiments::run(name),
        "chapter04" => chapter04::experiments::run(name),
        "chapter05" => chapter05::experiments::run(name),
        "chapter06" => chapter06::experiments::run(name),
        "chapter07" => chapter07::experiments::run(name),
        "chapter08" => chapter08::experiments::run(name),
        _ => None,
    }
}

/// A command shown in a console block (`$ cargo run ...`) and the lines shown after it.
struct Shown {
    command: String,
    lines: Vec<String>,
}

fn console_commands(text: &str) -> Vec<Shown> {
    let mut found = Vec::new();
    let mut in_console = false;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") {
            in_console =
                !in_console && trimmed.trim_start_matches('`').trim() == "console";
        } else if in_console {
            if let Some(command) = trimmed.strip_prefix("$ ") {
                found.push(Shown {
                    command: command.to_string(),
                    lines: Vec::new(),
                });
            } else if let Some(last) = found.last_mut() {
                last.lines.push(line.trim_end().to_string());
            }
        }
    }
    found
}

/// Whether `shown` is `actual` in full, or its first lines, or its first and last lines
/// with a line `...` standing for what is left out.
fn shows(shown: &[String], actual: &str) -> bool {
    let actual: Vec<&str> = actual.lines().map(str::trim_end).collect();
    let (head, tail) = match shown.iter().position(|line| line.trim() == "...") {
        Some(gap) => (&shown[..gap], &shown[gap + 1..]),
        None => (shown, &[][..]),
    };
    head.len() + tail.len() <= actual.len()
        && head.iter().zip(&actual).all(|(s, a)| s == a)
        && tail
            .iter()
            .rev()
            .zip(actual.iter().rev())
            .all(|(s, a)| s == a)
}

#[test]
fn every_example_output_in_the_book_is_what_the_example_prints() {
    let mut checked = 0;
    for (page, text) in pages() {
        for shown_run in console_commands(&text) {
            let words: Vec<&str> = shown_run.command.split_whitespace().collect();
            let Some(["run", rest @ ..]) =
                words.get(1..).filter(|_| words[0] == "cargo")
            else {
                continue;
            };
            if shown_run.lines.iter().all(|line| line.trim().is_empty()) {
                continue;
            }
            let after = |flag: &str| {
                rest.iter().position(|w| *w == flag).map(|i| rest[i + 1])
            };
            let at = format!("`{}`: `$ {}`", shown(&page), shown_run.command);
            assert!(
                rest.contains(&"--features")
                    && after("--features") == Some("solutions"),
                "{at} shows output, which only the reference answers can be checked for: \
                 add `--features solutions`"
            );
            let (chapter, name) =
                (after("-p").unwrap_or(""), after("--example").unwrap_or(""));
            let actual = example_output(chapter, name).unwrap_or_else(|| {
                panic!(
                    "{at}: add `{chapter}`'s `{name}` to example_output in this file"
                )
            });
            assert!(
                shows(&shown_run.lines, &actual),
                "{at}: the book shows\n{}\nbut the example prints\n{actual}",
                shown_run.lines.join("\n")
            );
            checked += 1;
        }
    }
    assert!(checked > 0, "no example output in the book was checked");
}

#[test]
fn a_shown_output_may_leave_out_the_middle_but_not_change_a_line() {
    let lines = |text: &str| text.lines().map(String::from).collect::<Vec<_>>();
    let actual = "a\nb\nc\nd\n";
    assert!(shows(&lines("a\nb"), actual));
    assert!(shows(&lines("a\n...\nd"), actual));
    assert!(!shows(&lines("a\nc"), actual));
    assert!(!shows(&lines("a\n...\nc"), actual));
    assert!(!shows(&lines("a\nb\nc\nd\ne"), actual));
}

/// Benchmarks: examples that print timings, which differ from run to run and from
/// machine to machine, so the book cannot show their exact text. The book reports
/// their figures as measurements, with the machine and the reference measured
/// beside them.
const BENCHMARKS: [(&str, &str); 1] = [("chapter08", "dnn_throughput")];

#[test]
fn every_example_prints_what_its_chapter_says() {
    for chapter in xtask::chapter_dirs().expect("the chapters folder") {
        let name = chapter.file_name().unwrap().to_string_lossy().into_owned();
        for example in book_checks::files(&chapter.join("examples"), "rs") {
            let stem = example.file_stem().unwrap().to_string_lossy().into_owned();
            if BENCHMARKS.contains(&(name.as_str(), stem.as_str())) {
                continue;
            }
            assert!(
                example_output(&name, &stem).is_some(),
                "`{}`: `{name}::experiments::run(\"{stem}\")` is None, or the chapter is \
                 missing from example_output: the book could not check this example's \
                 output",
                shown(&example)
            );
        }
    }
}

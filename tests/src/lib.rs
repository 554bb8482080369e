//! Whole-book checks, run by `cargo test --workspace`: what mdBook would let slip
//! (an include of a missing anchor renders as nothing), and generated files that no
//! longer match their generators.
//!
//! This library holds the readers the checks in `tests/` share.

pub mod reader;
pub mod serve;
pub mod webdriver;

use std::path::{Path, PathBuf};

pub use xtask::workspace_root;

/// Every file below `dir` whose name ends with `extension`, sorted.
pub fn files(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = std::fs::read_dir(&dir)
            .unwrap_or_else(|err| panic!("cannot read `{}`: {err}", dir.display()));
        for entry in entries {
            let path = entry.expect("a readable folder entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == extension) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// The book's Markdown pages with their text.
pub fn pages() -> Vec<(PathBuf, String)> {
    files(&workspace_root().join("book/src"), "md")
        .into_iter()
        .map(|path| {
            let text = read(&path);
            (path, text)
        })
        .collect()
}

/// The Rust sources of the chapter crates (src, tests and examples).
pub fn chapter_sources() -> Vec<PathBuf> {
    files(&workspace_root().join("chapters"), "rs")
}

/// The text of `path`, or a panic naming it.
pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap_or_else(|err| panic!("cannot read `{}`: {err}", path.display()))
}

/// `path` relative to the workspace root, for messages.
pub fn shown(path: &Path) -> String {
    xtask::relative(path)
}

/// An mdBook include directive: `{{#include FILE}}` or `{{#include FILE:ANCHOR}}`.
#[derive(Debug)]
pub struct Include {
    pub file: PathBuf,
    pub anchor: Option<String>,
    pub directive: String,
}

/// The include directives of a page, with their files resolved against the page's
/// folder.
pub fn includes(page: &Path, text: &str) -> Vec<Include> {
    let dir = page.parent().expect("a page lives in a folder");
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{#") {
        let after = &rest[start + 3..];
        let Some(end) = after.find("}}") else { break };
        let directive = &after[..end];
        rest = &after[end..];
        let Some(target) = directive
            .strip_prefix("include ")
            .or_else(|| directive.strip_prefix("rustdoc_include "))
        else {
            continue;
        };
        let target = target.trim();
        let (file, anchor) = match target.split_once(':') {
            Some((file, anchor)) => (file, Some(anchor.to_string())),
            None => (target, None),
        };
        found.push(Include {
            file: dir.join(file),
            anchor,
            directive: format!("{{{{#{directive}}}}}"),
        });
    }
    found
}

/// The lines strictly between `// ANCHOR: name` and `// ANCHOR_END: name` in `text`,
/// or `None` when the anchor is not there.
pub fn anchored<'a>(text: &'a str, name: &str) -> Option<Vec<&'a str>> {
    let begin = format!("ANCHOR: {name}");
    let end = format!("ANCHOR_END: {name}");
    let mut lines = text.lines().skip_while(|line| !is_marker(line, &begin));
    lines.next()?;
    let body: Vec<&str> = lines
        .by_ref()
        .take_while(|line| !is_marker(line, &end))
        .collect();
    text.lines()
        .any(|line| is_marker(line, &end))
        .then_some(body)
}

/// Whether `line` is a comment holding exactly `marker` (mdBook's anchor syntax).
pub fn is_marker(line: &str, marker: &str) -> bool {
    line.trim()
        .strip_prefix("//")
        .is_some_and(|comment| comment.trim() == marker)
}

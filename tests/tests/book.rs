//! The book's pages: includes resolve to real code, figures exist and are used, no
//! Rust is pasted into Markdown, every formula renders, every chapter is listed.

use book_checks::{
    anchored, chapter_sources, includes, pages, read, shown, workspace_root,
};
use std::collections::BTreeSet;

#[test]
fn every_include_names_an_existing_file_and_a_non_empty_anchor() {
    for (page, text) in pages() {
        for include in includes(&page, &text) {
            let at = format!("`{}` in `{}`", include.directive, shown(&page));
            assert!(include.file.is_file(), "{at}: no such file");
            let Some(anchor) = &include.anchor else {
                continue;
            };
            assert!(
                !anchor.starts_with(|c: char| c.is_ascii_digit()),
                "{at}: include by anchor, never by line numbers (they break silently)"
            );
            let source = read(&include.file);
            let body = anchored(&source, anchor).unwrap_or_else(|| {
                panic!("{at}: the file has no anchor `{anchor}`")
            });
            assert!(
                body.iter().any(|line| !line.trim().is_empty()),
                "{at}: the anchor `{anchor}` is empty"
            );
        }
    }
}

#[test]
fn every_anchor_has_its_end_and_is_unique() {
    for path in chapter_sources() {
        let text = read(&path);
        let mut open = BTreeSet::new();
        let mut seen = BTreeSet::new();
        for (number, line) in text.lines().enumerate() {
            let comment = line.trim().strip_prefix("//").map(str::trim);
            let at = format!("`{}` line {}", shown(&path), number + 1);
            if let Some(name) = comment.and_then(|c| c.strip_prefix("ANCHOR: ")) {
                assert!(seen.insert(name), "{at}: a second anchor `{name}`");
                open.insert(name);
            } else if let Some(name) =
                comment.and_then(|c| c.strip_prefix("ANCHOR_END: "))
            {
                assert!(
                    open.remove(name),
                    "{at}: ANCHOR_END `{name}` without its ANCHOR"
                );
            }
        }
        assert!(
            open.is_empty(),
            "`{}`: ANCHOR without ANCHOR_END: {open:?}",
            shown(&path)
        );
    }
}

#[test]
fn no_rust_is_pasted_into_markdown() {
    for (page, text) in pages() {
        let mut fence: Option<(String, usize)> = None;
        for (number, line) in text.lines().enumerate() {
            let trimmed = line.trim_start();
            match &fence {
                None if trimmed.starts_with("```") => {
                    let info = trimmed.trim_start_matches('`').trim().to_string();
                    fence = Some((info, number + 1));
                }
                Some(_) if trimmed.starts_with("```") => fence = None,
                Some((info, start)) if info.starts_with("rust") => {
                    assert!(
                        trimmed.is_empty() || trimmed.starts_with("{{#include "),
                        "`{}` line {}: the Rust block of line {start} pastes code; include \
                         it by anchor from a chapter crate so the tests compile it",
                        shown(&page),
                        number + 1
                    );
                }
                _ => {}
            }
        }
        assert!(
            fence.is_none(),
            "`{}`: a code block is never closed",
            shown(&page)
        );
    }
}

#[test]
fn every_formula_renders() {
    for (page, text) in pages() {
        if let Err(err) = xtask::math::render_page(&shown(&page), &text) {
            panic!("{err}");
        }
    }
}

#[test]
fn every_figure_referenced_exists_and_every_figure_is_referenced() {
    let dir = workspace_root().join("book/src/figures");
    let mut referenced = BTreeSet::new();
    for (page, text) in pages() {
        for (index, _) in text.match_indices("figures/") {
            let rest = &text[index + "figures/".len()..];
            let name =
                &rest[..rest.find([')', '"', ' ', '\'']).unwrap_or(rest.len())];
            assert!(
                dir.join(name).is_file(),
                "`{}` shows `figures/{name}`, which does not exist: run `cargo xtask plots`",
                shown(&page)
            );
            referenced.insert(name.to_string());
        }
    }
    for figure in xtask::plots::figures() {
        assert!(
            referenced.contains(figure.name),
            "the figure `{}` is drawn but no page shows it",
            figure.name
        );
    }
}

#[test]
fn every_page_and_every_chapter_crate_is_in_the_summary() {
    let summary = read(&workspace_root().join("book/src/SUMMARY.md"));
    for (page, _) in pages() {
        let name = page
            .strip_prefix(workspace_root().join("book/src"))
            .expect("pages are below book/src")
            .to_string_lossy()
            .replace('\\', "/");
        if name != "SUMMARY.md" {
            assert!(
                summary.contains(&format!("({name})")),
                "`{name}` is not in SUMMARY.md"
            );
        }
    }
    for chapter in xtask::chapter_dirs().expect("the chapters folder") {
        let name = chapter.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            summary.contains(&format!("({name}/index.md)")),
            "the crate `{name}` has no `{name}/index.md` in SUMMARY.md"
        );
    }
}

//! The built book, read in headless Chromium as a reader reads it: every page loads
//! with no failed request, no console error and no request leaving the machine; every
//! figure loads; every formula is MathML drawn with the shipped math font; search
//! finds what a reader would look for; the print page holds every chapter. Screenshots
//! of one page per chapter, on the light and the dark theme, go to
//! `target/browser/screenshots` for a person to look at.
//!
//! The test needs Chromium and ChromeDriver (Debian: `apt-get install chromium
//! chromium-driver`; `.ci/run` installs them). Without them it fails and says so;
//! `DESCENT_SKIP_BROWSER=1` skips it, loudly.

use book_checks::reader::network::requests_and_console;
use book_checks::reader::page::check_page;
use book_checks::reader::theme::{
    LEAST_CONTRAST, LEGIBILITY, choose_theme, close_theme_menu,
};
use book_checks::reader::{fail_on, open, out_dir, pages, search, source};
use book_checks::workspace_root;
use serde_json::{Value, json};

#[test]
fn every_page_loads_its_figures_and_formulas_offline_with_no_error() {
    let Some((browser, server, _one)) = open("pages") else {
        return;
    };
    let mut visited: Vec<String> = pages();
    visited.extend(["print.html".to_string(), "404.html".to_string()]);
    let (mut problems, mut figures) =
        (Vec::new(), std::collections::BTreeSet::new());
    for page in &visited {
        if let Err(err) = browser.goto(&format!("{}/{page}", server.origin)) {
            problems.push(format!("{page}: {err}"));
            continue;
        }
        let (found, shown) = check_page(&browser, &server, page);
        problems.extend(found);
        figures.extend(shown);
    }
    for figure in
        book_checks::files(&workspace_root().join("book/src/figures"), "svg")
    {
        let name = figure.file_name().unwrap().to_string_lossy().into_owned();
        if !figures.contains(&name) {
            problems.push(format!("the figure {name} was shown loaded by no page"));
        }
    }
    eprintln!(
        "visited {} pages; {} figures loaded; {} problems",
        visited.len(),
        figures.len(),
        problems.len()
    );
    fail_on(&problems);
}

#[test]
fn search_finds_gradient_and_backpropagation_and_leads_to_the_page() {
    let Some((browser, server, _one)) = open("search") else {
        return;
    };
    // The page that teaches each word, which a reader must be able to find by it.
    for (term, page) in [
        ("gradient", "chapter02/gradient.html"),
        ("backpropagation", "chapter08/index.html"),
    ] {
        browser
            .goto(&format!("{}/index.html", server.origin))
            .unwrap();
        let links = search(&browser, term).unwrap();
        assert!(
            links.iter().any(|link| link.starts_with(page)),
            "searching for `{term}` does not list {page}: {links:?}"
        );
        // Following a result opens its page with the word marked.
        let first = browser.find("#mdbook-searchresults a").unwrap();
        browser.click(&first).unwrap();
        let marked = browser
            .execute_async(
                r#"const done = arguments[arguments.length - 1];
                setTimeout(() => done({
                  url: location.href,
                  marks: Array.from(document.querySelectorAll('main mark'), m => m.textContent),
                }), 500);"#,
                json!([]),
            )
            .unwrap();
        let marks = marked["marks"].as_array().cloned().unwrap_or_default();
        assert!(
            marks.iter().any(|m| m
                .as_str()
                .is_some_and(|m| { m.to_lowercase().starts_with(&term[..6]) })),
            "the first result for `{term}` ({}) marks no `{term}`: {marks:?}",
            marked["url"]
        );
        eprintln!(
            "`{term}`: {} results, the first {}",
            links.len(),
            marked["url"]
        );
        fail_on(&requests_and_console(&browser, &server));
    }
}

#[test]
fn the_print_page_holds_every_page_of_every_chapter_in_order() {
    let Some((browser, server, _one)) = open("print") else {
        return;
    };
    browser
        .goto(&format!("{}/print.html", server.origin))
        .unwrap();
    let headings = browser
        .execute(
            "return Array.from(document.querySelectorAll('main h1'), h => h.textContent.trim());",
            json!([]),
        )
        .unwrap();
    let headings: Vec<&str> = headings
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    // Each page opens with its title as a `# ` heading; in the print page they must
    // all appear, in the order of the table of contents.
    let mut rest = headings.iter();
    for page in pages() {
        let markdown = source(&page);
        let title = markdown
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# "))
            .unwrap();
        // mdBook sets apostrophes as typographic ones, and code spans as code.
        let title = title.replace('`', "").replace('\'', "\u{2019}");
        assert!(
            rest.any(|heading| *heading == title),
            "the print page lacks `{title}` (from {page}) after the pages before it; its \
             headings: {headings:?}"
        );
    }
    eprintln!("the print page has {} page headings", headings.len());
    fail_on(&requests_and_console(&browser, &server));
}

#[test]
fn one_page_per_chapter_is_legible_on_the_light_and_the_dark_themes() {
    let Some((browser, server, _one)) = open("themes") else {
        return;
    };
    let shots = out_dir().join("screenshots");
    let _ = std::fs::remove_dir_all(&shots);
    std::fs::create_dir_all(&shots).unwrap();
    let mut problems = Vec::new();
    let mut chapters_shown = 0;
    for chapter in 1..=8 {
        let prefix = format!("chapter{chapter:02}/");
        // The chapter's first page with both a figure and a formula.
        let Some(page) = pages().into_iter().find(|page| {
            page.starts_with(&prefix) && {
                let markdown = source(page);
                markdown.contains("](../figures/") && markdown.contains('$')
            }
        }) else {
            problems.push(format!("{prefix}: no page with a figure and a formula"));
            continue;
        };
        chapters_shown += 1;
        browser.goto(&format!("{}/{page}", server.origin)).unwrap();
        // Light and navy (the book's dark theme) are photographed; the other three
        // themes a reader can pick are measured too.
        for theme in ["light", "navy", "coal", "ayu", "rust"] {
            // The menu bar with the theme button scrolls away with the page.
            browser
                .execute("window.scrollTo(0, 0);", json!([]))
                .unwrap();
            choose_theme(&browser, theme).unwrap();
            browser
                .execute(
                    "Array.from(document.querySelectorAll('main img'))
                       .find(i => i.getBoundingClientRect().width > 0)
                       .scrollIntoView({block: 'center'});",
                    json!([]),
                )
                .unwrap();
            let seen = browser.execute(LEGIBILITY, json!([])).unwrap();
            let at = format!("{page} on the {theme} theme");
            if !seen["theme"].as_str().unwrap_or("").contains(theme) {
                problems.push(format!("{at}: the theme did not change: {seen}"));
            }
            for what in ["formulas", "prose"] {
                let contrast = seen[what].as_f64().unwrap_or(0.0);
                if contrast < LEAST_CONTRAST {
                    problems.push(format!(
                        "{at}: {what} have a contrast of {contrast:.2}"
                    ));
                }
            }
            eprintln!(
                "{at}: least contrast of formulas {:.1}, of prose {:.1}; figures at {:.0}% of their size",
                seen["formulas"].as_f64().unwrap_or(0.0),
                seen["prose"].as_f64().unwrap_or(0.0),
                100.0 * seen["figureScale"].as_f64().unwrap_or(0.0)
            );
            if theme == "light" || theme == "navy" {
                close_theme_menu(&browser).unwrap();
                let name = format!("chapter{chapter:02}-{theme}.png");
                std::fs::write(shots.join(&name), browser.screenshot().unwrap())
                    .unwrap();
            }
        }
        problems.extend(requests_and_console(&browser, &server));
    }
    eprintln!(
        "screenshots of {chapters_shown} chapters in {}",
        shots.display()
    );
    fail_on(&problems);
}

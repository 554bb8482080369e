//! The built book read as a reader reads it, in headless Chromium: what the browser
//! test (`tests/browser.rs`) shares. [`open`] builds the book once, serves it on
//! loopback and starts a browser; [`page`] reads what an open page shows, [`network`]
//! what it asked for and what the console said, [`theme`] how legible it is.

pub mod network;
pub mod page;
pub mod theme;

use crate::serve::Server;
use crate::webdriver::{Browser, find_browser};
use crate::{read, workspace_root};
use serde_json::json;
use std::io::Write;
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard, OnceLock};

/// The window: wide enough for the sidebar and a figure side by side.
const WIDTH: u32 = 1280;
const HEIGHT: u32 = 900;

/// The folder for everything the test writes: the book, the profiles, screenshots.
pub fn out_dir() -> PathBuf {
    workspace_root().join("target/browser")
}

/// Builds the book once for all the tests of this file, into a folder of its own, and
/// returns that folder. `None` when the browser test is skipped on purpose.
fn book() -> Option<&'static PathBuf> {
    static BOOK: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    if std::env::var_os("DESCENT_SKIP_BROWSER").is_some_and(|v| v == "1") {
        // Straight to stderr: libtest hides what a passing test prints with eprintln!.
        let _ = writeln!(
            std::io::stderr(),
            "DESCENT_SKIP_BROWSER=1: the browser test is SKIPPED, not passed"
        );
        return None;
    }
    if let Err(err) = find_browser() {
        panic!("{err}");
    }
    let built = BOOK.get_or_init(|| {
        let dir = out_dir().join("book");
        xtask::book::build_into(&workspace_root().join("book"), Some(&dir))
            .map(|_| dir)
            .map_err(|err| format!("{err:#}"))
    });
    Some(
        built
            .as_ref()
            .unwrap_or_else(|err| panic!("the book does not build: {err}")),
    )
}

/// One browser at a time: two cores do not run four Chromiums well.
fn one_at_a_time() -> MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    LOCK.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A browser and a server of the book for one test (the profile is named after it),
/// and the turn of that test: `None` when the browser test is skipped on purpose.
pub fn open(test: &str) -> Option<(Browser, Server, MutexGuard<'static, ()>)> {
    let book = book()?;
    let guard = one_at_a_time();
    let server = Server::start(book);
    let profile = out_dir().join(format!("profile-{test}"));
    let browser = Browser::start(&profile, WIDTH, HEIGHT)
        .unwrap_or_else(|err| panic!("cannot start the browser: {err}"));
    Some((browser, server, guard))
}

/// The book's pages in reading order, as paths of the built book
/// (`chapter01/index.html`).
pub fn pages() -> Vec<String> {
    let summary = read(&workspace_root().join("book/src/SUMMARY.md"));
    summary
        .lines()
        .filter_map(|line| {
            let link = line.split_once("](")?.1;
            let path = link.split_once(')')?.0.strip_suffix(".md")?;
            Some(format!("{path}.html"))
        })
        .collect()
}

/// The Markdown that the built page `page` (`chapter01/index.html`) comes from.
pub fn source(page: &str) -> String {
    let markdown = page.replace(".html", ".md");
    read(&workspace_root().join("book/src").join(markdown))
}

/// Fails with every problem found, one a line.
pub fn fail_on(problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Opens the search bar of the page now open, types `term` as a reader would, and
/// returns the links of the results once they appear.
pub fn search(browser: &Browser, term: &str) -> Result<Vec<String>, String> {
    browser.click(&browser.find("#mdbook-search-toggle")?)?;
    browser.type_into(&browser.find("#mdbook-searchbar")?, term)?;
    let results = r#"return Array.from(
        document.querySelectorAll('#mdbook-searchresults a'), a => a.getAttribute('href'));"#;
    for _ in 0..100 {
        let links = browser.execute(results, json!([]))?;
        let links: Vec<String> = links
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|l| l.as_str().map(str::to_string))
            .collect();
        if !links.is_empty() {
            return Ok(links);
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    Err(format!(
        "searching for `{term}` showed no result within 10 s"
    ))
}

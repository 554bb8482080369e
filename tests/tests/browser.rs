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

use book_checks::serve::Server;
use book_checks::webdriver::{Browser, find_browser};
use book_checks::{read, workspace_root};
use serde_json::{Value, json};
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard, OnceLock};

/// The window: wide enough for the sidebar and a figure side by side.
const WIDTH: u32 = 1280;
const HEIGHT: u32 = 900;

/// The family name under which `book/theme/math.css` ships Latin Modern Math.
const MATH_FONT: &str = "Latin Modern Math (Descent)";

/// The folder for everything the test writes: the book, the profiles, screenshots.
fn out_dir() -> PathBuf {
    workspace_root().join("target/browser")
}

/// Builds the book once for all the tests of this file, into a folder of its own, and
/// returns that folder. `None` when the browser test is skipped on purpose.
fn book() -> Option<&'static PathBuf> {
    static BOOK: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    if std::env::var_os("DESCENT_SKIP_BROWSER").is_some_and(|v| v == "1") {
        eprintln!("DESCENT_SKIP_BROWSER=1: the browser test is SKIPPED, not passed");
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

/// A browser and a server of the book for one test; the profile is named after it.
fn open(test: &str) -> Option<(Browser, Server, MutexGuard<'static, ()>)> {
    let book = book()?;
    let guard = one_at_a_time();
    let server = Server::start(book);
    let profile = out_dir().join(format!("profile-{test}"));
    let browser = Browser::start(&profile, WIDTH, HEIGHT)
        .unwrap_or_else(|err| panic!("cannot start the browser: {err}"));
    Some((browser, server, guard))
}

/// The book's pages in reading order, as paths of the built book (`chapter01/index.html`),
/// with their titles in the table of contents.
fn pages() -> Vec<(String, String)> {
    let summary = read(&workspace_root().join("book/src/SUMMARY.md"));
    summary
        .lines()
        .filter_map(|line| {
            let (title, rest) = line.split_once('[')?.1.split_once("](")?;
            let path = rest.split_once(')')?.0.strip_suffix(".md")?;
            Some((format!("{path}.html"), title.to_string()))
        })
        .collect()
}

/// What a page looks like once loaded, with every hint opened: its figures, its
/// formulas, and one token of each kind (tag, text, variant) of its formulas marked
/// `data-font-probe` for the font check.
const PAGE_FACTS: &str = r#"
const done = arguments[arguments.length - 1];
document.querySelectorAll('details').forEach(d => { d.open = true; });
const images = Array.from(document.images);
Promise.all(images.map(i => i.decode().catch(() => null)))
  .then(() => document.fonts.ready)
  .then(() => {
    const NS = 'http://www.w3.org/1998/Math/MathML';
    const maths = Array.from(document.getElementsByTagNameNS(NS, 'math'));
    const seen = new Set();
    for (const m of maths) {
      for (const t of m.querySelectorAll('mi, mn, mo')) {
        const text = t.textContent.replace(/[\s\u2061-\u2064]/g, '');
        const key = t.localName + ' ' + text + ' ' + (t.getAttribute('mathvariant') || '');
        if (text && !seen.has(key)) {
          seen.add(key);
          t.setAttribute('data-font-probe', key);
        }
      }
    }
    const tex = [];
    const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement.closest('code, pre, math, script, style')) continue;
      if (/\$|\\[a-zA-Z]+/.test(n.textContent)) tex.push(n.textContent.trim().slice(0, 80));
    }
    done({
      title: document.title,
      images: images.map(i => [i.getAttribute('src'), i.naturalWidth, i.naturalHeight]),
      maths: maths.length,
      unrendered: maths.filter(m => {
        const r = m.getBoundingClientRect();
        return r.width === 0 || r.height === 0;
      }).length,
      merrors: document.getElementsByTagNameNS(NS, 'merror').length,
      otherFamilies: [...new Set(maths.map(m => getComputedStyle(m).fontFamily)
        .filter(f => !f.startsWith('"Latin Modern Math (Descent)"')))],
      mathFace: Array.from(document.fonts)
        .filter(f => f.family.replace(/"/g, '') === 'Latin Modern Math (Descent)')
        .map(f => f.status),
      tex,
    });
  });
"#;

/// The problems of the page now open, as lines naming the page.
fn check_page(
    browser: &Browser,
    server: &Server,
    page: &str,
) -> (Vec<String>, Vec<String>) {
    let mut problems = Vec::new();
    let mut figures = Vec::new();
    let facts = browser
        .execute_async(PAGE_FACTS, json!([]))
        .unwrap_or_else(|err| panic!("{page}: {err}"));
    let mut problem = |what: String| problems.push(format!("{page}: {what}"));
    if facts["title"].as_str().unwrap_or("").is_empty() {
        problem("the page has no title".into());
    }
    for image in facts["images"].as_array().into_iter().flatten() {
        let src = image[0].as_str().unwrap_or("?");
        if image[1].as_u64().unwrap_or(0) == 0 || image[2].as_u64().unwrap_or(0) == 0
        {
            problem(format!("the figure `{src}` did not load (natural size 0)"));
        } else if let Some(name) = src.rsplit('/').next() {
            figures.push(name.to_string());
        }
    }
    let maths = facts["maths"].as_u64().unwrap_or(0);
    for (key, what) in [
        ("unrendered", "formulas take no space on the page"),
        ("merrors", "formulas hold a MathML error"),
    ] {
        let count = facts[key].as_u64().unwrap_or(0);
        if count > 0 {
            problem(format!("{count} of {maths} {what}"));
        }
    }
    if let Some(families) =
        facts["otherFamilies"].as_array().filter(|f| !f.is_empty())
    {
        problem(format!(
            "formulas set in other fonts than {MATH_FONT}: {families:?}"
        ));
    }
    let face = facts["mathFace"].as_array().cloned().unwrap_or_default();
    if maths > 0 && face != [json!("loaded")] {
        problem(format!("the shipped math font is not loaded: {face:?}"));
    }
    for text in facts["tex"].as_array().into_iter().flatten() {
        problem(format!("TeX left in the text, not rendered: {text}"));
    }
    problems.extend(
        probe_fonts(browser)
            .unwrap_or_else(|err| vec![err])
            .into_iter()
            .map(|p| format!("{page}: {p}")),
    );
    problems.extend(
        requests_and_console(browser, server)
            .into_iter()
            .map(|p| format!("{page}: {p}")),
    );
    (problems, figures)
}

/// Asks Chromium which fonts drew each marked token of the formulas: each must be
/// drawn by the shipped Latin Modern Math alone, never by a fallback font.
fn probe_fonts(browser: &Browser) -> Result<Vec<String>, String> {
    let document = browser.devtools("DOM.getDocument", json!({}))?;
    browser.devtools("CSS.enable", json!({}))?;
    let probes = browser.devtools(
        "DOM.querySelectorAll",
        json!({"nodeId": document["root"]["nodeId"], "selector": "[data-font-probe]"}),
    )?;
    let mut problems = Vec::new();
    for node in probes["nodeIds"].as_array().into_iter().flatten() {
        let fonts = browser
            .devtools("CSS.getPlatformFontsForNode", json!({"nodeId": node}))?;
        let fonts = fonts["fonts"].as_array().cloned().unwrap_or_default();
        let shipped = |font: &Value| {
            font["familyName"] == "Latin Modern Math" && font["isCustomFont"] == true
        };
        if fonts.is_empty() || !fonts.iter().all(shipped) {
            let attributes =
                browser.devtools("DOM.getAttributes", json!({"nodeId": node}))?;
            let key = attributes["attributes"]
                .as_array()
                .and_then(|a| {
                    a.iter().skip_while(|v| *v != "data-font-probe").nth(1)
                })
                .cloned()
                .unwrap_or_default();
            problems
                .push(format!("the formula token {key} is drawn with {fonts:?}"));
        }
    }
    Ok(problems)
}

/// The failed requests, the requests that left the machine and the console messages
/// since the last call, from the browser's own logs and from the server's.
fn requests_and_console(browser: &Browser, server: &Server) -> Vec<String> {
    let mut problems = Vec::new();
    let local = format!("{}/", server.origin);
    let mut urls = std::collections::HashMap::new();
    for entry in browser.log("performance").unwrap_or_default() {
        let event: Value =
            serde_json::from_str(entry["message"].as_str().unwrap_or("{}"))
                .unwrap_or_default();
        let (method, params) =
            (&event["message"]["method"], &event["message"]["params"]);
        let id = params["requestId"].as_str().unwrap_or("").to_string();
        match method.as_str().unwrap_or("") {
            "Network.requestWillBeSent" => {
                let url =
                    params["request"]["url"].as_str().unwrap_or("").to_string();
                if goes_out(&url, &local) {
                    problems.push(format!("a request left the machine: {url}"));
                }
                urls.insert(id, url);
            }
            "Network.loadingFailed" => {
                let url = urls.get(&id).map_or("?", String::as_str);
                if url.starts_with(&local) || goes_out(url, &local) {
                    problems.push(format!(
                        "the request for {url} failed: {}",
                        params["errorText"]
                    ));
                }
            }
            "Network.responseReceived" => {
                let status = params["response"]["status"].as_u64().unwrap_or(0);
                if status >= 400 {
                    problems.push(format!(
                        "{} answered {status}",
                        params["response"]["url"].as_str().unwrap_or("?")
                    ));
                }
            }
            _ => {}
        }
    }
    for entry in browser.log("browser").unwrap_or_default() {
        problems.push(format!(
            "console {}: {}",
            entry["level"].as_str().unwrap_or("?"),
            entry["message"].as_str().unwrap_or("?")
        ));
    }
    for served in server.take_log() {
        if served.status != 200 {
            problems.push(format!(
                "the server answered {} for {}",
                served.status, served.path
            ));
        }
    }
    problems
}

/// Whether `url` names another machine than the book's server at `local`. Chromium's
/// own `chrome://` pages, `data:` and `blob:` URLs never touch the network.
fn goes_out(url: &str, local: &str) -> bool {
    let scheme = url.split(':').next().unwrap_or("");
    ["http", "https", "ws", "wss", "ftp"].contains(&scheme)
        && !url.starts_with(local)
}

fn fail_on(problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_page_loads_its_figures_and_formulas_offline_with_no_error() {
    let Some((browser, server, _one)) = open("pages") else {
        return;
    };
    let mut visited: Vec<String> =
        pages().into_iter().map(|(page, _)| page).collect();
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

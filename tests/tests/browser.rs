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
      for (const t of m.querySelectorAll('mi, mn, mo, mtext')) {
        const text = t.textContent.replace(/[\s\u2061-\u2064]/g, '');
        const key = t.localName + ' ' + text + ' ' + (t.getAttribute('mathvariant') || '');
        if (text && !seen.has(key)) {
          seen.add(key);
          t.setAttribute(t.localName === 'mtext' ? 'data-text-probe' : 'data-font-probe', key);
        }
      }
    }
    const tex = [];
    const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement.closest('code, pre, math, script, style')) continue;
      if (/\$|\\[a-zA-Z]+/.test(n.textContent)) tex.push(n.textContent.trim().slice(0, 80));
    }
    const entities = maths.map(m => m.textContent)
      .filter(t => /&(#?[a-zA-Z0-9]+);|\\/.test(t)).map(t => t.slice(0, 80));
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
      entities,
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
    for text in facts["entities"].as_array().into_iter().flatten() {
        problem(format!(
            "a character reference shown as text in a formula: {text}"
        ));
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

/// Asks Chromium which fonts drew each marked token of the formulas: a symbol, a
/// letter or a number must be drawn by the shipped Latin Modern Math alone, the words
/// of `\text{...}` by the shipped Latin Modern Roman, never by a fallback font.
fn probe_fonts(browser: &Browser) -> Result<Vec<String>, String> {
    let document = browser.devtools("DOM.getDocument", json!({}))?;
    browser.devtools("CSS.enable", json!({}))?;
    let mut problems = Vec::new();
    for (probe, family) in [
        ("data-font-probe", "Latin Modern Math"),
        ("data-text-probe", "Latin Modern Roman"),
    ] {
        let probes = browser.devtools(
            "DOM.querySelectorAll",
            json!({"nodeId": document["root"]["nodeId"], "selector": format!("[{probe}]")}),
        )?;
        for node in probes["nodeIds"].as_array().into_iter().flatten() {
            let fonts = browser
                .devtools("CSS.getPlatformFontsForNode", json!({"nodeId": node}))?;
            let fonts = fonts["fonts"].as_array().cloned().unwrap_or_default();
            let shipped = |font: &Value| {
                font["familyName"] == family && font["isCustomFont"] == true
            };
            if fonts.is_empty() || !fonts.iter().all(shipped) {
                let attributes = browser
                    .devtools("DOM.getAttributes", json!({"nodeId": node}))?;
                let key = attributes["attributes"]
                    .as_array()
                    .and_then(|a| a.iter().skip_while(|v| *v != probe).nth(1))
                    .cloned()
                    .unwrap_or_default();
                problems.push(format!(
                    "the formula token {key} is drawn with {fonts:?}, not {family}"
                ));
            }
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

/// Opens the search bar of the page now open, types `term` as a reader would, and
/// returns the links of the results once they appear.
fn search(browser: &Browser, term: &str) -> Result<Vec<String>, String> {
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
    for (page, _) in pages() {
        let source = read(
            &workspace_root()
                .join("book/src")
                .join(page.replace(".html", ".md")),
        );
        let title = source
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

/// The smallest contrast (WCAG's ratio of relative luminances, 1 to 21) between the
/// text of the formulas, and of the prose, and what lies behind them; and how much the
/// page shrinks its figures.
const LEGIBILITY: &str = r#"
const rgb = s => { const m = s.match(/[\d.]+/g).map(Number); return m.length > 3 && m[3] === 0 ? null : m; };
const lum = c => {
  const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
};
const behind = el => {
  for (let e = el; e; e = e.parentElement) {
    const c = rgb(getComputedStyle(e).backgroundColor);
    if (c) return c;
  }
  return [255, 255, 255];
};
const contrast = el => {
  const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(behind(el))];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
};
const least = els => Math.min(...Array.from(els, contrast));
// mdBook puts each figure twice, the second for its click-to-zoom view: the first
// one shown is the one to measure.
const figures = Array.from(document.querySelectorAll('main img'))
  .filter(i => i.getBoundingClientRect().width > 0);
return {
  theme: document.documentElement.className,
  formulas: least(document.querySelectorAll('main mi, main mn, main mo, main mtext')),
  prose: least(document.querySelectorAll('main p')),
  figureScale: Math.min(...figures.map(i => i.getBoundingClientRect().width / i.naturalWidth)),
};
"#;

const THEME_MENU_OPEN: &str = "return getComputedStyle(document.getElementById('mdbook-theme-list')).display !== 'none';";

/// Picks `theme` from the book's theme menu, as a reader does.
fn choose_theme(browser: &Browser, theme: &str) -> Result<(), String> {
    if browser.execute(THEME_MENU_OPEN, json!([]))? != true {
        browser.click(&browser.find("#mdbook-theme-toggle")?)?;
    }
    browser.click(&browser.find(&format!("#mdbook-theme-{theme}"))?)
}

/// Closes the theme menu if it is open, so it does not cover the page.
fn close_theme_menu(browser: &Browser) -> Result<(), String> {
    if browser.execute(THEME_MENU_OPEN, json!([]))? == true {
        browser.click(&browser.find("#mdbook-theme-toggle")?)?;
    }
    Ok(())
}

/// WCAG's level AA asks 4.5 for body text; formulas are body text.
const LEAST_CONTRAST: f64 = 4.5;

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
        let Some((page, _)) = pages().into_iter().find(|(page, _)| {
            let source = read(
                &workspace_root()
                    .join("book/src")
                    .join(page.replace(".html", ".md")),
            );
            page.starts_with(&prefix)
                && source.contains("](../figures/")
                && source.contains('$')
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

//! What an open page of the book shows: its figures, its formulas and the fonts that
//! draw them.

use super::network::requests_and_console;
use crate::serve::Server;
use crate::webdriver::Browser;
use serde_json::{Value, json};

/// The family name under which `book/theme/math.css` ships Latin Modern Math.
pub const MATH_FONT: &str = "Latin Modern Math (Descent)";

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
pub fn check_page(
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

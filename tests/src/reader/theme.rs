//! How legible an open page is on a theme, and picking the theme as a reader does.

use crate::webdriver::Browser;
use serde_json::json;

/// The smallest contrast (WCAG's ratio of relative luminances, 1 to 21) between the
/// text of the formulas, and of the prose, and what lies behind them; and how much the
/// page shrinks its figures.
pub const LEGIBILITY: &str = r#"
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
pub fn choose_theme(browser: &Browser, theme: &str) -> Result<(), String> {
    if browser.execute(THEME_MENU_OPEN, json!([]))? != true {
        browser.click(&browser.find("#mdbook-theme-toggle")?)?;
    }
    browser.click(&browser.find(&format!("#mdbook-theme-{theme}"))?)
}

/// Closes the theme menu if it is open, so it does not cover the page.
pub fn close_theme_menu(browser: &Browser) -> Result<(), String> {
    if browser.execute(THEME_MENU_OPEN, json!([]))? == true {
        browser.click(&browser.find("#mdbook-theme-toggle")?)?;
    }
    Ok(())
}

/// WCAG's level AA asks 4.5 for body text; formulas are body text.
pub const LEAST_CONTRAST: f64 = 4.5;

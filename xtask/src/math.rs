//! Turns the LaTeX of a Markdown page (`$…$` inline, `$$…$$` display) into MathML at
//! build time, so the book needs no script and no network to show its formulas.
//!
//! The dollars are found by pulldown-cmark's math extension, the same parser mdBook
//! uses, so code spans, code blocks and escaped dollars (`\$`) are left alone, and so is
//! a dollar that cannot open or close a formula ("costs $5 and $10").

use anyhow::{Result, bail};
use pulldown_cmark::{Event, Options, Parser};
use pulldown_latex::{RenderConfig, Storage, config::DisplayMode};

/// Renders every formula of `markdown` to MathML. An error names the `page` and the
/// formula that failed to parse.
pub fn render_page(page: &str, markdown: &str) -> Result<String> {
    let options = Options::ENABLE_MATH
        | Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    let mut out = String::with_capacity(markdown.len());
    let mut copied = 0;
    let (mut text_run, mut text_start) = (String::new(), None);
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        let (latex, mode) = match event {
            Event::InlineMath(latex) => (latex, DisplayMode::Inline),
            Event::DisplayMath(latex) => (latex, DisplayMode::Block),
            // The parser hands over text in pieces, split at dollars: join a block's.
            Event::Text(text) => {
                let start = *text_start.get_or_insert(range.start);
                text_run.push_str(&text);
                if text_run.contains("$$") {
                    let line = markdown[..start].matches('\n').count() + 1;
                    bail!(
                        "{page}:{line}: a `$$` that opens no formula; a line inside a \
                         formula that starts with `+ `, `- ` or `* ` reads as a list \
                         item, so end the line before with the sign instead"
                    );
                }
                continue;
            }
            _ => {
                (text_run, text_start) = (String::new(), None);
                continue;
            }
        };
        let mathml = match to_mathml(&latex, mode) {
            Ok(mathml) => mathml,
            Err(err) => {
                let line = markdown[..range.start].matches('\n').count() + 1;
                bail!(
                    "{page}:{line}: the formula `{latex}` is not valid LaTeX: {err}"
                );
            }
        };
        out.push_str(&markdown[copied..range.start]);
        out.push_str(&mathml);
        copied = range.end;
    }
    out.push_str(&markdown[copied..]);
    Ok(out)
}

/// One formula as MathML on a single line, with the characters that Markdown would
/// read as syntax written as character references.
pub fn to_mathml(latex: &str, display_mode: DisplayMode) -> Result<String> {
    let storage = Storage::new();
    let parser = pulldown_latex::Parser::new(latex, &storage);
    let events: Vec<_> = parser.collect();
    if let Some(Err(err)) = events.iter().find(|event| event.is_err()) {
        // The parser's message ends with the offending context on a second line.
        bail!("{}", err.to_string().replace('\n', ": "));
    }
    let config = RenderConfig {
        display_mode,
        ..RenderConfig::default()
    };
    let mut mathml = String::new();
    pulldown_latex::push_mathml(&mut mathml, events.into_iter(), config)?;
    // pulldown-latex draws the bar of `\bar x` as an OVERLINE (U+203E), a glyph the
    // shipped Latin Modern Math lacks, so the browser would borrow it from whatever
    // font the reader has. MACRON (U+00AF), which MathML Core names for `\bar`, is in
    // the font. The browser test checks that every glyph of a formula comes from it.
    let mathml = mathml.replace('\u{203E}', "\u{AF}");
    let mathml = unescape_text(&mathml);
    Ok(escape_markdown(&mathml))
}

/// Makes pulldown-latex's MathML safe to put back into Markdown: outside tags, the
/// characters that Markdown would read as emphasis, links, escapes, code or table
/// cells, and the `<`, `>` and `&` it leaves bare in text, become character references;
/// attributes it runs together get a space between them; newlines are folded so the
/// MathML stays in one block.
/// pulldown-latex copies the text of `\text{...}` as it is, so `\text{fan\_in}` would
/// show its backslash: inside each `<mtext>`, TeX's escaped specials become the
/// characters they stand for.
fn unescape_text(mathml: &str) -> String {
    let mut out = String::with_capacity(mathml.len());
    let mut rest = mathml;
    while let Some(start) = rest.find("<mtext>") {
        let (before, text) = rest.split_at(start + "<mtext>".len());
        out.push_str(before);
        let end = text.find("</mtext>").unwrap_or(text.len());
        let mut chars = text[..end].chars().peekable();
        while let Some(c) = chars.next() {
            match chars.peek() {
                Some(&next) if c == '\\' && "_%#${}".contains(next) => {
                    out.push(next);
                    chars.next();
                }
                _ => out.push(c),
            }
        }
        rest = &text[end..];
    }
    out.push_str(rest);
    out
}

/// Whether `rest`, the characters after an `&`, begin a character reference: a name
/// or `#` and digits, then `;`.
fn is_reference(rest: impl Iterator<Item = char>) -> bool {
    let mut length = 0;
    for c in rest.take(32) {
        match c {
            ';' => return length > 0,
            c if c.is_ascii_alphanumeric() || (c == '#' && length == 0) => {
                length += 1
            }
            _ => return false,
        }
    }
    false
}

fn escape_markdown(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let (mut in_tag, mut in_quote) = (false, false);
    let mut chars = html.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        if in_tag {
            out.push(c);
            match c {
                '"' if in_quote && next.is_some_and(char::is_alphabetic) => {
                    in_quote = false;
                    out.push(' ');
                }
                '"' => in_quote = !in_quote,
                '>' if !in_quote => in_tag = false,
                _ => {}
            }
            continue;
        }
        match c {
            '<' if next.is_some_and(|n| n.is_ascii_alphabetic() || n == '/') => {
                in_tag = true;
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            // A character reference pulldown-latex wrote (`&nbsp;` for the space of
            // `\text{if }`) stays one; escaping its `&` would show it as text.
            '&' if is_reference(chars.clone()) => out.push(c),
            '*' | '_' | '\\' | '`' | '[' | ']' | '~' | '|' | '$' | '!' | '<'
            | '>' | '&' => {
                out.push_str(&format!("&#{};", c as u32));
            }
            _ => out.push(c),
        }
    }
    out
}

/// Deletes the lines `// BEGIN SOLUTION` and `// END SOLUTION` that an include of a
/// solutions file brings into a page: they are for the stub generator, not the reader.
pub fn strip_solution_markers(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for line in markdown.split_inclusive('\n') {
        let marker = line.trim();
        if marker != "// BEGIN SOLUTION" && marker != "// END SOLUTION" {
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_formula_becomes_mathml() {
        let page = render_page("p.md", "slope $f'(x)$ here").unwrap();
        assert!(page.starts_with("slope <math"), "{page}");
        assert!(page.ends_with("</math> here"), "{page}");
        assert!(!page.contains('$'), "{page}");
    }

    #[test]
    fn a_display_formula_broken_by_a_list_marker_is_an_error() {
        let err = render_page("p.md", "text\n\n$$\na\n+ b\n$$\n").unwrap_err();
        assert!(
            err.to_string().starts_with("p.md:3: a `$$` that opens"),
            "{err}"
        );
        assert!(render_page("p.md", "text\n\n$$\na +\nb\n$$\n").is_ok());
    }

    #[test]
    fn the_space_of_text_stays_a_space_and_a_bare_ampersand_is_escaped() {
        let mathml = to_mathml("1 \\text{if } x", DisplayMode::Inline).unwrap();
        assert!(mathml.contains("if&nbsp;"), "{mathml}");
        let page = render_page("p.md", "$\\text{if } x$ & b").unwrap();
        assert!(
            page.contains("if&nbsp;") && page.ends_with(" & b"),
            "{page}"
        );
        assert_eq!(
            escape_markdown("a & b &amp; c &#38;"),
            "a &#38; b &amp; c &#38;"
        );
    }

    #[test]
    fn escaped_specials_in_text_lose_their_backslash() {
        let mathml =
            to_mathml("\\text{fan\\_in} + x\\_1", DisplayMode::Inline).unwrap();
        assert!(mathml.contains("fan&#95;in"), "{mathml}");
        assert!(!mathml.contains("fan&#92;"), "{mathml}");
        assert_eq!(
            unescape_text("<mtext>a\\_b \\% c \\n</mtext>"),
            "<mtext>a_b % c \\n</mtext>"
        );
    }

    #[test]
    fn a_bar_is_drawn_with_a_macron_which_the_shipped_font_has() {
        let bar = to_mathml("\\bar x", DisplayMode::Inline).unwrap();
        assert!(bar.contains('\u{AF}') && !bar.contains('\u{203E}'), "{bar}");
    }

    #[test]
    fn display_formula_is_a_block() {
        let page = render_page("p.md", "$$\n\\frac{a}{b}\n$$\n").unwrap();
        assert!(page.contains("display=\"block\""), "{page}");
        assert!(page.contains("<mfrac>"), "{page}");
    }

    #[test]
    fn code_spans_and_blocks_keep_their_dollars() {
        let text = "`let s = \"$x$\";`\n\n```sh\necho $HOME $x$\n```\n";
        assert_eq!(render_page("p.md", text).unwrap(), text);
    }

    #[test]
    fn escaped_and_money_dollars_are_left_alone() {
        for text in ["it costs \\$5, not \\$10", "costs $5 and $10"] {
            assert_eq!(render_page("p.md", text).unwrap(), text);
        }
    }

    #[test]
    fn markdown_syntax_inside_a_formula_is_escaped() {
        let page = render_page("p.md", "$a_1 * b_2 * \\backslash$").unwrap();
        let text: String = page
            .split('<')
            .map(|s| s.split_once('>').map_or(s, |p| p.1))
            .collect();
        assert!(!text.contains(['*', '_', '\\']), "{page}");
    }

    #[test]
    fn comparison_signs_become_character_references() {
        let page = render_page("p.md", "$x < 0 < y > 1$").unwrap();
        assert!(page.contains("&#60;") && page.contains("&#62;"), "{page}");
        assert!(!page.contains("><<") && !page.contains(">></"), "{page}");
    }

    #[test]
    fn attributes_run_together_are_separated() {
        let page = render_page("p.md", "$\\bigl( x \\bigr)$").unwrap();
        assert!(!page.contains("\"m") && !page.contains("\"s"), "{page}");
    }

    #[test]
    fn a_latex_error_names_the_page_line_and_formula() {
        for (formula, shown) in
            [("$\\frac{1}$", "\\frac{1}"), ("$\\nosuch x$", "\\nosuch x")]
        {
            let text = format!("one\n\ntwo {formula} three");
            let err = render_page("chapter01/index.md", &text)
                .unwrap_err()
                .to_string();
            let want = format!(
                "chapter01/index.md:3: the formula `{shown}` is not valid LaTeX"
            );
            assert!(err.starts_with(&want), "{err}");
        }
    }

    #[test]
    fn solution_markers_are_removed() {
        let code =
            "fn f() {\n    // BEGIN SOLUTION\n    1\n    // END SOLUTION\n}\n";
        assert_eq!(strip_solution_markers(code), "fn f() {\n    1\n}\n");
    }
}

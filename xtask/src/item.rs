//! Finds a function item in Rust source by its name, matching braces while skipping
//! comments, strings and character literals: what `reset` replaces.

use std::ops::Range;

/// The byte range of the function `name` in `source`: from the start of the line of
/// its `fn name` to its closing brace. `None` when there is no such function with a
/// body, or its braces do not balance.
pub fn find_fn(source: &str, name: &str) -> Option<Range<usize>> {
    let code = blank(source);
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut from = 0;
    while let Some(at) = find(&code[from..], b"fn").map(|i| i + from) {
        from = at + 2;
        let before_ok = at == 0 || !is_ident(code[at - 1]);
        let rest = &code[at + 2..];
        let gap = rest.iter().take_while(|b| b.is_ascii_whitespace()).count();
        let after = &rest[gap..];
        let named = gap > 0
            && after.starts_with(name.as_bytes())
            && !after.get(name.len()).is_some_and(|&b| is_ident(b));
        if !(before_ok && named) {
            continue;
        }
        let open = at + code[at..].iter().position(|&b| b == b'{' || b == b';')?;
        if code[open] == b';' {
            continue;
        }
        let start = source[..at].rfind('\n').map_or(0, |i| i + 1);
        let mut depth = 0usize;
        for (i, &b) in code.iter().enumerate().skip(open) {
            match b {
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(start..i + 1);
                    }
                }
                _ => {}
            }
        }
        return None;
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// `source` with every comment, string and character literal replaced by spaces
/// (newlines kept), so that what is left is code at the same byte offsets.
fn blank(source: &str) -> Vec<u8> {
    let bytes = source.as_bytes();
    let mut code = bytes.to_vec();
    let mut i = 0;
    let ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    while i < bytes.len() {
        let rest = &bytes[i..];
        let end = if rest.starts_with(b"//") {
            rest.iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |p| i + p)
        } else if rest.starts_with(b"/*") {
            block_comment_end(bytes, i)
        } else if rest[0] == b'"' {
            string_end(bytes, i + 1)
        } else if rest[0] == b'r'
            && (i == 0 || !ident(bytes[i - 1]) || bytes[i - 1] == b'b')
        {
            let hashes = rest[1..].iter().take_while(|&&b| b == b'#').count();
            if rest.get(1 + hashes) != Some(&b'"') {
                i += 1;
                continue;
            }
            let mut close = vec![b'"'];
            close.extend(std::iter::repeat_n(b'#', hashes));
            let body = i + 2 + hashes;
            find(&bytes[body..], &close)
                .map_or(bytes.len(), |p| body + p + close.len())
        } else if rest[0] == b'\'' {
            match char_end(source, i) {
                Some(end) => end,
                None => {
                    i += 1;
                    continue;
                }
            }
        } else {
            i += 1;
            continue;
        };
        for b in &mut code[i..end] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
        i = end;
    }
    code
}

/// Where the (possibly nested) block comment starting at `start` ends.
fn block_comment_end(bytes: &[u8], start: usize) -> usize {
    let (mut depth, mut i) = (0, start);
    while i + 1 < bytes.len() {
        match &bytes[i..i + 2] {
            b"/*" => (depth, i) = (depth + 1, i + 2),
            b"*/" => {
                (depth, i) = (depth - 1, i + 2);
                if depth == 0 {
                    return i;
                }
            }
            _ => i += 1,
        }
    }
    bytes.len()
}

/// Where the string whose contents start at `from` ends, after its closing quote.
fn string_end(bytes: &[u8], mut from: usize) -> usize {
    while from < bytes.len() {
        match bytes[from] {
            b'\\' => from += 2,
            b'"' => return from + 1,
            _ => from += 1,
        }
    }
    bytes.len()
}

/// Where the character literal at `start` ends, or `None` if the quote starts a
/// lifetime or a label.
fn char_end(source: &str, start: usize) -> Option<usize> {
    let mut chars = source[start + 1..].char_indices();
    let (_, first) = chars.next()?;
    if first == '\\' {
        let close = source[start + 2..].find('\'')?;
        // `'\''`: the quote right after the backslash is the escaped one.
        let close = if close == 0 {
            source[start + 3..].find('\'')? + 1
        } else {
            close
        };
        return Some(start + 2 + close + 1);
    }
    let (at, second) = chars.next()?;
    (second == '\'').then_some(start + 1 + at + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn braces_in_strings_chars_and_comments_do_not_count() {
        let source = "/// fn f is documented here\n\
                      pub fn f(x: &'static str) -> char {\n\
                      \x20   let _ = \"}\"; let _ = r#\"}\"#; // }\n\
                      \x20   /* } /* } */ } */ let _ = '\\''; '}'\n\
                      }\n\
                      fn g() {}\n";
        let range = find_fn(source, "f").expect("f is there");
        assert!(source[range.clone()].starts_with("pub fn f(x"));
        assert!(source[range.clone()].ends_with("'}'\n}"));
        assert_eq!(&source[range.end..], "\nfn g() {}\n");
        assert_eq!(find_fn(source, "g").map(|r| &source[r]), Some("fn g() {}"));
    }

    #[test]
    fn a_name_must_match_whole_and_have_a_body() {
        let source = "trait T { fn f2(); }\nfn f2x() {}\n";
        assert_eq!(find_fn(source, "f2"), None);
        assert_eq!(find_fn("fn f() { {", "f"), None);
    }
}

//! The hints of an exercise on its chapter's Exercises page, which `watch` shows.

/// The hints of the exercise `label` on an Exercises page: the text inside each
/// `<details><summary>Hint</summary>` ... `</details>` under its heading
/// `## Exercise N.M: ...`, up to the next heading.
pub fn hints(page: &str, label: &str) -> Vec<String> {
    let heading = format!("## Exercise {label}:");
    let mut lines = page.lines().skip_while(|line| !line.starts_with(&heading));
    lines.next();
    let section: Vec<&str> =
        lines.take_while(|line| !line.starts_with("## ")).collect();
    let mut hints = Vec::new();
    let mut current: Option<Vec<&str>> = None;
    for line in section {
        match (&mut current, line.trim()) {
            (None, "<details><summary>Hint</summary>") => current = Some(Vec::new()),
            (Some(hint), "</details>") => {
                hints.push(hint.join("\n").trim().to_string());
                current = None;
            }
            (Some(hint), _) => hint.push(line),
            (None, _) => {}
        }
    }
    hints
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hint_is_the_one_under_the_exercise_heading() {
        let page = "## Exercise 5.1: a\n\n<details><summary>Hint</summary>\n\nOne.\n\n\
                    </details>\n\n## Exercise 5.10: b\n\n\
                    <details><summary>Hint</summary>\n\nTen,\nin two lines.\n\n\
                    </details>\n<details><summary>More help</summary>\n\nNo.\n\n\
                    </details>\n";
        assert_eq!(hints(page, "5.1"), ["One."]);
        assert_eq!(hints(page, "5.10"), ["Ten,\nin two lines."]);
        assert!(hints(page, "5.2").is_empty());
    }
}

//! Building a book: a broken include or a broken formula fails the build, naming it.

use std::path::PathBuf;

/// A one-page book in a fresh temporary folder, whose page is `page`.
fn book_with_page(name: &str, page: &str) -> PathBuf {
    let root = std::env::temp_dir()
        .join(format!("descent-book-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("src")).unwrap();
    std::fs::write(root.join("book.toml"), "[book]\ntitle = \"T\"\n").unwrap();
    std::fs::write(
        root.join("src/SUMMARY.md"),
        "# Summary\n\n- [Page](page.md)\n",
    )
    .unwrap();
    std::fs::write(root.join("src/page.md"), page).unwrap();
    root
}

#[test]
fn a_good_page_builds_with_its_math_as_mathml() {
    let root = book_with_page("good", "# Page\n\nThe slope $f'(3) = 6$.\n");
    let index = xtask::book::build_at(&root).unwrap();
    let page = std::fs::read_to_string(index.with_file_name("page.html")).unwrap();
    assert!(page.contains("<math display=\"inline\">"), "{page}");
}

#[test]
fn an_include_of_a_missing_file_fails_the_build() {
    let root =
        book_with_page("include", "# Page\n\n{{#include nowhere.rs:anchor}}\n");
    let err = format!("{:#}", xtask::book::build_at(&root).unwrap_err());
    assert!(err.contains("warning(s) or error(s)"), "{err}");
}

#[test]
fn a_latex_error_fails_the_build_naming_the_page_and_formula() {
    let root = book_with_page("latex", "# Page\n\nBroken: $\\frac{1}$.\n");
    let err = format!("{:#}", xtask::book::build_at(&root).unwrap_err());
    assert!(
        err.contains("page.md:3: the formula `\\frac{1}` is not valid LaTeX"),
        "{err}"
    );
}

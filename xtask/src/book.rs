//! `cargo xtask book`: builds the book with the mdBook library and our preprocessor.

use crate::{math, relative, workspace_root};
use anyhow::{Context, Result, bail};
use mdbook_driver::MDBook;
use mdbook_driver::book::{Book, BookItem};
use mdbook_preprocessor::{Preprocessor, PreprocessorContext};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use tracing::{Level, Subscriber};
use tracing_subscriber::layer::{Context as LayerContext, Layer, SubscriberExt};

/// The book's preprocessor, named `descent` in `book.toml`: it renders the LaTeX of
/// every page to MathML and hides the solution markers of included code.
pub struct Descent;

impl Preprocessor for Descent {
    fn name(&self) -> &str {
        "descent"
    }

    fn run(&self, _ctx: &PreprocessorContext, mut book: Book) -> Result<Book> {
        let mut result = Ok(());
        book.for_each_mut(|item| {
            let BookItem::Chapter(chapter) = item else {
                return;
            };
            if result.is_err() {
                return;
            }
            let page = chapter
                .source_path
                .as_ref()
                .map_or_else(|| chapter.name.clone(), |p| p.display().to_string());
            let content = math::strip_solution_markers(&chapter.content);
            match math::render_page(&page, &content) {
                Ok(rendered) => chapter.content = rendered,
                Err(err) => result = Err(err),
            }
        });
        result.map(|()| book)
    }
}

/// Builds `book/` into `book/build` and returns the path of its `index.html`. Fails
/// when mdBook reports any warning or error (an include it cannot read, say), so a
/// book that builds is a book with nothing missing.
pub fn build() -> Result<PathBuf> {
    build_at(&workspace_root().join("book"))
}

/// Builds the book whose `book.toml` is in `root`, as [`build`] does.
pub fn build_at(root: &Path) -> Result<PathBuf> {
    build_into(root, None)
}

/// Builds the book whose `book.toml` is in `root` into `out` (or into its configured
/// build folder when `None`), as [`build`] does. The browser test builds a copy of its
/// own this way, so it never races a reader's `cargo xtask book`.
pub fn build_into(root: &Path, out: Option<&Path>) -> Result<PathBuf> {
    let problems = Arc::new(AtomicUsize::new(0));
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(Level::WARN)
        .with_writer(std::io::stderr)
        .without_time()
        .finish()
        .with(CountProblems(problems.clone()));
    let index =
        tracing::subscriber::with_default(subscriber, || -> Result<PathBuf> {
            let mut book = MDBook::load(root).context("loading the book")?;
            if let Some(out) = out {
                book.config.build.build_dir = out.to_path_buf();
            }
            book.with_preprocessor(Descent);
            book.build().context("building the book")?;
            Ok(book.build_dir_for("html").join("index.html"))
        })?;
    let problems = problems.load(Ordering::SeqCst);
    if problems > 0 {
        bail!("mdBook reported {problems} warning(s) or error(s), printed above");
    }
    if !index.is_file() {
        bail!("the build wrote no `{}`", relative(&index));
    }
    Ok(index)
}

/// Counts the warnings and errors that mdBook logs.
struct CountProblems(Arc<AtomicUsize>);

impl<S: Subscriber> Layer<S> for CountProblems {
    fn on_event(&self, event: &tracing::Event<'_>, _ctx: LayerContext<'_, S>) {
        if *event.metadata().level() <= Level::WARN {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }
}

/// `cargo xtask preprocess [supports RENDERER]`: the preprocessor as an mdBook command,
/// for readers who run `mdbook serve book` with their own mdBook.
pub fn preprocess_command(args: &[&str]) -> Result<()> {
    match args {
        ["supports", renderer] => {
            if *renderer == "html" {
                Ok(())
            } else {
                std::process::exit(1)
            }
        }
        [] => {
            let (ctx, book) = mdbook_preprocessor::parse_input(std::io::stdin())?;
            let book = Descent.run(&ctx, book)?;
            serde_json::to_writer(std::io::stdout(), &book)?;
            Ok(())
        }
        _ => bail!("usage: cargo xtask preprocess [supports RENDERER]"),
    }
}

//! The project's own tasks, as a library so that the `tests` crate can run the same
//! checks: building the book, drawing figures, writing exercise stubs, and the
//! learner's loop (progress, watch, reset).

pub mod book;
pub mod check;
pub mod exercise_tests;
pub mod exercises;
pub mod hints;
pub mod item;
pub mod libtest;
pub mod math;
pub mod plots;
pub mod progress;
pub mod reset;
pub mod stubs;
pub mod watch;

use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};

/// Whether a task writes its generated files or only checks that they are fresh.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Write,
    Check,
}

/// The workspace root, whatever the current folder.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one folder below the workspace root")
        .to_path_buf()
}

/// The workspace-relative form of `path`, for messages.
pub fn relative(path: &Path) -> String {
    let root = workspace_root();
    path.strip_prefix(&root)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Makes the file at `path` hold `contents`: in `Write` mode by writing it (only when it
/// differs, so timestamps stay put), in `Check` mode by failing, naming the file and the
/// `command` that regenerates it, when it is missing or differs.
pub fn ensure_file(
    path: &Path,
    contents: &str,
    mode: Mode,
    command: &str,
) -> Result<()> {
    let current = std::fs::read_to_string(path).ok();
    if current.as_deref() == Some(contents) {
        return Ok(());
    }
    match mode {
        Mode::Check if current.is_none() => bail!(
            "`{}` is missing: run `{command}` and commit it",
            relative(path)
        ),
        Mode::Check => bail!(
            "`{}` is stale: run `{command}` and commit it",
            relative(path)
        ),
        Mode::Write => {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("creating `{}`", relative(dir)))?;
            }
            std::fs::write(path, contents)
                .with_context(|| format!("writing `{}`", relative(path)))?;
            eprintln!("wrote {}", relative(path));
            Ok(())
        }
    }
}

/// The chapter crates, `chapters/chapterNN`, in order.
pub fn chapter_dirs() -> Result<Vec<PathBuf>> {
    chapter_dirs_in(&workspace_root())
}

/// The names of the chapter crates of the workspace at `root`, in order.
pub fn chapter_names(root: &Path) -> Result<Vec<String>> {
    Ok(chapter_dirs_in(root)?
        .iter()
        .map(|dir| dir.file_name().unwrap_or_default().to_string_lossy().into())
        .collect())
}

/// The folder of the chapter crate `name` (`chapter03`) of the workspace at `root`,
/// or an error listing the chapters there are.
pub fn chapter_dir(root: &Path, name: &str) -> Result<PathBuf> {
    let names = chapter_names(root)?;
    if !names.iter().any(|known| known == name) {
        bail!(
            "unknown chapter `{name}`: the chapters are {}",
            names.join(", ")
        );
    }
    Ok(root.join("chapters").join(name))
}

/// The chapter crates, `chapters/chapterNN`, of the workspace at `root`, in order.
pub fn chapter_dirs_in(root: &Path) -> Result<Vec<PathBuf>> {
    let dir = root.join("chapters");
    let mut chapters = Vec::new();
    for entry in std::fs::read_dir(&dir)
        .with_context(|| format!("reading `{}`", dir.display()))?
    {
        let path = entry?.path();
        if path.join("Cargo.toml").is_file() {
            chapters.push(path);
        }
    }
    chapters.sort();
    Ok(chapters)
}

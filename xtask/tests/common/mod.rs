//! A temporary copy of the workspace for the learner's-loop tests, so that they can
//! answer exercises and reset them without touching the real learner's files.

#![allow(dead_code)] // Each test file uses a part of this.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// Tests that run cargo take this, one at a time, so that two of them do not wait
/// on each other's build lock (and the dependencies compile once).
static CARGO: Mutex<()> = Mutex::new(());

/// Waits for the other tests that run cargo to finish.
pub fn cargo_lock() -> MutexGuard<'static, ()> {
    CARGO
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A copy of the workspace under `target/xtask-tests/NAME`, removed when dropped.
/// Cargo run inside it builds into `target/xtask-tests/target`, shared by every copy
/// and apart from the outer build, whose lock the outer `cargo test` holds.
pub struct Workspace {
    pub root: PathBuf,
}

impl Workspace {
    pub fn copy(name: &str) -> Workspace {
        let real = xtask::workspace_root();
        let tests = real.join("target/xtask-tests");
        let root = tests.join(name);
        if root.exists() {
            std::fs::remove_dir_all(&root).expect("removing an old copy");
        }
        for file in ["Cargo.toml", "Cargo.lock", "rustfmt.toml"] {
            copy(&real.join(file), &root.join(file));
        }
        for dir in ["chapters", "xtask", "tests", "book/src"] {
            copy(&real.join(dir), &root.join(dir));
        }
        let target = tests.join("target");
        let config =
            format!("[build]\ntarget-dir = {:?}\n", target.display().to_string());
        write(&root.join(".cargo/config.toml"), &config);
        Workspace { root }
    }

    /// The path of `relative` in the copy.
    pub fn path(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }

    pub fn read(&self, relative: &str) -> String {
        let path = self.path(relative);
        std::fs::read_to_string(&path)
            .unwrap_or_else(|err| panic!("reading `{}`: {err}", path.display()))
    }

    pub fn write(&self, relative: &str, contents: &str) {
        write(&self.path(relative), contents);
    }

    /// Answers `function` of chapter01 in the learner's file with the body of its
    /// reference answer: the lines between its solution markers replace the lines of
    /// its stub's `todo!(...)`.
    pub fn answer(&self, function: &str) {
        let exercises = "chapters/chapter01/src/exercises.rs";
        let learner = self.read(exercises);
        self.write(exercises, &answered(&learner, &self.solutions(), function));
    }

    pub fn solutions(&self) -> String {
        self.read("chapters/chapter01/src/solutions.rs")
    }
}

impl Drop for Workspace {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

/// `learner` (a file holding the stub of `function`) with that stub's `todo!(...)`
/// replaced by the body of `function` in `solutions`.
pub fn answered(learner: &str, solutions: &str, function: &str) -> String {
    let head = format!("pub fn {function}(");
    let body: Vec<&str> = solutions
        .lines()
        .skip_while(|line| !line.starts_with(&head))
        .skip_while(|line| line.trim() != "// BEGIN SOLUTION")
        .skip(1)
        .take_while(|line| line.trim() != "// END SOLUTION")
        .collect();
    assert!(!body.is_empty(), "no solution of `{function}`");
    let lines: Vec<&str> = learner.lines().collect();
    let fn_line = lines.iter().position(|line| line.starts_with(&head));
    let fn_line =
        fn_line.unwrap_or_else(|| panic!("no `{head}` in the learner's file"));
    let todo = fn_line
        + lines[fn_line..]
            .iter()
            .position(|l| l.contains("todo!("))
            .expect("a todo!() in the stub");
    let end = todo
        + lines[todo..]
            .iter()
            .position(|l| l.trim_end().ends_with(')'))
            .expect("the end of the todo!()");
    let mut out: Vec<&str> = lines[..todo].to_vec();
    out.extend(&body);
    out.extend(&lines[end + 1..]);
    out.join("\n") + "\n"
}

fn copy(from: &Path, to: &Path) {
    if from.is_dir() {
        std::fs::create_dir_all(to).expect("creating a folder of the copy");
        for entry in std::fs::read_dir(from).expect("reading a folder to copy") {
            let entry = entry.expect("a folder entry");
            if entry.file_name() != "target" {
                copy(&entry.path(), &to.join(entry.file_name()));
            }
        }
    } else {
        if let Some(dir) = to.parent() {
            std::fs::create_dir_all(dir).expect("creating a folder of the copy");
        }
        std::fs::copy(from, to)
            .unwrap_or_else(|err| panic!("copying `{}`: {err}", from.display()));
    }
}

fn write(path: &Path, contents: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("creating a folder of the copy");
    }
    std::fs::write(path, contents)
        .unwrap_or_else(|err| panic!("writing `{}`: {err}", path.display()));
}

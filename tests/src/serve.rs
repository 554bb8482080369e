//! A static file server on loopback for the browser test: it serves the built book
//! and writes down every request it answers, so the test can tell which requests the
//! book made and which of them failed.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

/// One answered request: the path asked for and the status sent back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Served {
    pub path: String,
    pub status: u16,
}

/// The server, running on its own thread until the test process ends.
pub struct Server {
    /// `http://127.0.0.1:PORT`, with no slash at the end.
    pub origin: String,
    log: Arc<Mutex<Vec<Served>>>,
}

impl Server {
    /// Serves the files below `root` on a free loopback port.
    pub fn start(root: &Path) -> Server {
        let listener =
            TcpListener::bind("127.0.0.1:0").expect("a free loopback port");
        let port = listener.local_addr().expect("the port just bound").port();
        let log = Arc::new(Mutex::new(Vec::new()));
        let (root, shared) = (root.to_path_buf(), log.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (root, log) = (root.clone(), shared.clone());
                std::thread::spawn(move || answer(stream, &root, &log));
            }
        });
        Server {
            origin: format!("http://127.0.0.1:{port}"),
            log,
        }
    }

    /// Every request answered so far, and forgets them.
    pub fn take_log(&self) -> Vec<Served> {
        std::mem::take(&mut *self.log.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

/// Reads one request from `stream` and answers it with the file it names, or 404.
fn answer(mut stream: TcpStream, root: &Path, log: &Mutex<Vec<Served>>) {
    let mut reader = BufReader::new(&stream);
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    // The headers are not needed, but must be read before the answer is sent.
    let mut header = String::new();
    while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
        header.clear();
    }
    let mut words = request.split_whitespace();
    let (method, target) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let path = target.split(['?', '#']).next().unwrap_or("").to_string();
    let file = (method == "GET")
        .then(|| file_for(root, &path))
        .flatten()
        .and_then(|file| Some((std::fs::read(&file).ok()?, file)));
    let (status, body, kind) = match &file {
        Some((body, file)) => (200, body.as_slice(), content_type(file)),
        None => (404, &b"not found"[..], "text/plain"),
    };
    let head = format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n",
        if status == 200 { "OK" } else { "Not Found" },
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(body);
    log.lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(Served { path, status });
}

/// The file below `root` that the URL path `path` names (`index.html` for a folder),
/// or `None` for a path that is not plainly inside `root`.
fn file_for(root: &Path, path: &str) -> Option<PathBuf> {
    let relative = Path::new(path.trim_start_matches('/'));
    if !relative
        .components()
        .all(|part| matches!(part, Component::Normal(_)))
    {
        return None;
    }
    let file = root.join(relative);
    let file = if file.is_dir() {
        file.join("index.html")
    } else {
        file
    };
    file.is_file().then_some(file)
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css",
        "js" => "text/javascript",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_outside_the_root_are_refused() {
        let root = std::env::temp_dir();
        assert_eq!(file_for(&root, "/../etc/passwd"), None);
        assert_eq!(file_for(&root, "/a/../../b"), None);
    }
}

//! Just enough of a WebDriver client to drive headless Chromium through ChromeDriver
//! for the browser test: open a page, run a script, click, type, read the logs, take a
//! screenshot, and send a DevTools command.
//!
//! WebDriver is JSON over HTTP on loopback, so the client is a plain `TcpStream`: one
//! request per connection, the body read to the end.

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The flags Chromium starts with: headless, and no connection of its own to any
/// server (this machine has no network, and the book needs none).
pub const CHROMIUM_FLAGS: [&str; 9] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--hide-scrollbars",
];

/// Where Chromium and ChromeDriver are, or why they cannot be used.
pub fn find_browser() -> Result<(PathBuf, PathBuf), String> {
    let find = |names: &[&str]| {
        let path = std::env::var_os("PATH").unwrap_or_default();
        std::env::split_paths(&path)
            .flat_map(|dir| names.iter().map(move |name| dir.join(name)))
            .find(|file| file.is_file())
    };
    match (find(&["chromium", "chromium-browser"]), find(&["chromedriver"])) {
        (Some(chromium), Some(driver)) => Ok((chromium, driver)),
        _ => Err("the browser test needs Chromium and ChromeDriver on the PATH. On \
                  Debian or Ubuntu: `sudo apt-get install chromium chromium-driver`. \
                  To run every other check without them, set DESCENT_SKIP_BROWSER=1."
            .into()),
    }
}

/// A headless Chromium window, driven through its own ChromeDriver process. Dropping
/// it closes the window, stops the driver and removes the browser's profile folder.
pub struct Browser {
    driver: Child,
    port: u16,
    session: String,
    profile: PathBuf,
}

/// A page element, as WebDriver names it.
pub struct Element(String);

impl Browser {
    /// Starts ChromeDriver and, through it, Chromium with [`CHROMIUM_FLAGS`], a window
    /// of `width` by `height` pixels and a fresh, empty profile in `profile`. Every
    /// console message and every network event is logged for [`Browser::log`].
    pub fn start(
        profile: &Path,
        width: u32,
        height: u32,
    ) -> Result<Browser, String> {
        let (chromium, driver) = find_browser()?;
        let _ = std::fs::remove_dir_all(profile);
        std::fs::create_dir_all(profile)
            .map_err(|e| format!("cannot create `{}`: {e}", profile.display()))?;
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(|e| format!("no free loopback port: {e}"))?
            .port();
        let driver = Command::new(&driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start `{}`: {e}", driver.display()))?;
        let mut browser = Browser {
            driver,
            port,
            session: String::new(),
            profile: profile.to_path_buf(),
        };
        browser.wait_until_ready()?;
        let mut args: Vec<String> =
            CHROMIUM_FLAGS.iter().map(|f| f.to_string()).collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        args.push(format!("--window-size={width},{height}"));
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": chromium, "args": args},
            "goog:loggingPrefs": {"browser": "ALL", "performance": "ALL"},
        }}});
        let session = browser.call("POST", "/session", Some(capabilities))?;
        browser.session = session["value"]["sessionId"]
            .as_str()
            .ok_or(format!("ChromeDriver gave no session: {session}"))?
            .to_string();
        Ok(browser)
    }

    fn wait_until_ready(&self) -> Result<(), String> {
        let start = Instant::now();
        loop {
            match self.call("GET", "/status", None) {
                Ok(status) if status["value"]["ready"] == true => return Ok(()),
                _ if start.elapsed() > Duration::from_secs(30) => {
                    return Err("ChromeDriver did not answer within 30 s".into());
                }
                _ => std::thread::sleep(Duration::from_millis(100)),
            }
        }
    }

    /// Opens `url` and waits until the page has loaded.
    pub fn goto(&self, url: &str) -> Result<(), String> {
        self.session_call("POST", "/url", json!({ "url": url }))
            .map(drop)
            .map_err(|e| format!("opening {url}: {e}"))
    }

    /// Runs `script` (a function body; `arguments` holds `args`) and returns what it
    /// returns.
    pub fn execute(&self, script: &str, args: Value) -> Result<Value, String> {
        self.session_call(
            "POST",
            "/execute/sync",
            json!({"script": script, "args": args}),
        )
    }

    /// Runs `script`, which calls `arguments[arguments.length - 1]` with its result
    /// when it is done, perhaps after a promise settles.
    pub fn execute_async(&self, script: &str, args: Value) -> Result<Value, String> {
        self.session_call(
            "POST",
            "/execute/async",
            json!({"script": script, "args": args}),
        )
    }

    /// The first element that the CSS selector `css` matches.
    pub fn find(&self, css: &str) -> Result<Element, String> {
        let found = self.session_call(
            "POST",
            "/element",
            json!({"using": "css selector", "value": css}),
        )?;
        // The answer is an object with one key, WebDriver's element identifier.
        found
            .as_object()
            .and_then(|object| object.values().next()?.as_str())
            .map(|id| Element(id.to_string()))
            .ok_or(format!("no element matches `{css}`"))
    }

    /// Clicks `element`, as a reader's mouse would.
    pub fn click(&self, element: &Element) -> Result<(), String> {
        self.session_call(
            "POST",
            &format!("/element/{}/click", element.0),
            json!({}),
        )
        .map(drop)
    }

    /// Types `text` into `element`, key by key.
    pub fn type_into(&self, element: &Element, text: &str) -> Result<(), String> {
        let path = format!("/element/{}/value", element.0);
        self.session_call("POST", &path, json!({ "text": text }))
            .map(drop)
    }

    /// The entries of the log `kind` (`browser`: the console and failed loads;
    /// `performance`: DevTools events) since the last call.
    pub fn log(&self, kind: &str) -> Result<Vec<Value>, String> {
        let entries =
            self.session_call("POST", "/se/log", json!({ "type": kind }))?;
        Ok(entries.as_array().cloned().unwrap_or_default())
    }

    /// The window as a PNG.
    pub fn screenshot(&self) -> Result<Vec<u8>, String> {
        let shot = self.session_call("GET", "/screenshot", Value::Null)?;
        decode_base64(shot.as_str().unwrap_or_default())
    }

    /// Sends the DevTools command `method` to the page.
    pub fn devtools(&self, method: &str, params: Value) -> Result<Value, String> {
        self.session_call(
            "POST",
            "/goog/cdp/execute",
            json!({"cmd": method, "params": params}),
        )
    }

    fn session_call(
        &self,
        method: &str,
        path: &str,
        body: Value,
    ) -> Result<Value, String> {
        let path = format!("/session/{}{path}", self.session);
        let body = (method == "POST").then_some(body);
        self.call(method, &path, body)
            .map(|answer| answer["value"].clone())
    }

    /// One WebDriver command: an HTTP request to ChromeDriver, its JSON answer.
    fn call(
        &self,
        method: &str,
        path: &str,
        body: Option<Value>,
    ) -> Result<Value, String> {
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let mut stream = TcpStream::connect(("127.0.0.1", self.port))
            .map_err(|e| format!("cannot reach ChromeDriver: {e}"))?;
        // No command of the test takes a minute; a silent driver is an error, not a hang.
        let _ = stream.set_read_timeout(Some(Duration::from_secs(120)));
        let request = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Type: \
             application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.port,
            body.len()
        );
        stream
            .write_all(request.as_bytes())
            .map_err(|e| format!("writing to ChromeDriver: {e}"))?;
        let (head, body) = read_answer(stream)
            .map_err(|e| format!("reading from ChromeDriver: {e}"))?;
        let value: Value = serde_json::from_str(&body).map_err(|e| {
            format!("ChromeDriver's answer is not JSON ({e}): {body}")
        })?;
        let status = head.split_whitespace().nth(1).unwrap_or("");
        if status != "200" {
            let error = &value["value"];
            return Err(format!(
                "{method} {path}: {} ({})",
                error["message"].as_str().unwrap_or(&body),
                error["error"].as_str().unwrap_or(status)
            ));
        }
        Ok(value)
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = self.call("DELETE", &format!("/session/{}", self.session), None);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// Reads an HTTP answer: its head, then its body, as long as its `Content-Length`
/// says (ChromeDriver keeps the connection open, whatever `Connection: close` asks) or,
/// for an answer sent in chunks, up to the last chunk.
fn read_answer(stream: impl Read) -> std::io::Result<(String, String)> {
    let mut reader = BufReader::new(stream);
    let mut head = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" {
            break;
        }
        head.push_str(&line);
    }
    let header = |name: &str| {
        head.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.trim()
                .eq_ignore_ascii_case(name)
                .then(|| value.trim().to_ascii_lowercase())
        })
    };
    let body = if let Some(length) = header("content-length") {
        let length = length.parse().map_err(|_| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "bad Content-Length",
            )
        })?;
        let mut body = vec![0; length];
        reader.read_exact(&mut body)?;
        String::from_utf8_lossy(&body).into_owned()
    } else if header("transfer-encoding").is_some_and(|v| v.contains("chunked")) {
        let mut body = String::new();
        loop {
            let mut size = String::new();
            reader.read_line(&mut size)?;
            let size = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
            if size == 0 {
                break;
            }
            let mut chunk = vec![0; size + 2]; // the chunk and its CRLF
            reader.read_exact(&mut chunk)?;
            body.push_str(&String::from_utf8_lossy(&chunk[..size]));
        }
        body
    } else {
        let mut body = String::new();
        reader.read_to_string(&mut body)?;
        body
    };
    Ok((head, body))
}

/// The bytes that the standard base64 text `text` encodes.
pub fn decode_base64(text: &str) -> Result<Vec<u8>, String> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Ok(c - b'A'),
        b'a'..=b'z' => Ok(c - b'a' + 26),
        b'0'..=b'9' => Ok(c - b'0' + 52),
        b'+' => Ok(62),
        b'/' => Ok(63),
        _ => Err(format!("`{}` is not a base64 character", c as char)),
    };
    let text = text.trim_end_matches('=').as_bytes();
    let mut bytes = Vec::with_capacity(text.len() * 3 / 4);
    let (mut bits, mut count) = (0u32, 0);
    for &c in text {
        bits = (bits << 6) | u32::from(value(c)?);
        count += 6;
        if count >= 8 {
            count -= 8;
            bytes.push((bits >> count) as u8);
        }
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_decodes_the_examples_of_rfc_4648() {
        // RFC 4648, section 10: BASE64("foobar") = "Zm9vYmFy", and its prefixes.
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(decode_base64(coded).unwrap(), plain.as_bytes(), "{coded}");
        }
        assert!(decode_base64("Zm9v!").is_err());
    }

    #[test]
    fn answers_are_read_by_length_or_by_chunks() {
        let sized = "HTTP/1.1 200 OK\r\nContent-Length:4\r\n\r\nWikiMORE";
        let (head, body) = read_answer(sized.as_bytes()).unwrap();
        assert_eq!((head.lines().count(), body.as_str()), (2, "Wiki"));
        let chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\
                       4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n";
        assert_eq!(read_answer(chunked.as_bytes()).unwrap().1, "Wikipedia");
    }
}

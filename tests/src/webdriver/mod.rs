//! Just enough of a WebDriver client to drive headless Chromium through ChromeDriver
//! for the browser test: open a page, run a script, click, type, read the logs, take a
//! screenshot, and send a DevTools command.
//!
//! WebDriver is JSON over HTTP on loopback, so the client is a plain `TcpStream`
//! (module [`wire`]): one request per connection.

mod wire;

use serde_json::{Value, json};
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
        wire::decode_base64(shot.as_str().unwrap_or_default())
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
        let (status, body) = wire::request(self.port, method, path, &body)?;
        let value: Value = serde_json::from_str(&body).map_err(|e| {
            format!("ChromeDriver's answer is not JSON ({e}): {body}")
        })?;
        if status != "200" {
            let error = &value["value"];
            return Err(format!(
                "{method} {path}: {} ({})",
                error["message"].as_str().unwrap_or(&body),
                error["error"].as_str().unwrap_or(&status)
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

//! What an open page asked for and what the browser's console said about it.

use crate::serve::Server;
use crate::webdriver::Browser;
use serde_json::Value;

/// The failed requests, the requests that left the machine and the console messages
/// since the last call, from the browser's own logs and from the server's.
pub fn requests_and_console(browser: &Browser, server: &Server) -> Vec<String> {
    let mut problems = Vec::new();
    let local = format!("{}/", server.origin);
    let mut urls = std::collections::HashMap::new();
    for entry in browser.log("performance").unwrap_or_default() {
        let event: Value =
            serde_json::from_str(entry["message"].as_str().unwrap_or("{}"))
                .unwrap_or_default();
        let (method, params) =
            (&event["message"]["method"], &event["message"]["params"]);
        let id = params["requestId"].as_str().unwrap_or("").to_string();
        match method.as_str().unwrap_or("") {
            "Network.requestWillBeSent" => {
                let url =
                    params["request"]["url"].as_str().unwrap_or("").to_string();
                if goes_out(&url, &local) {
                    problems.push(format!("a request left the machine: {url}"));
                }
                urls.insert(id, url);
            }
            "Network.loadingFailed" => {
                let url = urls.get(&id).map_or("?", String::as_str);
                if url.starts_with(&local) || goes_out(url, &local) {
                    problems.push(format!(
                        "the request for {url} failed: {}",
                        params["errorText"]
                    ));
                }
            }
            "Network.responseReceived" => {
                let status = params["response"]["status"].as_u64().unwrap_or(0);
                if status >= 400 {
                    problems.push(format!(
                        "{} answered {status}",
                        params["response"]["url"].as_str().unwrap_or("?")
                    ));
                }
            }
            _ => {}
        }
    }
    for entry in browser.log("browser").unwrap_or_default() {
        problems.push(format!(
            "console {}: {}",
            entry["level"].as_str().unwrap_or("?"),
            entry["message"].as_str().unwrap_or("?")
        ));
    }
    for served in server.take_log() {
        if served.status != 200 {
            problems.push(format!(
                "the server answered {} for {}",
                served.status, served.path
            ));
        }
    }
    problems
}

/// Whether `url` names another machine than the book's server at `local`. Chromium's
/// own `chrome://` pages, `data:` and `blob:` URLs never touch the network.
pub fn goes_out(url: &str, local: &str) -> bool {
    let scheme = url.split(':').next().unwrap_or("");
    ["http", "https", "ws", "wss", "ftp"].contains(&scheme)
        && !url.starts_with(local)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_network_address_other_than_the_server_goes_out() {
        let local = "http://127.0.0.1:4000/";
        assert!(!goes_out("http://127.0.0.1:4000/index.html", local));
        assert!(goes_out("http://127.0.0.1:4001/index.html", local));
        assert!(goes_out("https://fonts.googleapis.com/css", local));
        assert!(goes_out("wss://example.org/", local));
        for internal in [
            "data:image/svg+xml,<svg/>",
            "chrome://resources/x.js",
            "blob:x",
        ] {
            assert!(!goes_out(internal, local), "{internal}");
        }
    }
}

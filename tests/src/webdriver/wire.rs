//! HTTP/1.1 over a `TcpStream`, as far as ChromeDriver needs it, and base64 for the
//! screenshots it sends.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

/// Sends `method path` with the JSON `body` to the server on loopback `port`; returns
/// the answer's status code and body.
pub fn request(
    port: u16,
    method: &str,
    path: &str,
    body: &str,
) -> Result<(String, String), String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))
        .map_err(|e| format!("cannot reach ChromeDriver: {e}"))?;
    // No command of the test takes a minute; a silent driver is an error, not a hang.
    let _ = stream.set_read_timeout(Some(Duration::from_secs(120)));
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: \
         application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream
        .write_all(request.as_bytes())
        .map_err(|e| format!("writing to ChromeDriver: {e}"))?;
    let (head, body) = read_answer(stream)
        .map_err(|e| format!("reading from ChromeDriver: {e}"))?;
    let status = head.split_whitespace().nth(1).unwrap_or("").to_string();
    Ok((status, body))
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

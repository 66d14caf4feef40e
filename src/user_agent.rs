//! The `platform`, `os` and `browser` session props, from the User-Agent (woothee), in
//! Mattermost's shape: `browser` is `Name/Version`, e.g. `Chrome/120.0.0.0`.

/// (platform, os, browser) for a User-Agent header value.
pub fn describe(user_agent: &str) -> (String, String, String) {
    let Some(ua) = woothee::parser::Parser::new().parse(user_agent) else {
        return ("Unknown".into(), "Unknown".into(), "Unknown".into());
    };
    let known = |s: &str| {
        if s.is_empty() || s == woothee::woothee::VALUE_UNKNOWN {
            "Unknown".to_string()
        } else {
            s.to_string()
        }
    };
    let os = known(ua.os);
    let platform = match ua.os {
        "Mac OSX" | "iPhone" | "iPad" | "iPod" => "Macintosh".to_string(),
        o if o.starts_with("Windows") => "Windows".to_string(),
        _ => os.clone(),
    };
    let browser = match known(ua.name).as_str() {
        "Unknown" => "Unknown".to_string(),
        name if ua.version.is_empty() || ua.version == woothee::woothee::VALUE_UNKNOWN => name.to_string(),
        name => format!("{name}/{}", ua.version),
    };
    (platform, os, browser)
}

#[cfg(test)]
mod tests {
    use super::describe;

    #[test]
    fn common_browsers_and_unknowns() {
        let chrome =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
        assert_eq!(describe(chrome), ("Linux".into(), "Linux".into(), "Chrome/120.0.0.0".into()));
        let firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0";
        let (platform, os, browser) = describe(firefox);
        assert_eq!(platform, "Windows");
        assert!(os.starts_with("Windows"), "{os}");
        assert_eq!(browser, "Firefox/121.0");
        assert_eq!(describe("xyzzy"), ("Unknown".into(), "Unknown".into(), "Unknown".into()));
        assert_eq!(describe(""), ("Unknown".into(), "Unknown".into(), "Unknown".into()));
    }
}

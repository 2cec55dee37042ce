//! A tolerant scanner for the peers' XML-like suite files (which are not
//! always well-formed): tags with attributes and the text between them.

/// One piece of the document.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Piece<'a> {
    /// `<Name a="b">` or `<Name/>`: name, attributes, self-closing.
    Open(&'a str, Vec<(&'a str, String)>, bool),
    /// `</Name>`.
    Close(&'a str),
    /// Text between tags (raw, entities not decoded).
    Text(&'a str),
}

/// Splits a document into pieces, skipping `<!-- -->` comments, `<? ?>`
/// declarations and `<!...>` declarations.
pub(crate) fn pieces(doc: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = doc;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |e| &after[e + 3..]);
            continue;
        }
        if rest.starts_with("<?") || rest.starts_with("<!") {
            rest = rest.find('>').map_or("", |e| &rest[e + 1..]);
            continue;
        }
        if let Some(after) = rest.strip_prefix('<') {
            let Some(end) = after.find('>') else {
                out.push(Piece::Text(rest));
                break;
            };
            let inner = &after[..end];
            rest = &after[end + 1..];
            if let Some(name) = inner.strip_prefix('/') {
                out.push(Piece::Close(name.trim()));
                continue;
            }
            let self_closing = inner.ends_with('/');
            let inner = inner.trim_end_matches('/');
            let name_end = inner.find(char::is_whitespace).unwrap_or(inner.len());
            let name = &inner[..name_end];
            if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
                // Not a tag (`a < b` in text).
                out.push(Piece::Text(inner));
                continue;
            }
            out.push(Piece::Open(name, attributes(&inner[name_end..]), self_closing));
            continue;
        }
        let end = rest.find('<').unwrap_or(rest.len());
        out.push(Piece::Text(&rest[..end]));
        rest = &rest[end..];
    }
    out
}

fn attributes(s: &str) -> Vec<(&str, String)> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(eq) = rest.find('=') {
        let name = rest[..eq].trim();
        let after = rest[eq + 1..].trim_start();
        let Some(q) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else { break };
        let Some(close) = after[1..].find(q) else { break };
        out.push((name, decode(&after[1..1 + close])));
        rest = &after[close + 2..];
    }
    out
}

/// Decodes the five predefined XML entities.
pub(crate) fn decode(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_loose_xml() {
        let p = pieces("<?xml x?><A k=\"v &amp; w\"><!-- <B> --><C/>text &lt;<D>a < b</D></A>");
        assert_eq!(p[0], Piece::Open("A", vec![("k", "v & w".to_string())], false));
        assert_eq!(p[1], Piece::Open("C", vec![], true));
        assert_eq!(p[2], Piece::Text("text &lt;"));
        assert_eq!(p[3], Piece::Open("D", vec![], false));
        assert!(matches!(p.last(), Some(Piece::Close("A"))));
    }
}

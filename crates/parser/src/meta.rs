//! What a source file says about itself, for `corpus init`: a title, a
//! publication date, authors and a language, from a web page's head and
//! tags, a text's first line, or a date in the file's path.

use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;
use scraper::{Html, Selector};

/// Metadata read from a source file. Unknown stays `None` (or empty).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMeta {
    /// The title.
    pub title: Option<String>,
    /// Where the title was read (`og:title`, `<title>`, `<h1>`, first line).
    pub title_from: Option<&'static str>,
    /// A publication date, `YYYY-MM-DD` (or `YYYY-MM`).
    pub published: Option<String>,
    /// Where the date was read (a meta tag, `<time>`, the path).
    pub published_from: Option<&'static str>,
    /// Authors, in the order the page gives them.
    pub authors: Vec<String>,
    /// The page's language (`<html lang>`).
    pub language: Option<String>,
}

fn selector(s: &str) -> Selector {
    Selector::parse(s).expect("the built-in selectors parse (tested)")
}

static OG_TITLE: LazyLock<Selector> =
    LazyLock::new(|| selector("meta[property='og:title'], meta[name='og:title']"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
static HTML: LazyLock<Selector> = LazyLock::new(|| selector("html"));
static DATE_META: LazyLock<Selector> = LazyLock::new(|| {
    selector(
        "meta[property='article:published_time'], meta[name='article:published_time'], \
         meta[itemprop='datePublished'], meta[name='date'], meta[name='pubdate'], meta[name='dc.date'], \
         meta[name='DC.date.issued'], meta[name='OriginalPublicationDate']",
    )
});
static TIME: LazyLock<Selector> = LazyLock::new(|| selector("time[datetime]"));
static AUTHOR: LazyLock<Selector> =
    LazyLock::new(|| selector("meta[name='author'], meta[property='article:author'], meta[name='byl']"));

/// A date at the start of a value: `2005-03-01T…`, `2005/03/01`, `20050301`.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])((?:19|20)[0-9]{2})[-/_.]?(0[1-9]|1[0-2])(?:[-/_.]?(0[1-9]|[12][0-9]|3[01]))?(?:[^0-9]|$)")
        .expect("the date pattern compiles")
});

/// The first date in `s`, as `YYYY-MM-DD` or `YYYY-MM`, if it is a real one.
fn date_in(s: &str) -> Option<String> {
    let c = DATE.captures(s)?;
    let (y, m) = (&c[1], &c[2]);
    match c.get(3) {
        Some(d) => {
            let ok =
                jiff::civil::Date::new(y.parse().ok()?, m.parse().ok()?, d.as_str().parse().ok()?).is_ok();
            ok.then(|| format!("{y}-{m}-{}", d.as_str()))
        }
        None => Some(format!("{y}-{m}")),
    }
}

/// A page title without the site's name after it ("Dollar gains - BBC
/// News" → "Dollar gains"): the part before the last ` - `, ` | ` or
/// ` — `, when what follows is short.
pub fn strip_site_suffix(title: &str) -> &str {
    let title = title.trim();
    for sep in [" | ", " - ", " — ", " – "] {
        if let Some(at) = title.rfind(sep) {
            let (head, tail) = (&title[..at], &title[at + sep.len()..]);
            if tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 2 {
                return head.trim();
            }
        }
    }
    title
}

fn clean(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// Reads a web page's metadata.
pub fn page_meta(html: &str) -> SourceMeta {
    let doc = Html::parse_document(html);
    let content = |sel: &Selector| doc.select(sel).find_map(|e| e.attr("content").and_then(clean));
    let text = |sel: &Selector| doc.select(sel).find_map(|e| clean(&e.text().collect::<String>()));
    let mut meta = SourceMeta::default();
    if let Some(t) = content(&OG_TITLE) {
        (meta.title, meta.title_from) = (Some(strip_site_suffix(&t).to_string()), Some("og:title"));
    } else if let Some(t) = text(&TITLE) {
        (meta.title, meta.title_from) = (Some(strip_site_suffix(&t).to_string()), Some("<title>"));
    } else if let Some(t) = text(&H1) {
        (meta.title, meta.title_from) = (Some(t), Some("<h1>"));
    }
    if let Some(d) = content(&DATE_META).as_deref().and_then(date_in) {
        (meta.published, meta.published_from) = (Some(d), Some("a meta tag"));
    } else if let Some(d) = doc.select(&TIME).find_map(|e| e.attr("datetime").and_then(date_in)) {
        (meta.published, meta.published_from) = (Some(d), Some("<time datetime>"));
    }
    for e in doc.select(&AUTHOR) {
        let Some(a) = e.attr("content").and_then(clean) else { continue };
        if !a.contains("://") && !meta.authors.contains(&a) {
            meta.authors.push(a);
        }
    }
    meta.language = doc.select(&HTML).find_map(|e| e.attr("lang").and_then(clean));
    meta
}

/// Reads a plain text's metadata: its first non-blank line as the title
/// (a Markdown `#` taken off), when it is short enough to be one.
pub fn text_meta(text: &str) -> SourceMeta {
    let first = text.lines().map(|l| l.trim().trim_start_matches('#').trim()).find(|l| !l.is_empty());
    let title = first.filter(|l| l.chars().count() <= 200).map(str::to_string);
    SourceMeta { title_from: title.as_ref().map(|_| "the first line"), title, ..SourceMeta::default() }
}

/// A date in a file's path (`2005/03/01/story.html`, `bbc-20050301.txt`).
pub fn path_date(path: &Path) -> Option<String> {
    date_in(&path.to_string_lossy())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_says_its_title_date_authors_and_language() {
        let page = "<html lang=\"en-GB\"><head><title>Dollar gains on Greenspan speech - BBC News</title>\
            <meta name=\"author\" content=\"Jane Roe\"><meta property=\"article:author\" content=\"https://x.org/jr\">\
            <meta property=\"article:published_time\" content=\"2005-01-28T10:15:00Z\"></head>\
            <body><h1>Other</h1><time datetime=\"2004-12-01\">then</time></body></html>";
        let m = page_meta(page);
        assert_eq!(m.title.as_deref(), Some("Dollar gains on Greenspan speech"));
        assert_eq!(m.title_from, Some("<title>"));
        assert_eq!(m.published.as_deref(), Some("2005-01-28"));
        assert_eq!(m.authors, ["Jane Roe"]);
        assert_eq!(m.language.as_deref(), Some("en-GB"));
        let m = page_meta("<p>x</p><h1>The  Head</h1><time datetime=\"2004-12-01T09:00\">x</time>");
        assert_eq!((m.title.as_deref(), m.title_from), (Some("The Head"), Some("<h1>")));
        assert_eq!((m.published.as_deref(), m.published_from), (Some("2004-12-01"), Some("<time datetime>")));
        let m = page_meta("<meta property=\"og:title\" content=\"Dollar gains | Site\"><title>T</title>");
        assert_eq!((m.title.as_deref(), m.title_from), (Some("Dollar gains"), Some("og:title")));
    }

    #[test]
    fn site_names_come_off_titles_and_dates_come_from_paths() {
        for (title, want) in [
            ("Dollar gains - BBC News", "Dollar gains"),
            (
                "Ad sales boost Time Warner profit | Business | The Site",
                "Ad sales boost Time Warner profit | Business",
            ),
            ("Well-being - a guide", "Well-being - a guide"),
            ("A title with no site", "A title with no site"),
        ] {
            assert_eq!(strip_site_suffix(title), want, "{title}");
        }
        assert_eq!(path_date(Path::new("news/2005/03/01/a.html")).as_deref(), Some("2005-03-01"));
        assert_eq!(path_date(Path::new("bbc-20050301.txt")).as_deref(), Some("2005-03-01"));
        assert_eq!(path_date(Path::new("business/001.txt")), None);
        assert_eq!(path_date(Path::new("2005-02-30.txt")), None, "not a real day");
        assert_eq!(
            text_meta("\n\n# Ad sales boost profit\n\nText.").title.as_deref(),
            Some("Ad sales boost profit")
        );
    }
}

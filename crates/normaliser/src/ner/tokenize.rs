//! A tokenizer that splits raw text the way CoNLL-2003 is tokenised, so
//! the recogniser sees at run time the tokens it was trained on.
//!
//! Punctuation comes off words ("said," → "said" ","), clitics are split
//! ("Clinton's" → "Clinton" "'s", "doesn't" → "does" "n't"), dashes
//! between words are tokens of their own, and these stay whole: hyphenated
//! words ("Abdel-Rahman"), numbers ("1,000", "3.5"), dotted abbreviations
//! ("U.S.", "K.J."), initials ("O."), listed abbreviations ("Gen.", "Inc.",
//! `data/en/abbreviations.txt`) and names with an apostrophe ("D'Amato",
//! "O'Neil").

use crate::hash::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

/// A token: its **byte** span in the text it was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Token {
    /// The byte range, to slice the text with.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Abbreviations kept with their full stop (without it, as written).
static ABBREVIATIONS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    crate::language::EN
        .abbreviations
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .collect()
});

/// Clitics split off the end of a word, longest first, with a straight
/// and a curly apostrophe (matched case-insensitively).
const CLITICS: [&str; 14] =
    ["n't", "n’t", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'s", "’s", "'d", "’d", "'m", "’m"];

/// Punctuation taken off the front of a word, one token each.
fn is_leading(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '"' | '\'' | '“' | '‘' | '«' | '`' | '„')
}

/// Punctuation taken off the end of a word, one token each (a full stop
/// only when the word is not an abbreviation).
fn is_trailing(c: char) -> bool {
    matches!(c, ')' | ']' | '}' | '"' | '\'' | '”' | '’' | '»' | ',' | ';' | ':' | '!' | '?' | '.')
}

/// Dashes that separate words: a token of their own wherever they are.
fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '―')
}

/// Splits `text` into tokens, in order, with their byte spans.
///
/// ```
/// use corpus_normaliser::tokenize;
/// let text = "Gen. Joseph L. Votel's U.S. Central Command, D'Amato said.";
/// let words: Vec<&str> = tokenize(text).iter().map(|t| &text[t.range()]).collect();
/// assert_eq!(words, ["Gen.", "Joseph", "L.", "Votel", "'s", "U.S.", "Central", "Command", ",", "D'Amato", "said", "."]);
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    tokenize_into(text, &mut out);
    out
}

/// [`tokenize`] into a buffer the caller reuses (cleared first).
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // White space between chunks: ASCII by table, other characters
        // decoded.
        let b = bytes[i];
        if ASCII_SPACE[b as usize] {
            i += 1;
            continue;
        }
        if b >= 0x80 {
            if let Some(len) = unicode_space(text, i) {
                i += len;
                continue;
            }
        }
        // Most chunks are plain words (ASCII letters and digits): a chunk
        // that is all of them up to white space or the end is one token,
        // pushed without reading it again.
        let start = i;
        i += crate::lexicon::ascii_alnum_run(&bytes[i..]);
        let ends = |at: usize| bytes.get(at).is_none_or(|&b| ASCII_SPACE[b as usize]);
        if i > start && ends(i) {
            out.push(Token { start, end: i });
            continue;
        }
        // Next most: such a word and one ASCII punctuation mark that
        // comes off its end ("said,", "Kabul."), split as `chunk` splits
        // it.
        if i > start && bytes[i] < 0x80 && is_trailing(bytes[i] as char) && ends(i + 1) {
            if bytes[i] == b'.' && is_abbreviation(&text[start..i]) {
                out.push(Token { start, end: i + 1 });
            } else {
                out.push(Token { start, end: i });
                out.push(Token { start: i, end: i + 1 });
            }
            i += 1;
            continue;
        }
        // Any other chunk: up to white space or the end, split by `chunk`.
        while i < bytes.len() {
            let b = bytes[i];
            if ASCII_SPACE[b as usize] {
                break;
            }
            if b < 0x80 {
                i += 1;
            } else if unicode_space(text, i).is_some() {
                break;
            } else {
                i += text[i..].chars().next().map_or(1, char::len_utf8);
            }
        }
        chunk(text, start, i, out);
    }
}

/// Whether a byte is ASCII white space (what `char::is_whitespace` says
/// of it; false for every byte of a character outside ASCII).
static ASCII_SPACE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_whitespace() || b == 0x0b;
        b += 1;
    }
    t
};

/// The length of the character at byte `i` of `text` (outside ASCII) if
/// it is white space.
#[cold]
fn unicode_space(text: &str, i: usize) -> Option<usize> {
    text[i..].chars().next().filter(|c| c.is_whitespace()).map(char::len_utf8)
}

/// Tokens of one white-space-free chunk `text[a..b]`.
fn chunk(text: &str, a: usize, b: usize, out: &mut Vec<Token>) {
    let s = &text[a..b];
    // Most chunks are plain words (ASCII letters and digits): one token,
    // nothing to split.
    if s.bytes().all(|c| c.is_ascii_alphanumeric()) {
        out.push(Token { start: a, end: b });
        return;
    }
    // Dashes (and "--") split the chunk wherever they are (the dash
    // characters are three bytes starting 0xE2).
    let maybe_dash = s.bytes().any(|b| b == b'-' || b == 0xe2);
    if let Some((i, len)) = find_dash(s).filter(|_| maybe_dash) {
        if i > 0 {
            chunk(text, a, a + i, out);
        }
        out.push(Token { start: a + i, end: a + i + len });
        if i + len < s.len() {
            chunk(text, a + i + len, b, out);
        }
        return;
    }
    let (mut a, mut b) = (a, b);
    // Leading punctuation, unless the rest is a clitic ("'s" alone).
    while let Some(c) = text[a..b].chars().next() {
        if !is_leading(c) || b - a == c.len_utf8() || clitic_len(&text[a..b]) == b - a {
            break;
        }
        out.push(Token { start: a, end: a + c.len_utf8() });
        a += c.len_utf8();
    }
    // Trailing tokens are found last first: pushed as found, then the
    // word, then this run is reversed (no buffer of its own per chunk).
    let mark = out.len();
    loop {
        let core = &text[a..b];
        let Some(c) = core.chars().next_back() else { break };
        if core.len() == c.len_utf8() {
            break;
        }
        if is_trailing(c) {
            let stem = &core[..core.len() - c.len_utf8()];
            if c == '.' && core.ends_with("...") && core.len() > 3 {
                out.push(Token { start: b - 3, end: b });
                b -= 3;
                continue;
            }
            if c == '.' && !stem.ends_with('.') && is_abbreviation(stem) {
                break;
            }
            out.push(Token { start: b - c.len_utf8(), end: b });
            b -= c.len_utf8();
            continue;
        }
        let n = if core.contains(['\'', '’']) { clitic_len(core) } else { 0 };
        if n > 0 && n < core.len() {
            out.push(Token { start: b - n, end: b });
            b -= n;
            continue;
        }
        break;
    }
    if a < b {
        out.push(Token { start: a, end: b });
    }
    out[mark..].reverse();
}

/// The first dash in `s` (a dash character, or two or more hyphens): its
/// byte offset and length.
fn find_dash(s: &str) -> Option<(usize, usize)> {
    let bytes = s.as_bytes();
    for (i, c) in s.char_indices() {
        if is_dash(c) {
            return Some((i, c.len_utf8()));
        }
        if c == '-' && bytes.get(i + 1) == Some(&b'-') {
            let len = bytes[i..].iter().take_while(|&&b| b == b'-').count();
            return Some((i, len));
        }
    }
    None
}

/// The byte length of a clitic ending `word` ("'s", "n't", …, apostrophe
/// straight or curly), 0 if none. "n't" needs a letter before it.
fn clitic_len(word: &str) -> usize {
    for form in CLITICS {
        if word.len() >= form.len() {
            let cut = word.len() - form.len();
            if word.is_char_boundary(cut) && word[cut..].eq_ignore_ascii_case(form) {
                return form.len();
            }
        }
    }
    0
}

/// A word kept with its full stop: one letter (an initial), letters and
/// dots ("U.S", "K.J", "a.m"), or a listed abbreviation.
fn is_abbreviation(stem: &str) -> bool {
    let mut chars = stem.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => return c.is_alphabetic(),
        (None, _) => return false,
        _ => {}
    }
    if stem.contains('.') && stem.chars().all(|c| c.is_alphabetic() || c == '.') {
        return true;
    }
    ABBREVIATIONS.contains(stem)
}

/// Sentences of a tokenised text, as ranges of token indices: a sentence
/// ends after ".", "!", "?" or "..." before a word that starts with a
/// capital, a digit, a quote or a bracket, at a line break, or after
/// [`MAX_SENTENCE_TOKENS`] tokens.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    for (i, pair) in tokens.windows(2).enumerate() {
        let (tok, next) = (pair[0], pair[1]);
        // The white space between (bytes: a line break is ASCII); most
        // gaps are one space.
        let gap = &bytes[tok.end..next.start];
        let end_here = (gap != b" " && gap.contains(&b'\n'))
            || i + 1 - start >= MAX_SENTENCE_TOKENS
            || (!gap.is_empty() && ends_sentence(&bytes[tok.range()]) && opens_sentence(&text[next.range()]));
        if end_here {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if !tokens.is_empty() {
        out.push(start..tokens.len());
    }
    out
}

/// The longest sentence [`sentences`] gives, in tokens.
pub const MAX_SENTENCE_TOKENS: usize = 200;

fn ends_sentence(tok: &[u8]) -> bool {
    matches!(tok, b"." | b"!" | b"?" | b"...")
}

fn opens_sentence(tok: &str) -> bool {
    tok.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || is_leading(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| &text[t.range()]).collect()
    }

    #[test]
    fn splits_like_conll() {
        let table: &[(&str, &[&str])] = &[
            ("Lisa O. Monaco spoke.", &["Lisa", "O.", "Monaco", "spoke", "."]),
            (
                "K.J. Matthew and Gen. Joseph L. Votel",
                &["K.J.", "Matthew", "and", "Gen.", "Joseph", "L.", "Votel"],
            ),
            ("Alfonse D'Amato met O'Neil's aide", &["Alfonse", "D'Amato", "met", "O'Neil", "'s", "aide"]),
            ("Mr Brown and Ms Hewitt", &["Mr", "Brown", "and", "Ms", "Hewitt"]),
            (
                "the U.S. Central Command (CENTCOM)",
                &["the", "U.S.", "Central", "Command", "(", "CENTCOM", ")"],
            ),
            ("Ahmed Abdel-Rahman doesn't know", &["Ahmed", "Abdel-Rahman", "does", "n't", "know"]),
            ("Jordan Armed Forces – Arab Army", &["Jordan", "Armed", "Forces", "–", "Arab", "Army"]),
            ("forces—Arab Army--said", &["forces", "—", "Arab", "Army", "--", "said"]),
            ("“We won’t,” he said.", &["“", "We", "wo", "n’t", ",", "”", "he", "said", "."]),
            ("the workers' union", &["the", "workers", "'", "union"]),
            ("in the U.S.", &["in", "the", "U.S."]),
            ("in the U.S..", &["in", "the", "U.S.", "."]),
            (
                "Russ Berrie and Co Inc. rose 1,000.5 points...",
                &["Russ", "Berrie", "and", "Co", "Inc.", "rose", "1,000.5", "points", "..."],
            ),
            ("'s", &["'s"]),
            ("\"Hello\"", &["\"", "Hello", "\""]),
        ];
        for (text, want) in table {
            assert_eq!(&words(text), want, "{text}");
        }
    }

    /// The fast paths of `tokenize_into` (a plain word, and a plain word
    /// with one ASCII mark off its end) split as `chunk` does.
    #[test]
    fn fast_paths_split_as_chunk_does() {
        for word in ["said", "Kabul", "Gen", "Inc", "O", "x", "5", "a1", "Mr", "US"] {
            for mark in ["", ")", "]", "}", "\"", "'", ",", ";", ":", "!", "?", "."] {
                let text = format!("{word}{mark}");
                let mut via_chunk = Vec::new();
                chunk(&text, 0, text.len(), &mut via_chunk);
                assert_eq!(tokenize(&text), via_chunk, "{text}");
                let spaced = format!(" {text}\u{a0}{text}\n");
                let shift =
                    |d: usize| via_chunk.iter().map(move |t| Token { start: t.start + d, end: t.end + d });
                let twice: Vec<Token> = shift(1).chain(shift(1 + text.len() + 2)).collect();
                assert_eq!(tokenize(&spaced), twice, "{spaced:?}");
            }
        }
    }

    #[test]
    fn spans_are_bytes_of_the_input() {
        let text = "Ça va, Zoë’s café.";
        for t in tokenize(text) {
            assert!(!text[t.range()].trim().is_empty());
        }
        assert_eq!(words(text), ["Ça", "va", ",", "Zoë", "’s", "café", "."]);
    }

    #[test]
    fn sentences_end_at_stops_before_capitals_and_at_lines() {
        let text = "He met Gen. Smith. Then he left! it was late\nNEW HEADLINE";
        let toks = tokenize(text);
        let got: Vec<String> = sentences(text, &toks)
            .into_iter()
            .map(|r| toks[r].iter().map(|t| &text[t.range()]).collect::<Vec<_>>().join(" "))
            .collect();
        assert_eq!(got, ["He met Gen. Smith .", "Then he left ! it was late", "NEW HEADLINE"]);
    }
}

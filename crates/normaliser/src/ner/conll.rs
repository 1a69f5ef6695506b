//! CoNLL-2003 files: one `token POS chunk NER` line a token, IOB1 tags,
//! a blank line between sentences, `-DOCSTART-` between articles.

use std::ops::Range;

use super::error::{NerError, NerErrorKind};
use super::tokenize::Token;
use super::train::LabelledDocument;
use super::{Entity, EntityKind};

/// Reads a CoNLL-2003 file into documents on the gold tokens: each
/// document's text is its tokens joined by a space, sentences by a line
/// break. IOB1 tags become entities (an `I-X` after another type or after
/// `O` starts one, as a `B-X` does).
pub fn read_conll(text: &str) -> Result<Vec<LabelledDocument>, NerError> {
    let mut docs = Vec::new();
    let mut doc = Builder::default();
    for (n, line) in text.lines().enumerate() {
        let mut fields = line.split_whitespace();
        let Some(token) = fields.next() else {
            doc.end_sentence();
            continue;
        };
        if token == "-DOCSTART-" {
            doc.end_sentence();
            if !doc.doc.tokens.is_empty() {
                docs.push(std::mem::take(&mut doc).doc);
            }
            continue;
        }
        let bad = || NerError::new(NerErrorKind::Conll { line: n + 1, text: line.to_string() });
        let tag = fields.next_back().ok_or_else(bad)?;
        let label = match tag {
            "O" => None,
            _ => {
                let (bio, kind) = tag.split_once('-').ok_or_else(bad)?;
                let kind = EntityKind::from_conll(kind).ok_or_else(bad)?;
                match bio {
                    "B" => Some((true, kind)),
                    "I" => Some((false, kind)),
                    _ => return Err(bad()),
                }
            }
        };
        doc.push(token, label);
    }
    doc.end_sentence();
    if !doc.doc.tokens.is_empty() {
        docs.push(doc.doc);
    }
    Ok(docs)
}

#[derive(Default)]
struct Builder {
    doc: LabelledDocument,
    sentence_start: usize,
    open: Option<(usize, EntityKind)>,
}

impl Builder {
    fn push(&mut self, token: &str, label: Option<(bool, EntityKind)>) {
        let i = self.doc.tokens.len();
        let continues = matches!((label, self.open), (Some((false, k)), Some((_, o))) if k == o);
        if !continues {
            self.close(i);
            if let Some((_, kind)) = label {
                self.open = Some((i, kind));
            }
        }
        if i > self.sentence_start {
            self.doc.text.push(' ');
        } else if i > 0 {
            self.doc.text.push('\n');
        }
        let start = self.doc.text.len();
        self.doc.text.push_str(token);
        self.doc.tokens.push(Token { start, end: self.doc.text.len() });
    }

    fn close(&mut self, end: usize) {
        if let Some((s, k)) = self.open.take() {
            self.doc.entities.push((s..end, k));
        }
    }

    fn end_sentence(&mut self) {
        let end = self.doc.tokens.len();
        self.close(end);
        if end > self.sentence_start {
            self.doc.sentences.push(self.sentence_start..end);
        }
        self.sentence_start = end;
    }
}

/// No space before these tokens when detokenising.
fn attaches_left(t: &str) -> bool {
    matches!(
        t,
        "," | "."
            | ":"
            | ";"
            | "!"
            | "?"
            | ")"
            | "]"
            | "}"
            | "%"
            | "..."
            | "'s"
            | "'S"
            | "n't"
            | "N'T"
            | "'re"
            | "'ve"
            | "'ll"
            | "'d"
            | "'m"
    )
}

/// No space after these tokens.
fn attaches_right(t: &str) -> bool {
    matches!(t, "(" | "[" | "{" | "$")
}

/// The document as running text, the way a writer would have typed it
/// ("said , " → "said, ", "( Reuters )" → "(Reuters)", "Clinton 's" →
/// "Clinton's"; a straight double quote opens and closes in turn), one
/// sentence a line, with the gold entities as byte spans of that text.
pub fn detokenise(doc: &LabelledDocument) -> (String, Vec<Entity>) {
    detokenise_marks(doc, false)
}

/// [`detokenise`] typeset the way most news on the web is: apostrophes
/// as ’ ("Clinton’s", "O’Neill", "don’t"), double quotes as “ and ”, a
/// dash "--" as — and "..." as ….
/// CoNLL-2003 has only the straight marks; this shows what the curly
/// ones cost the recogniser.
pub fn detokenise_typeset(doc: &LabelledDocument) -> (String, Vec<Entity>) {
    detokenise_marks(doc, true)
}

fn detokenise_marks(doc: &LabelledDocument, typeset: bool) -> (String, Vec<Entity>) {
    let mut text = String::with_capacity(doc.text.len());
    let mut spans: Vec<Range<usize>> = Vec::with_capacity(doc.tokens.len());
    for sentence in &doc.sentences {
        if !text.is_empty() {
            text.push('\n');
        }
        let (mut glue, mut quote_open) = (true, false);
        for t in &doc.tokens[sentence.clone()] {
            let tok = &doc.text[t.range()];
            let is_quote = tok == "\"";
            let left = attaches_left(tok) || (is_quote && quote_open);
            if !glue && !left {
                text.push(' ');
            }
            let start = text.len();
            match (typeset, is_quote) {
                (false, _) => text.push_str(tok),
                (true, true) => text.push(if quote_open { '”' } else { '“' }),
                (true, false) => match tok {
                    "--" => text.push('—'),
                    "..." => text.push('…'),
                    _ => text.extend(tok.chars().map(|c| if c == '\'' { '’' } else { c })),
                },
            }
            spans.push(start..text.len());
            glue = attaches_right(tok) || (is_quote && !quote_open);
            if is_quote {
                quote_open = !quote_open;
            }
        }
    }
    let entities = doc
        .entities
        .iter()
        .map(|(r, kind)| Entity { start: spans[r.start].start, end: spans[r.end - 1].end, kind: *kind })
        .collect();
    (text, entities)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "-DOCSTART- -X- -X- O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\ncall NN I-NP O\n, , O O\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n's POS B-NP O\n\" \" O O\nidea NN I-NP O\n\" \" O O\n( ( O O\nBonn NNP I-NP I-LOC\n) ) O O\n\nTom NNP I-NP I-PER\nJohn NNP I-NP B-PER\n";

    #[test]
    fn reads_iob1_into_entities() {
        let docs = read_conll(SAMPLE).expect("valid sample");
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        let got: Vec<(String, EntityKind)> = d
            .entities
            .iter()
            .map(|(r, k)| {
                (d.tokens[r.clone()].iter().map(|t| &d.text[t.range()]).collect::<Vec<_>>().join(" "), *k)
            })
            .collect();
        let want = [
            ("EU", EntityKind::Organization),
            ("German", EntityKind::Misc),
            ("Peter Blackburn", EntityKind::Person),
            ("Bonn", EntityKind::Location),
            ("Tom", EntityKind::Person),
            ("John", EntityKind::Person),
        ];
        assert_eq!(got, want.map(|(s, k)| (s.to_string(), k)));
        assert_eq!(d.sentences, [0..14, 14..16]);
    }

    #[test]
    fn detokenises_with_entity_spans() {
        let docs = read_conll(SAMPLE).expect("valid sample");
        let (text, ents) = detokenise(&docs[0]);
        assert_eq!(text, "EU rejects German call, Peter Blackburn's \"idea\" (Bonn)\nTom John");
        let names: Vec<&str> = ents.iter().map(|e| &text[e.start..e.end]).collect();
        assert_eq!(names, ["EU", "German", "Peter Blackburn", "Bonn", "Tom", "John"]);
    }

    #[test]
    fn typeset_detokenising_curls_apostrophes_and_quotes() {
        let docs = read_conll(SAMPLE).expect("sample parses");
        let (text, ents) = detokenise_typeset(&docs[0]);
        assert_eq!(text, "EU rejects German call, Peter Blackburn’s “idea” (Bonn)\nTom John");
        let got: Vec<&str> = ents.iter().map(|e| &text[e.start..e.end]).collect();
        assert_eq!(got, ["EU", "German", "Peter Blackburn", "Bonn", "Tom", "John"]);
    }

    #[test]
    fn a_line_without_a_tag_is_an_error() {
        let err = read_conll("EU NNP I-NP I-ORG\nrejects VBZ I-VP X-FOO\n").expect_err("bad tag");
        assert_eq!(err.kind(), &NerErrorKind::Conll { line: 2, text: "rejects VBZ I-VP X-FOO".into() });
    }
}

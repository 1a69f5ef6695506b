//! Prints the blocks of a source file, one a line: `cargo run --example
//! blocks -p corpus-parser -- FILE [TITLE]`. A tool for checking the
//! parser's decisions on a new document by eye.
use corpus_parser::{decode, parse_blocks, Hints};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: blocks FILE [TITLE]")?;
    let title = args.next();
    let bytes = std::fs::read(&path)?;
    let text = decode(path.as_ref(), &bytes)?;
    let hints = Hints { title: title.as_deref(), ..Hints::default() };
    for b in parse_blocks(text, &hints) {
        let content: String = text[b.content.clone()].chars().take(90).collect();
        let label = b.label.as_deref().unwrap_or("");
        println!("{:>12} {:>4} {content}", b.kind.as_str(), label);
    }
    Ok(())
}

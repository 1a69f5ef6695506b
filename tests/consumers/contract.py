"""The table contract, written out by hand from DESIGN.md: the columns and
types users rely on. The tests compare the exports with this, not with
the project's own schema code, so a change to the Rust schema that breaks
users fails here."""

STR, INT, BOOL, DATE, LIST_STR, LIST_INT = "str", "int", "bool", "date", "list_str", "list_int"

CONTRACT = {
    "documents": {
        "doc_id": STR, "title": STR, "publisher": STR, "authors": LIST_STR,
        "published": DATE, "published_precision": STR, "date_inferred": BOOL,
        "url": STR, "genre": STR, "language": STR, "licence": STR,
        "source_file": STR, "source_sha256": STR, "source_bytes": INT,
        "text_sha256": STR, "chars": INT, "words": INT, "quality_flags": LIST_STR,
        "text": STR,
    },
    "segments": {
        "doc_id": STR, "seq": INT, "kind": STR, "label": STR, "start": INT,
        "end": INT, "source_start": INT, "source_end": INT, "text": STR,
    },
    "actors": {
        "actor_id": STR, "name": STR, "type": STR, "category": STR, "aliases": LIST_STR,
        "curated": BOOL, "mentions": INT, "documents": INT,
    },
    "mentions": {
        "doc_id": STR, "actor_id": STR, "surface": STR, "start": INT, "end": INT,
        "source_start": INT, "source_end": INT, "segment_seq": INT, "title": STR,
    },
    "quotes": {
        "quote_id": STR, "doc_id": STR, "seq": INT, "text": STR, "start": INT, "end": INT,
        "source_start": INT, "source_end": INT, "segment_seq": INT, "mark": STR,
        "speaker": STR, "speaker_actor_id": STR, "speaker_affiliation_id": STR,
        "speaker_kind": STR, "cue": STR,
    },
    "events": {
        "event_id": STR, "doc_id": STR, "seq": INT, "date_text": STR, "date_start": DATE,
        "date_end": DATE, "precision": STR, "event_type": STR, "trigger": STR, "actor_ids": LIST_STR,
        "sentence": STR, "start": INT, "end": INT, "source_start": INT, "source_end": INT,
    },
}

# Columns only the Parquet edition has.
PARQUET_ONLY = {"documents": {"text"}}

# For each table with offsets: the column that must equal documents.text[start:end].
SPAN_TEXT = {"segments": "text", "mentions": "surface", "quotes": "text", "events": "sentence"}

# Keys users join on: (table, column) -> (table, column). List columns are joined per item.
FOREIGN_KEYS = {
    ("segments", "doc_id"): ("documents", "doc_id"),
    ("mentions", "doc_id"): ("documents", "doc_id"),
    ("mentions", "actor_id"): ("actors", "actor_id"),
    ("quotes", "doc_id"): ("documents", "doc_id"),
    ("quotes", "speaker_actor_id"): ("actors", "actor_id"),
    ("quotes", "speaker_affiliation_id"): ("actors", "actor_id"),
    ("events", "doc_id"): ("documents", "doc_id"),
    ("events", "actor_ids"): ("actors", "actor_id"),
}

PRIMARY_KEYS = {
    "documents": ["doc_id"], "segments": ["doc_id", "seq"], "actors": ["actor_id"], "mentions": ["doc_id", "start"],
    "quotes": ["quote_id"], "events": ["event_id"],
}

GUARD_START = ("=", "+", "-", "@", "\t", "\r", "\n", "'")


def unguard(cell: str) -> str:
    """Removes the CSV formula guard: one leading ' before a guarded start."""
    if cell.startswith("'") and cell[1:].startswith(GUARD_START):
        return cell[1:]
    return cell

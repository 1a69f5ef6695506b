//! The date reader on arbitrary text. Invariants: no panic; expressions
//! in order, on char boundaries, with ordered periods.
#![no_main]

use corpus_normaliser::{find_dates, DateContext, DatePrecision, YearState};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for (published, day_first) in [(None, false), (Some((jiff::civil::date(2021, 2, 28), DatePrecision::Day)), true)] {
        let ctx = DateContext { published, day_first };
        let mut years = YearState::default();
        let mut last = 0;
        for d in find_dates(text, &ctx, &mut years) {
            assert!(d.start >= last && d.start < d.end && d.end <= text.len());
            assert!(text.is_char_boundary(d.start) && text.is_char_boundary(d.end));
            assert!(d.first <= d.last);
            last = d.start;
        }
    }
});

use chrono::NaiveDate;
use dyad_core::EventDate;
use dyad_text::Token;
#[derive(Clone, Debug, PartialEq)]
pub struct DateMention { pub start: usize, pub end: usize, pub date: EventDate, pub text: String }
pub fn find_dates(_t: &[Token], _x: &str, _p: Option<NaiveDate>) -> Vec<DateMention> { Vec::new() }

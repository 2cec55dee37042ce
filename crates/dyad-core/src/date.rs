use std::fmt;

use chrono::{Datelike, NaiveDate};

/// An event date at the precision the text supports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventDate {
    /// A calendar day, `2025-04-10`.
    Day(NaiveDate),
    /// A month, `2025-02`.
    Month {
        /// Year.
        year: i32,
        /// Month, 1 to 12.
        month: u32,
    },
    /// A year, `2023`.
    Year(i32),
}

impl EventDate {
    /// The first day the date can mean (for sorting and range queries).
    pub fn first_day(self) -> Option<NaiveDate> {
        match self {
            EventDate::Day(d) => Some(d),
            EventDate::Month { year, month } => NaiveDate::from_ymd_opt(year, month, 1),
            EventDate::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1),
        }
    }

    /// The year of the date.
    pub fn year(self) -> i32 {
        match self {
            EventDate::Day(d) => d.year(),
            EventDate::Month { year, .. } => year,
            EventDate::Year(y) => y,
        }
    }
}

impl fmt::Display for EventDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EventDate::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            EventDate::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            EventDate::Year(y) => write!(f, "{y:04}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_at_its_precision() {
        let day = EventDate::Day(NaiveDate::from_ymd_opt(2025, 4, 10).unwrap());
        assert_eq!(day.to_string(), "2025-04-10");
        assert_eq!(EventDate::Month { year: 2025, month: 2 }.to_string(), "2025-02");
        assert_eq!(EventDate::Year(2023).to_string(), "2023");
    }
}

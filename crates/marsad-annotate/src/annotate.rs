//! `annotate`: quotes, quantities and dates of one article over one shared
//! tokenization, in the order they depend on each other (date spans are
//! excluded from quantities).

use crate::dates::{self, DateMention};
use crate::doc::Doc;
use crate::entities::EntityMention;
use crate::quantities::{self, Quantity};
use crate::quotes::{self, Quote};
use chrono::NaiveDate;
use serde::Serialize;

/// The three annotators' output for one article (spans are bytes of its text).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Annotations {
    pub quotes: Vec<Quote>,
    pub quantities: Vec<Quantity>,
    pub dates: Vec<DateMention>,
    /// The date relative expressions were resolved against (publication date,
    /// else dateline, else the latest full date in the text).
    pub reference_date: Option<NaiveDate>,
}

/// Annotate `text`. `published` resolves relative dates (see
/// [`dates::reference_date`] for the fallbacks); `mentions` (may be empty) are
/// entity mentions that give speakers canonical names.
pub fn annotate(
    text: &str,
    published: Option<NaiveDate>,
    mentions: &[EntityMention],
) -> Annotations {
    let doc = Doc::new(text);
    let reference = dates::reference_date(&doc, published);
    let dates = dates::dates(&doc, reference);
    let date_spans: Vec<_> = dates.iter().map(|d| d.span).collect();
    let quantities = quantities::quantities(&doc, &date_spans);
    let quotes = quotes::quotes(&doc, mentions);
    Annotations { quotes, quantities, dates, reference_date: reference }
}

//! Page counts of Word and OpenDocument files, which have no pages until they are laid out.
//!
//! The count the file stores (`docProps/app.xml` `Pages`, ODT `meta:page-count`) is a claim
//! of the last program that saved it: python-docx always writes 1 (with `Words` 0), a document
//! edited by a program that does not lay it out keeps a stale count, some generators write
//! none. [`decide`] keeps the stored count when it is plausible for the text, and otherwise
//! estimates it from the text and the layout (paragraph lengths, headings, explicit page and
//! section breaks, the page size and margins, the page breaks the last layout left in the
//! file), with a range wide enough that a page limit is only judged when the whole range is
//! on one side of it.

use crate::say;
use crate::vocabulary::Lang;
use serde::{Deserialize, Serialize};

/// One paragraph as the layout sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Shape {
    /// Characters of text.
    pub chars: usize,
    /// A heading (taller lines, more space around).
    pub heading: bool,
    /// Starts on a new page (explicit page break, `pageBreakBefore`, a section that starts a
    /// new page, `fo:break-before="page"`).
    pub break_before: bool,
}

/// The text area of the page, in points. Defaults to A4 with 2.5 cm margins (Word's French
/// default) when the file does not say.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometry {
    pub width: f32,
    pub height: f32,
}

impl Default for Geometry {
    fn default() -> Self {
        Geometry::from_page(595.3, 841.9, [70.9; 4])
    }
}

impl Geometry {
    /// The text area of a page of `width` × `height` points with margins top, right, bottom,
    /// left. Absurd values (a zero or negative area) fall back to the default.
    pub fn from_page(width: f32, height: f32, margins: [f32; 4]) -> Geometry {
        let [top, right, bottom, left] = margins;
        let w = width - left - right;
        let h = height - top - bottom;
        if w.is_finite() && h.is_finite() && w >= 72.0 && h >= 72.0 {
            Geometry {
                width: w,
                height: h,
            }
        } else {
            // The default page is valid: this does not recurse again.
            Geometry::default()
        }
    }
}

/// Why the stored count was not kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Distrust {
    /// The file stores no page count.
    Missing,
    /// It stores 0 pages, or 0 words for a text that has some (python-docx, generators that
    /// copy a template's statistics).
    NoStatistics,
    /// Fewer pages than the explicit breaks or the last layout's breaks make.
    FewerThanBreaks,
    /// More words per page than any page holds (1 page for thousands of words).
    TooDense,
}

impl Distrust {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Distrust::Missing => lang.t("aucun nombre de pages enregistré", "no page count stored"),
            Distrust::NoStatistics => lang.t(
                "statistiques du fichier vides (0 page ou 0 mot)",
                "the file's statistics are empty (0 page or 0 word)",
            ),
            Distrust::FewerThanBreaks => lang.t(
                "nombre enregistré inférieur aux sauts de page du document",
                "stored count lower than the document's page breaks",
            ),
            Distrust::TooDense => lang.t(
                "nombre enregistré trop faible pour la longueur du texte",
                "stored count too low for the length of the text",
            ),
        }
    }
}

/// A page count estimated from the text, with the figures it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageEstimate {
    /// The most likely count.
    pub pages: u32,
    /// The count is very likely within `low..=high`.
    pub low: u32,
    pub high: u32,
    pub words: u32,
    /// Explicit page and section breaks.
    pub breaks: u32,
    /// Page breaks the last layout left in the file.
    pub rendered: u32,
    /// What the file stored, if anything.
    pub stored: Option<u32>,
    pub why: Distrust,
}

impl PageEstimate {
    /// The figures, in French, for a finding.
    pub fn describe(&self, lang: Lang) -> String {
        let stored = match self.stored {
            Some(n) => say!(
                lang,
                ", le fichier en déclare {n}",
                ", the file declares {n}"
            ),
            None => String::new(),
        };
        let (pages, low, high, words, breaks) =
            (self.pages, self.low, self.high, self.words, self.breaks);
        let why = self.why.label(lang);
        say!(
            lang,
            "environ {pages} page(s) estimée(s), entre {low} et {high} ({words} mots, {breaks} saut(s) de page{stored}) ; {why}",
            "about {pages} page(s) estimated, between {low} and {high} ({words} words, {breaks} page break(s){stored}); {why}"
        )
    }
}

/// Body text: 11 pt, about half an em per character on average, 1.15 line spacing and 8 pt
/// after each paragraph (Word's defaults since 2007; LibreOffice's are close).
const FONT_PT: f32 = 11.0;
const CHAR_PT: f32 = FONT_PT * 0.5;
const LINE_PT: f32 = FONT_PT * 1.15 * 1.17;
const PARAGRAPH_GAP_PT: f32 = 8.0;
/// A heading: a larger line and space before and after.
const HEADING_PT: f32 = 16.0 * 1.2 + 18.0;
/// More words than this per page of text is not a real page (8 pt text, no margin).
const MAX_WORDS_PER_PAGE: u32 = 1_100;

/// The most likely page count of these paragraphs, and its range. `rendered` is the number
/// of page breaks the last layout wrote into the file (Word's `lastRenderedPageBreak`,
/// LibreOffice's `soft-page-break`): when present, the document had at least that many
/// pages plus one.
pub fn estimate(
    paragraphs: &[Shape],
    geometry: Geometry,
    rendered: u32,
    words: u32,
) -> PageEstimate {
    let chars_per_line = (geometry.width / CHAR_PT).max(10.0);
    let mut pages: u32 = 1;
    let mut used = 0.0f32;
    let mut breaks = 0u32;
    for (i, p) in paragraphs.iter().enumerate() {
        if p.break_before && i > 0 {
            breaks += 1;
            pages = pages.saturating_add(1);
            used = 0.0;
        }
        let height = if p.heading {
            HEADING_PT
        } else {
            let lines = (p.chars as f32 / chars_per_line).ceil().max(1.0);
            lines * LINE_PT + PARAGRAPH_GAP_PT
        };
        used += height;
        while used > geometry.height {
            pages = pages.saturating_add(1);
            used -= geometry.height;
        }
    }
    let pages = pages.max(rendered.saturating_add(1));
    // Fonts, tables, images and spacing move a real count by a third either way; explicit
    // breaks and the last layout's breaks are certain lower bounds.
    let low = ((pages as f32 * 0.7).floor() as u32)
        .max(breaks + 1)
        .max(rendered.saturating_add(1))
        .min(pages);
    let high = (pages as f32 * 1.4).ceil() as u32 + 1;
    PageEstimate {
        pages,
        low,
        high,
        words,
        breaks,
        rendered,
        stored: None,
        why: Distrust::Missing,
    }
}

/// The stored count when it is plausible, else why not. `stored_words` is the word count the
/// file stores beside its page count.
pub fn distrust(
    stored: Option<u32>,
    stored_words: Option<u32>,
    estimate: &PageEstimate,
) -> Option<Distrust> {
    let Some(stored) = stored else {
        return Some(Distrust::Missing);
    };
    let has_words = estimate.words >= 50;
    if stored == 0 || (stored_words == Some(0) && has_words) {
        return Some(Distrust::NoStatistics);
    }
    if stored <= estimate.breaks || stored <= estimate.rendered {
        return Some(Distrust::FewerThanBreaks);
    }
    if estimate.words / stored > MAX_WORDS_PER_PAGE {
        return Some(Distrust::TooDense);
    }
    None
}

/// The count to judge: the stored one when plausible, else the estimate (returned beside it).
pub fn decide(
    stored: Option<u32>,
    stored_words: Option<u32>,
    mut estimate: PageEstimate,
) -> (Option<u32>, Option<PageEstimate>) {
    match distrust(stored, stored_words, &estimate) {
        None => (stored, None),
        Some(why) => {
            estimate.stored = stored;
            estimate.why = why;
            (Some(estimate.pages), Some(estimate))
        }
    }
}

/// Words of `text`: runs of letters or digits.
pub fn count_words(text: &str) -> u32 {
    let n = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count();
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(n: usize, chars: usize) -> Vec<Shape> {
        vec![
            Shape {
                chars,
                ..Shape::default()
            };
            n
        ]
    }

    #[test]
    fn a_page_of_text_is_one_page_and_breaks_add_pages() {
        // 12 paragraphs of 400 characters: about 60 lines, a page or a little more.
        let e = estimate(&body(12, 400), Geometry::default(), 0, 700);
        assert!((1..=2).contains(&e.pages), "{e:?}");
        let mut broken = body(3, 100);
        broken[1].break_before = true;
        broken[2].break_before = true;
        let e = estimate(&broken, Geometry::default(), 0, 60);
        assert_eq!((e.pages, e.breaks, e.low), (3, 2, 3));
    }

    #[test]
    fn a_long_document_is_many_pages_within_its_range() {
        // 1,500 paragraphs of 330 characters (≈ 80,000 words): a 180-page report is in range.
        let e = estimate(&body(1500, 330), Geometry::default(), 0, 80_000);
        assert!(e.low <= 180 && 180 <= e.high, "{e:?}");
        // The last layout's breaks are a floor.
        let e = estimate(&body(2, 100), Geometry::default(), 9, 40);
        assert_eq!((e.pages, e.low), (10, 10));
    }

    #[test]
    fn stored_counts_are_kept_when_plausible() {
        let e = estimate(&body(300, 600), Geometry::default(), 0, 30_000);
        assert_eq!(distrust(Some(e.pages), Some(30_000), &e), None);
        assert_eq!(distrust(None, None, &e), Some(Distrust::Missing));
        assert_eq!(distrust(Some(1), Some(0), &e), Some(Distrust::NoStatistics));
        assert_eq!(
            distrust(Some(1), Some(30_000), &e),
            Some(Distrust::TooDense)
        );
        let mut broken = body(5, 10);
        broken.iter_mut().for_each(|p| p.break_before = true);
        let e = estimate(&broken, Geometry::default(), 0, 5);
        assert_eq!(
            distrust(Some(2), Some(5), &e),
            Some(Distrust::FewerThanBreaks)
        );
        let (pages, est) = decide(
            Some(1),
            Some(0),
            estimate(&body(300, 600), Geometry::default(), 0, 30_000),
        );
        assert_eq!(pages, est.map(|e| e.pages));
        assert_eq!(
            est.map(|e| (e.stored, e.why)),
            Some((Some(1), Distrust::NoStatistics))
        );
    }

    #[test]
    fn absurd_margins_fall_back_to_a4() {
        let g = Geometry::from_page(100.0, 100.0, [80.0; 4]);
        assert_eq!(g, Geometry::default());
        assert_eq!(count_words("Lot n°2 : l'hébergement, 30/06/2027"), 8);
    }
}

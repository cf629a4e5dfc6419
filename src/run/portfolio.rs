//! The cross-bid rules over several bids of one company, per consultation: load the bids,
//! group them by consultation and phase, judge each group with its packs, describe each bid in
//! the header, and assemble one report.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::dates::{DateSpec, long};
use crate::engine;
use crate::inventory::{self, deposit::MANIFEST_NAME};
use crate::manifest::{self, LoadedManifest};
use crate::pack;
use crate::portfolio::{Bid, run};
use crate::report::i18n::Lang;
use crate::report::{Notice, PackRef, Report, RuleResult};
use crate::text::human_size;

use super::RunError;
use super::request::PortfolioRequest;
use super::target::Target;

/// The portfolio report of `req`.
pub fn portfolio(req: &PortfolioRequest) -> Result<Report, RunError> {
    let bids = load_bids(&req.bids)?;
    let groups = group(&bids, &req.packs);
    let judged = judge(&bids, &groups, &req.packs, req.lang)?;
    let headers = describe(&bids, &judged.deadlines, req.lang);
    let mut report = run::report(judged.packs, &headers.lines, judged.results, judged.notices);
    report.bid.files = headers.files;
    report.bid.bytes = headers.bytes;
    let differ = req.lang.t("voir chaque réponse", "see each bid");
    let phases: Vec<Option<&str>> = bids.iter().map(LoadedBid::phase).collect();
    report.bid.phase = shared(&phases, differ).map(str::to_string);
    let deadlines: Vec<Option<&str>> = judged.deadlines.iter().map(Option::as_deref).collect();
    report.bid.deadline = shared(&deadlines, differ).map(str::to_string);
    Ok(report)
}

/// One bid of the portfolio, its manifest loaded.
struct LoadedBid {
    /// A deposit zip's manifest is read from its laid-out copy, kept until the end of the run.
    target: Target,
    manifest_path: PathBuf,
    manifest: LoadedManifest,
}

impl LoadedBid {
    fn phase(&self) -> Option<&'static str> {
        self.manifest.manifest.phase.map(|p| p.as_str())
    }
}

fn load_bids(dirs: &[PathBuf]) -> Result<Vec<LoadedBid>, RunError> {
    dirs.iter()
        .map(|dir| {
            let target = Target::resolve(dir)?;
            if !target.dir().is_dir() {
                return Err(RunError::FolderMissing {
                    dir: dir.clone(),
                    help: None,
                });
            }
            let manifest_path = target.dir().join(MANIFEST_NAME);
            let manifest = manifest::load(&manifest_path)?;
            Ok(LoadedBid {
                target,
                manifest_path,
                manifest,
            })
        })
        .collect()
}

/// The bids (by index) of each consultation and phase: the rules of one consultation apply to
/// its bids only, and a groupement's candidature and offer folders are one candidacy, not two.
/// With packs named for every bid, they are the consultation.
type Groups = BTreeMap<(String, Option<&'static str>), Vec<usize>>;

fn group(bids: &[LoadedBid], packs: &[String]) -> Groups {
    let mut groups = Groups::new();
    for (i, bid) in bids.iter().enumerate() {
        let key = if packs.is_empty() {
            bid.manifest.manifest.consultation.clone()
        } else {
            packs.join("+")
        };
        groups.entry((key, bid.phase())).or_default().push(i);
    }
    groups
}

/// What judging every group gave.
struct Judged {
    results: Vec<RuleResult>,
    notices: Vec<Notice>,
    /// Every pack used, once.
    packs: Vec<PackRef>,
    /// Each bid's deadline (by index): its manifest's, else its pack's for its phase.
    deadlines: Vec<Option<String>>,
}

fn judge(
    bids: &[LoadedBid],
    groups: &Groups,
    packs: &[String],
    lang: Lang,
) -> Result<Judged, RunError> {
    let phases_of = |c: &str| groups.keys().filter(|(k, _)| k == c).count();
    let mut judged = Judged {
        results: Vec::new(),
        notices: Vec::new(),
        packs: Vec::new(),
        deadlines: vec![None; bids.len()],
    };
    for ((consultation, phase), members) in groups {
        // Pack paths in a manifest are relative to it; on the command line, to the current
        // directory.
        let (specs, base) = if packs.is_empty() {
            let first = &bids[members[0]].manifest_path;
            (
                vec![consultation.clone()],
                first.parent().map(Path::to_path_buf).unwrap_or_default(),
            )
        } else {
            (packs.to_vec(), PathBuf::from("."))
        };
        let set = pack::load(&specs, &base)?;
        for &i in members {
            let m = &bids[i].manifest;
            judged.deadlines[i] = m
                .deadline
                .clone()
                .or_else(|| m.manifest.phase.and_then(|p| set.deadline_for(p).cloned()))
                .map(|d| d.raw);
        }
        let group_bids: Vec<Bid> = members
            .iter()
            .map(|&i| Bid {
                name: bids[i].target.shown(),
                manifest_display: bids[i].target.manifest_shown(),
                manifest: &bids[i].manifest,
            })
            .collect();
        let (mut results, notices) = run::evaluate(&set, &group_bids, lang);
        // A consultation judged in two phases: say which one each result is for.
        if phases_of(consultation) > 1 {
            for r in &mut results {
                r.title = format!("{} — phase {}", r.title, phase.unwrap_or("?"));
            }
        }
        judged.results.extend(results);
        judged.notices.extend(notices);
        for p in engine::pack_refs(&set) {
            if !judged.packs.iter().any(|x| x.id == p.id) {
                judged.packs.push(p);
            }
        }
    }
    Ok(judged)
}

/// The header's lines, one per bid, and the bids' totals.
struct Headers {
    lines: Vec<String>,
    files: usize,
    bytes: u64,
}

/// Each bid named with its phase, deadline and size, so that a reader sees which bids were
/// compared; the counts of files and bytes are the bids' totals.
fn describe(bids: &[LoadedBid], deadlines: &[Option<String>], l: Lang) -> Headers {
    let mut headers = Headers {
        lines: Vec::new(),
        files: 0,
        bytes: 0,
    };
    for (bid, deadline) in bids.iter().zip(deadlines) {
        let inv = inventory::scan(bid.target.dir(), &[MANIFEST_NAME.to_string()]);
        headers.files += inv.files.len();
        headers.bytes += inv.total_bytes();
        // As a person writes it; as written when it does not parse.
        let deadline = deadline.as_deref().map_or_else(
            || "?".to_string(),
            |d| DateSpec::parse(d).map_or_else(|_| d.to_string(), |d| long(&d, l)),
        );
        headers.lines.push(format!(
            "{} ({} {}, {} {deadline}, {} {}, {})",
            bid.target.shown(),
            l.t("phase", "phase"),
            bid.phase().unwrap_or("?"),
            l.t("date limite", "deadline"),
            inv.files.len(),
            l.t("fichier(s)", "file(s)"),
            human_size(inv.total_bytes(), l)
        ));
    }
    headers
}

/// The value every bid has, else `differ` when they differ (each is in the header), else None
/// when none has one.
fn shared<'a>(values: &[Option<&'a str>], differ: &'a str) -> Option<&'a str> {
    match values.first().copied().flatten() {
        Some(first) if values.iter().all(|v| *v == Some(first)) => Some(first),
        _ if values.iter().any(Option::is_some) => Some(differ),
        _ => None,
    }
}

//! `bidlint portfolio DIR...`: the cross-bid rules over several bids, per consultation.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use miette::miette;

use bidlint::engine;
use bidlint::inventory::{self, deposit::MANIFEST_NAME};
use bidlint::manifest::{self, LoadedManifest};
use bidlint::pack;
use bidlint::portfolio::{Bid, run};
use bidlint::report::PackRef;
use bidlint::text::human_size;

use super::PortfolioArgs;
use super::output;
use super::target::Target;

pub fn run(args: &PortfolioArgs) -> Result<ExitCode, miette::Report> {
    let dirs: Vec<&Path> = args.dirs.iter().map(|d| d.as_path()).collect();
    output::check_destination(&args.report, &dirs)?;
    let mut loaded: Vec<(String, PathBuf, LoadedManifest, String)> = Vec::new();
    // A deposit zip's manifest is read from its laid-out copy, kept until the end of the run.
    let mut targets: Vec<Target> = Vec::new();
    for dir in &args.dirs {
        let target = Target::resolve(dir)?;
        if !target.dir().is_dir() {
            return Err(miette!("dossier introuvable : {}", dir.display()));
        }
        let path = target.dir().join("bid.yaml");
        let m = manifest::load(&path)?;
        loaded.push((target.shown(), path, m, target.manifest_shown()));
        targets.push(target);
    }
    // Bids are grouped by consultation and phase: the rules of one consultation apply to its
    // bids only, and a groupement's candidature and offer folders are one candidacy, not two.
    let mut groups: BTreeMap<(String, Option<&str>), Vec<usize>> = BTreeMap::new();
    for (i, (_, _, m, _)) in loaded.iter().enumerate() {
        let key = if args.packs.is_empty() {
            m.manifest.consultation.clone()
        } else {
            args.packs.join("+")
        };
        let phase = m.manifest.phase.map(|p| p.as_str());
        groups.entry((key, phase)).or_default().push(i);
    }
    let phases_of = |c: &str| groups.keys().filter(|(k, _)| k == c).count();
    // Each bid's deadline: its manifest's, else its pack's for its phase.
    let mut deadlines: Vec<Option<String>> = vec![None; loaded.len()];
    let mut results = Vec::new();
    let mut notices = Vec::new();
    let mut packs: Vec<PackRef> = Vec::new();
    for ((consultation, phase), members) in &groups {
        let (specs, base) = if args.packs.is_empty() {
            let first = &loaded[members[0]].1;
            (
                vec![consultation.clone()],
                first.parent().map(Path::to_path_buf).unwrap_or_default(),
            )
        } else {
            (args.packs.clone(), PathBuf::from("."))
        };
        let set = pack::load(&specs, &base)?;
        for &i in members {
            let m = &loaded[i].2;
            let p = m.manifest.phase;
            deadlines[i] = m
                .deadline
                .clone()
                .or_else(|| p.and_then(|p| set.deadline_for(p).cloned()))
                .map(|d| d.raw);
        }
        let bids: Vec<Bid> = members
            .iter()
            .map(|&i| {
                let (name, _, m, shown) = &loaded[i];
                Bid {
                    name: name.clone(),
                    manifest_display: shown.clone(),
                    manifest: m,
                }
            })
            .collect();
        let (mut r, n) = run::evaluate(&set, &bids);
        if phases_of(consultation) > 1 {
            for x in &mut r {
                x.title = format!("{} — phase {}", x.title, phase.unwrap_or("?"));
            }
        }
        results.extend(r);
        notices.extend(n);
        for p in engine::pack_refs(&set) {
            if !packs.iter().any(|x| x.id == p.id) {
                packs.push(p);
            }
        }
    }
    // The header names each bid with its phase, deadline and size, so that a reader sees
    // which bids were compared; the counts of files and bytes are the bids' totals.
    let mut headers: Vec<String> = Vec::new();
    let (mut files, mut bytes) = (0, 0);
    for (i, (name, _, m, _)) in loaded.iter().enumerate() {
        let inv = inventory::scan(targets[i].dir(), &[MANIFEST_NAME.to_string()]);
        files += inv.files.len();
        bytes += inv.total_bytes();
        let l = args.report.lang.lang();
        headers.push(format!(
            "{name} ({} {}, {} {}, {} {}, {})",
            l.t("phase", "phase"),
            m.manifest.phase.map_or("?", |p| p.as_str()),
            l.t("date limite", "deadline"),
            deadlines[i].as_deref().unwrap_or("?"),
            inv.files.len(),
            l.t("fichier(s)", "file(s)"),
            human_size(inv.total_bytes())
        ));
    }
    let mut report = run::report(packs, &headers, results, notices);
    report.bid.files = files;
    report.bid.bytes = bytes;
    let phases: Vec<Option<&str>> = loaded
        .iter()
        .map(|(_, _, m, _)| m.manifest.phase.map(|p| p.as_str()))
        .collect();
    let differ = args
        .report
        .lang
        .lang()
        .t("voir chaque réponse", "see each bid");
    report.bid.phase = shared(&phases, differ).map(str::to_string);
    let deadlines: Vec<Option<&str>> = deadlines.iter().map(Option::as_deref).collect();
    report.bid.deadline = shared(&deadlines, differ).map(str::to_string);
    output::deliver(&report, &args.report)
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

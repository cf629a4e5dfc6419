//! Read every document of the folder: the cache first, then `jobs` worker processes at a
//! time, largest files first (so that the longest reading starts early and does not finish
//! alone at the end). A progress bar on stderr when it is a terminal.

use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use indicatif::{ProgressBar, ProgressStyle};

use super::cache::Cache;
use super::worker::{Failure, Worker};
use super::{DocFacts, DocFormat, MAX_DOCUMENT_BYTES};
use crate::inventory::Inventory;

/// A document's facts, or why it could not be read (in French).
pub type DocResult = Result<Arc<DocFacts>, String>;

/// The facts of each file of the inventory, by index (`None`: not a readable document, or
/// not read because no rule needs it).
#[derive(Debug, Clone, Default)]
pub struct Documents {
    by_file: Vec<Option<DocResult>>,
    /// How many documents were read by workers, and how many came from the cache.
    pub read: usize,
    pub cached: usize,
}

impl Documents {
    pub fn none(files: usize) -> Documents {
        Documents {
            by_file: vec![None; files],
            ..Documents::default()
        }
    }
    pub fn get(&self, file: usize) -> Option<&DocResult> {
        self.by_file.get(file).and_then(Option::as_ref)
    }
    /// The facts, when the document was read successfully.
    pub fn facts(&self, file: usize) -> Option<&DocFacts> {
        self.get(file)
            .and_then(|r| r.as_ref().ok())
            .map(Arc::as_ref)
    }
}

#[cfg(test)]
impl Documents {
    /// What a test says was read, by file index, without any worker or file.
    pub(crate) fn from_results(by_file: Vec<Option<DocResult>>) -> Documents {
        Documents {
            by_file,
            ..Documents::default()
        }
    }
}

#[derive(Debug, Clone)]
pub struct ReadOptions {
    pub worker: Worker,
    pub jobs: usize,
    pub cache: Option<Cache>,
    /// Show a progress bar (only drawn when stderr is a terminal).
    pub progress: bool,
}

pub fn read_all(inv: &Inventory, opts: &ReadOptions) -> Documents {
    let mut order: Vec<(usize, DocFormat)> = inv
        .files
        .iter()
        .enumerate()
        .filter(|(_, f)| f.read_error.is_none() && f.size > 0)
        .filter_map(|(i, f)| DocFormat::of(f.kind).map(|fmt| (i, fmt)))
        .collect();
    order.sort_by_key(|(i, _)| std::cmp::Reverse(inv.files[*i].size));
    let mut docs = Documents::none(inv.files.len());
    if order.is_empty() {
        return docs;
    }
    let bar = progress_bar(order.len() as u64, opts.progress);
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(usize, DocResult, bool)>> = Mutex::new(Vec::new());
    let jobs = opts.jobs.clamp(1, order.len());
    std::thread::scope(|s| {
        for _ in 0..jobs {
            s.spawn(|| {
                loop {
                    let n = next.fetch_add(1, Ordering::Relaxed);
                    let Some(&(i, format)) = order.get(n) else {
                        break;
                    };
                    let path = &inv.files[i].path;
                    bar.set_message(inv.files[i].name.clone());
                    let (result, from_cache) = if inv.files[i].size > MAX_DOCUMENT_BYTES {
                        (Err(too_large(inv.files[i].size)), false)
                    } else {
                        read_one(path, format, opts)
                    };
                    if let Ok(mut r) = results.lock() {
                        r.push((i, result, from_cache));
                    }
                    bar.inc(1);
                }
            });
        }
    });
    bar.finish_and_clear();
    // A poisoned lock means a reading thread panicked: what it pushed before is still sound.
    let results = results.into_inner().unwrap_or_else(|p| p.into_inner());
    for (i, result, from_cache) in results {
        if from_cache {
            docs.cached += 1;
        } else {
            docs.read += 1;
        }
        docs.by_file[i] = Some(result);
    }
    docs
}

fn read_one(path: &std::path::Path, format: DocFormat, opts: &ReadOptions) -> (DocResult, bool) {
    let key = opts.cache.as_ref().and_then(|_| Cache::key(path).ok());
    if let (Some(cache), Some(key)) = (&opts.cache, &key)
        && let Some(hit) = cache.get(key)
    {
        return (hit.map(Arc::new), true);
    }
    let result = opts.worker.read(path, format);
    if let (Some(cache), Some(key)) = (&opts.cache, &key) {
        match &result {
            Ok(facts) => cache.put(key, &Ok(facts.clone())),
            Err(Failure {
                cause,
                deterministic: true,
            }) => cache.put(key, &Err(cause.clone())),
            Err(_) => {}
        }
    }
    (result.map(Arc::new).map_err(|f| f.cause), false)
}

/// Neither read nor hashed: a file this size would hold a worker (and the cache key) for
/// minutes, and no tender platform accepts it anyway.
fn too_large(size: u64) -> String {
    format!(
        "fichier trop volumineux pour être lu ({} Mo, limite {} Mo) : à vérifier à la main",
        size / (1024 * 1024),
        MAX_DOCUMENT_BYTES / (1024 * 1024)
    )
}

fn progress_bar(len: u64, wanted: bool) -> ProgressBar {
    if !wanted || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} lecture des documents {pos}/{len} {wide_msg}")
    {
        bar.set_style(style);
    }
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}

//! Read every document of the folder: the cache first, then `jobs` worker processes at a
//! time, largest files first (so that the longest reading starts early and does not finish
//! alone at the end). How far it has gone is told to a [`Progress`] the caller gives: the
//! library draws nothing.

use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::cache::Cache;
use super::worker::Worker;
use super::{DocFacts, DocFormat, MAX_DOCUMENT_BYTES, ReadFailure};
use crate::inventory::Inventory;

/// A document's facts, or why it could not be read.
pub type DocResult = Result<Arc<DocFacts>, ReadFailure>;

/// Told how the reading of the documents goes, from several reading threads at once.
pub trait Progress: Sync {
    /// `total` documents are about to be read (called only when there is at least one).
    fn start(&self, total: usize);
    /// A reading thread starts on the file called `name`.
    fn reading(&self, name: &str);
    /// One more document is read (or failed).
    fn advance(&self);
    /// Every document is read.
    fn finish(&self);
}

/// Progress nobody watches.
#[derive(Debug, Clone, Copy, Default)]
pub struct Silent;

impl Progress for Silent {
    fn start(&self, _: usize) {}
    fn reading(&self, _: &str) {}
    fn advance(&self) {}
    fn finish(&self) {}
}

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
}

pub fn read_all(inv: &Inventory, opts: &ReadOptions, progress: &dyn Progress) -> Documents {
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
    progress.start(order.len());
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
                    progress.reading(&inv.files[i].name);
                    let size = inv.files[i].size;
                    let (result, from_cache) = if size > MAX_DOCUMENT_BYTES {
                        (Err(ReadFailure::TooLarge { bytes: size }), false)
                    } else {
                        read_one(path, format, opts)
                    };
                    if let Ok(mut r) = results.lock() {
                        r.push((i, result, from_cache));
                    }
                    progress.advance();
                }
            });
        }
    });
    progress.finish();
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
        cache.put(key, &result);
    }
    (result.map(Arc::new), false)
}

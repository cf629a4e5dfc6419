//! Facts already read, kept in the user's cache directory (never in the bid folder), keyed
//! by the SHA-256 of the file's bytes, the tool's version and the facts' layout: a re-run
//! after fixing one file reads only that file. An entry that cannot be read or parsed is ignored and rewritten;
//! a cache that cannot be written is simply not used. Nothing here is ever fatal.
//!
//! Location: `$BIDLINT_CACHE_DIR` when set, else the platform cache directory
//! (`~/.cache/bidlint` on Linux, `~/Library/Caches/bidlint` on macOS,
//! `%LOCALAPPDATA%\bidlint` on Windows). Clearing it is deleting that folder.

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{DocFacts, ReadFailure};

/// The environment variable that moves the cache.
pub const ENV_DIR: &str = "BIDLINT_CACHE_DIR";

/// The layout of [`DocFacts`], raised whenever a field is added or changes meaning: an entry
/// written by an older layout would otherwise parse (a missing `Option` field reads as
/// `None`) and pass a document no rule has judged. 4: a failure is a typed [`ReadFailure`],
/// no longer a sentence (an older entry would not parse, but the folder says it plainly).
/// 5: the readers' failures are said in French (a cached failure keeps the words it was
/// stored with). 6: an ODT image's title and description are lines of their own (a cached
/// text keeps them glued to the caption). 7: notes, text errors and refusals carry their
/// French and English words.
const FORMAT: u32 = 7;

#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
}

#[derive(Serialize, Deserialize)]
struct Entry {
    version: String,
    result: Result<DocFacts, ReadFailure>,
}

impl Cache {
    /// The cache for this version, unless it would lie inside `bid_root` (the folder is
    /// read-only to bidlint) or no cache directory is known.
    pub fn open(bid_root: &Path) -> Option<Cache> {
        let base = std::env::var_os(ENV_DIR)
            .map(PathBuf::from)
            .or_else(|| dirs::cache_dir().map(|d| d.join("bidlint")))?;
        Cache::at(base, bid_root)
    }

    pub fn at(base: PathBuf, bid_root: &Path) -> Option<Cache> {
        let dir = base.join(format!("v{}-f{FORMAT}", env!("CARGO_PKG_VERSION")));
        let inside = |p: &Path| {
            let root = bid_root.canonicalize().ok();
            let mut probe = p.to_path_buf();
            // The cache folder may not exist yet: judge its nearest existing ancestor.
            loop {
                if let (Ok(c), Some(r)) = (probe.canonicalize(), &root) {
                    return c.starts_with(r);
                }
                if !probe.pop() {
                    return false;
                }
            }
        };
        if inside(&dir) {
            return None;
        }
        Some(Cache { dir })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The key of a file: the SHA-256 of its bytes, in hex.
    pub fn key(path: &Path) -> std::io::Result<String> {
        let mut file = File::open(path)?;
        let mut hasher = Sha256::new();
        let mut buf = vec![0u8; 256 * 1024];
        loop {
            let n = file.read(&mut buf)?;
            if n == 0 {
                break;
            }
            hasher.update(&buf[..n]);
        }
        Ok(hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect())
    }

    fn path(&self, key: &str) -> PathBuf {
        let shard = key.get(..2).unwrap_or("00");
        self.dir.join(shard).join(format!("{key}.json"))
    }

    /// What was read before, if the entry is sound.
    pub fn get(&self, key: &str) -> Option<Result<DocFacts, ReadFailure>> {
        let bytes = std::fs::read(self.path(key)).ok()?;
        let entry: Entry = serde_json::from_slice(&bytes).ok()?;
        (entry.version == env!("CARGO_PKG_VERSION")).then_some(entry.result)
    }

    /// Keep a result (a failure only when it [may be cached](ReadFailure::may_be_cached)).
    /// Written to a temporary file then renamed, so a reader never sees half
    /// an entry; errors are ignored (the next run reads the document again).
    pub fn put(&self, key: &str, result: &Result<DocFacts, ReadFailure>) {
        // A failure that depends on the limits or the machine is read again next time.
        if result.as_ref().is_err_and(|f| !f.may_be_cached()) {
            return;
        }
        let path = self.path(key);
        let Some(parent) = path.parent() else { return };
        if std::fs::create_dir_all(parent).is_err() {
            return;
        }
        let entry = Entry {
            version: env!("CARGO_PKG_VERSION").to_string(),
            result: result.clone(),
        };
        let Ok(json) = serde_json::to_vec(&entry) else {
            return;
        };
        // A unique name in the same folder (so that the rename is atomic), removed if the
        // entry is not kept.
        let Ok(mut tmp) = tempfile::Builder::new()
            .prefix(&format!(".{key}."))
            .suffix(".tmp")
            .tempfile_in(parent)
        else {
            return;
        };
        if tmp.write_all(&json).is_ok() {
            let _ = tmp.persist(&path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_corrupt_entries_are_ignored() {
        let base = tempfile::tempdir().unwrap();
        let bid = tempfile::tempdir().unwrap();
        let cache = Cache::at(base.path().to_path_buf(), bid.path()).unwrap();
        let facts = DocFacts {
            pages: Some(2),
            text: "Attestation".into(),
            ..DocFacts::default()
        };
        cache.put("abcdef", &Ok(facts.clone()));
        assert_eq!(cache.get("abcdef"), Some(Ok(facts)));
        let refused = ReadFailure::corrupt(crate::vocabulary::Said::new(
            "PDF illisible",
            "unreadable PDF",
        ));
        cache.put("abff00", &Err(refused.clone()));
        assert_eq!(cache.get("abff00"), Some(Err(refused)));
        std::fs::write(cache.path("abcdef"), b"{ not json").unwrap();
        assert_eq!(cache.get("abcdef"), None);
        assert_eq!(cache.get("000000"), None);
    }

    #[test]
    fn never_inside_the_bid_folder() {
        let bid = tempfile::tempdir().unwrap();
        assert!(Cache::at(bid.path().join("cache"), bid.path()).is_none());
        let elsewhere = tempfile::tempdir().unwrap();
        assert!(Cache::at(elsewhere.path().to_path_buf(), bid.path()).is_some());
    }
}

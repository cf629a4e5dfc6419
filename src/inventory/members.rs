//! Which member of the candidacy a file belongs to: the member's `folder`, else the member's
//! `short` token in the file name, else the manifest's `pieces:` mapping by member.

use crate::manifest::{Manifest, normalize_rel};
use crate::text::{fold, name_tokens, stem};

use super::FileEntry;

pub fn attribute(files: &mut [FileEntry], manifest: &Manifest) {
    let members = manifest.members.as_deref().unwrap_or_default();
    let folders: Vec<Option<String>> = members
        .iter()
        .map(|m| {
            m.folder
                .as_deref()
                .map(|f| fold(&normalize_rel(f)))
                .filter(|f| !f.is_empty())
        })
        .collect();
    let shorts: Vec<Option<String>> = members
        .iter()
        .map(|m| m.short.as_deref().map(fold))
        .collect();
    let mapped: Vec<(String, usize)> = manifest
        .pieces
        .values()
        .flat_map(|p| p.entries())
        .filter_map(|(who, path)| {
            let who = fold(who?);
            let idx = members.iter().position(|m| {
                m.short.as_deref().map(fold).as_deref() == Some(who.as_str())
                    || fold(&m.name) == who
            })?;
            Some((normalize_rel(path), idx))
        })
        .collect();

    for f in files.iter_mut() {
        let rel = fold(&f.rel);
        let by_folder = folders.iter().position(|folder| {
            folder
                .as_deref()
                .is_some_and(|d| rel.starts_with(d) && rel[d.len()..].starts_with('/'))
        });
        f.member = by_folder
            .or_else(|| by_token(&f.name, &shorts))
            .or_else(|| mapped.iter().find(|(p, _)| *p == f.rel).map(|(_, i)| *i));
    }
}

/// The one member whose token appears in the name; none when two members' tokens do.
fn by_token(name: &str, shorts: &[Option<String>]) -> Option<usize> {
    let folded = fold(stem(name));
    let tokens: Vec<&str> = name_tokens(&folded).collect();
    let mut found = shorts
        .iter()
        .enumerate()
        .filter(|(_, s)| s.as_deref().is_some_and(|s| tokens.contains(&s)))
        .map(|(i, _)| i);
    let first = found.next()?;
    match found.next() {
        Some(_) => None,
        None => Some(first),
    }
}

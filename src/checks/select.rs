//! `select:` — which files of the folder a check looks at.

use regex::Regex;

use super::params::Selector;
use super::{CompileError, regex_from};
use crate::checks::Context;
use crate::inventory::FileEntry;
use crate::yaml_spans::YamlPath;

#[derive(Debug, Clone, Default)]
pub struct FileSelector {
    paths: Vec<Regex>,
    extensions: Vec<String>,
    pieces: Vec<String>,
    exclude: Vec<Regex>,
    exclude_pieces: Vec<String>,
}

impl FileSelector {
    pub fn compile(sel: Option<&Selector>, errors: &mut Vec<CompileError>) -> FileSelector {
        let Some(sel) = sel else {
            return FileSelector::default();
        };
        let mut regexes = |list: &[String], field: &str| -> Vec<Regex> {
            list.iter()
                .enumerate()
                .filter_map(|(i, p)| match regex_from(p, false) {
                    Ok(r) => Some(r),
                    Err(e) => {
                        errors.push(CompileError::new(
                            YamlPath::from("select").key(field).index(i),
                            e,
                        ));
                        None
                    }
                })
                .collect()
        };
        FileSelector {
            paths: regexes(&sel.paths, "paths"),
            exclude: regexes(&sel.exclude, "exclude"),
            extensions: sel
                .extensions
                .iter()
                .map(|e| e.trim_start_matches('.').to_lowercase())
                .collect(),
            pieces: sel.pieces.clone(),
            exclude_pieces: sel.exclude_pieces.clone(),
        }
    }

    pub fn matches(&self, idx: usize, f: &FileEntry, ctx: &Context) -> bool {
        let is_piece = |p: &String| ctx.pieces.get(p).is_some_and(|r| r.files.contains(&idx));
        (self.paths.is_empty() || self.paths.iter().any(|r| r.is_match(&f.rel)))
            && (self.extensions.is_empty()
                || f.ext.as_ref().is_some_and(|e| self.extensions.contains(e)))
            && (self.pieces.is_empty() || self.pieces.iter().any(is_piece))
            && !self.exclude.iter().any(|r| r.is_match(&f.rel))
            && !self.exclude_pieces.iter().any(is_piece)
    }

    /// The selected files, with their index.
    pub fn files<'c>(
        &'c self,
        ctx: &'c Context,
    ) -> impl Iterator<Item = (usize, &'c FileEntry)> + 'c {
        ctx.inventory
            .files
            .iter()
            .enumerate()
            .filter(move |(i, f)| self.matches(*i, f, ctx))
    }
}

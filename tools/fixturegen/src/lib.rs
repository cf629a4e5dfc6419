//! Reproducible generator of bidlint's fixture bid folders: real PDF (lopdf), XLSX
//! (rust_xlsxwriter) and ZIP files, the same bytes at every run.

pub mod bids;
pub mod corpus;
pub mod documents;
pub mod docx;
pub mod example;
pub mod holders;
pub mod hostile;
pub mod hostile_tree;
pub mod pdf;
pub mod reading;
pub mod xlsx;
pub mod zipfile;

use std::path::Path;

use bids::{Bid, Content};

/// Write every fixture folder below `out`, replacing what was there. Returns the folders.
pub fn generate(out: &Path) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let mut written = Vec::new();
    for bid in bids::all() {
        write_bid(out, &bid)?;
        written.push(format!("{} ({} fichiers)", bid.name, bid.files.len()));
    }
    Ok(written)
}

/// Write the bid folder of the worked example (`reponse/`, see [`example`]) below `out`, the
/// example's directory, replacing what was there. Returns the folder.
pub fn generate_example(out: &Path) -> Result<String, Box<dyn std::error::Error>> {
    let bid = example::bid();
    write_bid(out, &bid)?;
    Ok(format!("{} ({} fichiers)", bid.name, bid.files.len()))
}

/// Every file below `root`, by `/`-separated relative path, with its bytes: what the
/// reproducibility tests compare.
pub fn read_tree(root: &Path) -> std::io::Result<std::collections::BTreeMap<String, Vec<u8>>> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(rel) = path.strip_prefix(root) {
                let rel = rel.to_string_lossy().replace('\\', "/");
                out.insert(rel, std::fs::read(&path)?);
            }
        }
    }
    Ok(out)
}

fn write_bid(out: &Path, bid: &Bid) -> Result<(), Box<dyn std::error::Error>> {
    let dir = out.join(&bid.name);
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    std::fs::create_dir_all(&dir)?;
    std::fs::write(dir.join("bid.yaml"), &bid.manifest)?;
    for f in &bid.files {
        let path = dir.join(&f.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let bytes = match &f.content {
            Content::Pdf(spec) => pdf::build(spec)?,
            Content::Xlsx { title, sheets } => xlsx::build(title, sheets)?,
            Content::Bytes(b) => b.clone(),
        };
        std::fs::write(path, bytes)?;
    }
    Ok(())
}

//! Reproducible generator of bidlint's fixture bid folders: real PDF (lopdf), XLSX
//! (rust_xlsxwriter) and ZIP files, the same bytes at every run.

pub mod bids;
pub mod pdf;
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

//! The hostile bid folder of the test suite, built at test time in a temporary folder (a FIFO,
//! a 10 GB sparse file or a folder chain deeper than `PATH_MAX` cannot be committed): every
//! hostile document of `fixtures/hostile/`, plus what a file system can do to a walk.
//!
//! - `profond/d/d/…`: 10,000 nested folders, a chain whose path (20,000 bytes) is far past
//!   `PATH_MAX` (4,096), made with `mkdirat` relative to the previous level;
//! - `enorme.pdf`: a 10 GB sparse file that starts like a PDF (it takes no disk space);
//! - `tube.pdf`: a FIFO named like a piece (opening it for reading would block forever);
//! - `ferme.pdf` and `dossier-ferme/` (mode 000): unreadable, unless the tests run as root;
//! - a name that is not UTF-8 (`nom-\xff.pdf`) and a name with a newline;
//! - `lien-externe.pdf`: a symbolic link to a FIFO *outside* the folder, so that reading it,
//!   or following it, would hang the run: the proof that links are never followed.
//!
//! And, beside the folder, the YAML attacks: a billion-laughs manifest and pack, a 100 MB
//! manifest, and a pack whose file-name regex is built to backtrack.

use std::ffi::{CString, OsStr};
use std::io::Write;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

/// Depth of the folder chain.
pub const DEPTH: usize = 10_000;
/// Size of the sparse file.
pub const SPARSE_BYTES: u64 = 10 * 1024 * 1024 * 1024;

/// What [`build`] made, below its base folder.
#[derive(Debug)]
pub struct HostileTree {
    /// The bid folder.
    pub bid: PathBuf,
    /// A FIFO outside the bid folder, the target of `lien-externe.pdf`.
    pub outside_fifo: PathBuf,
    /// A bid folder whose `bid.yaml` is a billion-laughs document.
    pub laughs_bid: PathBuf,
    /// A bid folder whose `bid.yaml` is 100 MB.
    pub huge_manifest_bid: PathBuf,
    /// A pack that is a billion-laughs document.
    pub laughs_pack: PathBuf,
    /// A pack with a regex built to backtrack, and a bid folder with the name that would
    /// make a backtracking engine take forever.
    pub backtrack_pack: PathBuf,
    pub backtrack_bid: PathBuf,
}

/// The name of the file that is not UTF-8.
pub fn non_utf8_name() -> &'static OsStr {
    OsStr::from_bytes(b"nom-\xff.pdf")
}

/// The name with a newline.
pub const NEWLINE_NAME: &str = "ligne\nsuite.pdf";

pub fn build(base: &Path) -> std::io::Result<HostileTree> {
    let mut hostile = crate::hostile::bid();
    hostile.name = "reponse".into();
    crate::write_bid(base, &hostile).map_err(|e| std::io::Error::other(e.to_string()))?;
    let bid = base.join("reponse");

    deep_chain(&bid.join("profond"), DEPTH)?;

    let mut sparse = std::fs::File::create(bid.join("enorme.pdf"))?;
    sparse.write_all(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")?;
    sparse.set_len(SPARSE_BYTES)?;

    mkfifo(&bid.join("tube.pdf"))?;

    let good = std::fs::read(bid.join("good.pdf"))?;
    let closed = bid.join("ferme.pdf");
    std::fs::write(&closed, &good)?;
    std::fs::set_permissions(&closed, std::fs::Permissions::from_mode(0o000))?;
    let closed_dir = bid.join("dossier-ferme");
    std::fs::create_dir(&closed_dir)?;
    std::fs::write(closed_dir.join("dedans.pdf"), &good)?;
    std::fs::set_permissions(&closed_dir, std::fs::Permissions::from_mode(0o000))?;

    std::fs::write(bid.join(non_utf8_name()), &good)?;
    std::fs::write(bid.join(NEWLINE_NAME), &good)?;

    let outside_fifo = base.join("tube-dehors");
    mkfifo(&outside_fifo)?;
    std::os::unix::fs::symlink(&outside_fifo, bid.join("lien-externe.pdf"))?;

    let laughs_bid = base.join("rires");
    std::fs::create_dir(&laughs_bid)?;
    std::fs::write(laughs_bid.join("bid.yaml"), billion_laughs("consultation"))?;

    let huge_manifest_bid = base.join("manifeste-enorme");
    std::fs::create_dir(&huge_manifest_bid)?;
    huge_manifest(&huge_manifest_bid.join("bid.yaml"))?;

    let laughs_pack = base.join("pack-rires.yaml");
    std::fs::write(&laughs_pack, billion_laughs("pack"))?;

    let backtrack_pack = base.join("pack-retour-arriere.yaml");
    std::fs::write(&backtrack_pack, BACKTRACK_PACK)?;
    let backtrack_bid = base.join("retour-arriere");
    std::fs::create_dir(&backtrack_bid)?;
    std::fs::write(
        backtrack_bid.join("bid.yaml"),
        hostile.manifest.replace(
            "consultation: place",
            "consultation: ../pack-retour-arriere.yaml",
        ),
    )?;
    // 240 « a » and a final « ! » before the extension: `^(a+)+$` fails only after trying
    // every way to split the « a », 2^240 of them for a backtracking engine.
    std::fs::write(
        backtrack_bid.join(format!("{}!.pdf", "a".repeat(240))),
        &good,
    )?;

    Ok(HostileTree {
        bid,
        outside_fifo,
        laughs_bid,
        huge_manifest_bid,
        laughs_pack,
        backtrack_pack,
        backtrack_bid,
    })
}

/// Undo what [`build`] made that a plain recursive removal cannot: the modes 000 and the
/// chain deeper than `PATH_MAX` (removed top down, by lifting each level's child to the top).
pub fn dismantle(tree: &HostileTree) -> std::io::Result<()> {
    let _ = std::fs::set_permissions(
        tree.bid.join("dossier-ferme"),
        std::fs::Permissions::from_mode(0o755),
    );
    let _ = std::fs::set_permissions(
        tree.bid.join("ferme.pdf"),
        std::fs::Permissions::from_mode(0o644),
    );
    let top = tree.bid.join("profond");
    let lifted = tree.bid.join("profond-leve");
    while top.exists() {
        if top.join("d").exists() {
            std::fs::rename(top.join("d"), &lifted)?;
            std::fs::remove_dir(&top)?;
            std::fs::rename(&lifted, &top)?;
        } else {
            std::fs::remove_dir(&top)?;
        }
    }
    Ok(())
}

/// `dir/d/d/…/d`, `depth` folders in all, each made relative to its parent's descriptor.
fn deep_chain(dir: &Path, depth: usize) -> std::io::Result<()> {
    std::fs::create_dir(dir)?;
    let path = c_path(dir)?;
    let name = CString::new("d").map_err(std::io::Error::other)?;
    // SAFETY: plain POSIX calls on descriptors this function opens and closes; every return
    // value is checked.
    unsafe {
        let mut fd = libc::open(path.as_ptr(), libc::O_RDONLY | libc::O_DIRECTORY);
        if fd < 0 {
            return Err(std::io::Error::last_os_error());
        }
        for _ in 1..depth {
            if libc::mkdirat(fd, name.as_ptr(), 0o755) != 0 {
                let e = std::io::Error::last_os_error();
                libc::close(fd);
                return Err(e);
            }
            let next = libc::openat(fd, name.as_ptr(), libc::O_RDONLY | libc::O_DIRECTORY);
            libc::close(fd);
            if next < 0 {
                return Err(std::io::Error::last_os_error());
            }
            fd = next;
        }
        libc::close(fd);
    }
    Ok(())
}

fn mkfifo(path: &Path) -> std::io::Result<()> {
    let p = c_path(path)?;
    // SAFETY: mkfifo on a NUL-terminated path; the result is checked.
    if unsafe { libc::mkfifo(p.as_ptr(), 0o644) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

fn c_path(path: &Path) -> std::io::Result<CString> {
    CString::new(path.as_os_str().as_bytes()).map_err(std::io::Error::other)
}

/// Nine levels of nine aliases: a billion copies of « lol » if a parser expanded them all.
pub fn billion_laughs(key: &str) -> String {
    let mut y = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for w in names.windows(2) {
        let (prev, next) = (w[0], w[1]);
        y.push_str(&format!(
            "{next}: &{next} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
        ));
    }
    y.push_str(&format!("{key}: *i\n"));
    y
}

/// A manifest of 100 MB: a valid beginning, then a comment block that never ends.
fn huge_manifest(path: &Path) -> std::io::Result<()> {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path)?);
    f.write_all(b"consultation: place\nphase: candidature\n")?;
    let line = format!("# {}\n", "x".repeat(98));
    for _ in 0..(100 * 1024 * 1024 / line.len()) {
        f.write_all(line.as_bytes())?;
    }
    f.flush()
}

const BACKTRACK_PACK: &str = r#"pack: retour-arriere
title: "Pack hostile : une expression régulière à retour arrière exponentiel"
version: "1"
sources:
  rc:
    title: "Texte d'essai"
    kind: consultation
rules:
  - id: HOSTILE-REGEX
    title: "Noms faits de « a »"
    severity: error
    source:
      doc: rc
      section: "1"
      quote: "essai"
    help: "Renommer."
    check:
      kind: filename-pattern
      pattern: '^(a+)+$'
      expected: "des a"
"#;

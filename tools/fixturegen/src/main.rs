//! `cargo run -p bidlint-fixturegen -- [OUT_DIR]` (default `fixtures`): writes the fixture
//! bid folders.
//!
//! `cargo run -p bidlint-fixturegen -- --example [DIR]` (default
//! `examples/ght-teleconsultation`): writes the worked example's bid folder `DIR/reponse`.
//!
//! `cargo run -p bidlint-fixturegen -- --corpus DIR [SCALE]`: the benchmark's large bid folder
//! (SCALE times 200 PDF annexes of 1 to 200 pages, 20 DOCX, 10 XLSX; default 1).
//!
//! `cargo run -p bidlint-fixturegen -- --names DIR [COUNT] [PACK]`: the benchmark's tree of
//! COUNT empty files (default 100000) with a `bid.yaml` naming PACK.

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let first = args.next();
    if first.as_deref() == Some("--corpus") {
        let out = PathBuf::from(args.next().ok_or("--corpus DIR [SCALE]")?);
        let scale = args.next().map_or(Ok(1), |s| s.parse::<usize>())?;
        let (files, pages) = bidlint_fixturegen::corpus::large_bid(&out, scale)?;
        println!("{} : {files} fichiers, {pages} pages de PDF", out.display());
        return Ok(());
    }
    if first.as_deref() == Some("--names") {
        let out = PathBuf::from(args.next().ok_or("--names DIR [COUNT] [PACK]")?);
        let count = args.next().map_or(Ok(100_000), |s| s.parse::<usize>())?;
        let pack = args.next().unwrap_or_else(|| "place".to_string());
        let long = bidlint_fixturegen::corpus::name_tree(&out, count, &pack)?;
        println!(
            "{} : {count} fichiers, dont {long} de plus de 29 caractères",
            out.display()
        );
        return Ok(());
    }
    if first.as_deref() == Some("--example") {
        let out = PathBuf::from(
            args.next()
                .unwrap_or_else(|| bidlint_fixturegen::example::EXAMPLE_DIR.to_string()),
        );
        let line = bidlint_fixturegen::generate_example(&out)?;
        println!("{}/{line}", out.display());
        return Ok(());
    }
    let out = PathBuf::from(first.unwrap_or_else(|| "fixtures".to_string()));
    for line in bidlint_fixturegen::generate(&out)? {
        println!("{}/{line}", out.display());
    }
    Ok(())
}

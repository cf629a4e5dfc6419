//! `cargo run -p bidlint-fixturegen -- [OUT_DIR]` (default `fixtures`): writes the fixture
//! bid folders.
//!
//! `cargo run -p bidlint-fixturegen -- --example [DIR]` (default
//! `examples/ght-teleconsultation`): writes the worked example's bid folder `DIR/reponse`.

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let first = args.next();
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

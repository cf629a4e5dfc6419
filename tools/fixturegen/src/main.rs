//! `cargo run -p bidlint-fixturegen -- [OUT_DIR]` (default `fixtures`): writes the fixture
//! bid folders.

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "fixtures".to_string()),
    );
    for line in bidlint_fixturegen::generate(&out)? {
        println!("{}/{line}", out.display());
    }
    Ok(())
}

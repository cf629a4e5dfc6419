//! The fixtures are reproducible: two runs write the same bytes, and those are the bytes
//! committed in `fixtures/` (a stale fixture fails here, not in a confusing CLI test).

use std::collections::BTreeMap;
use std::path::Path;

fn tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    bidlint_fixturegen::read_tree(root).expect("read tree")
}

#[test]
fn two_runs_write_the_committed_bytes() {
    let a = tempfile::tempdir().expect("temp dir");
    let b = tempfile::tempdir().expect("temp dir");
    bidlint_fixturegen::generate(a.path()).expect("first run");
    bidlint_fixturegen::generate(b.path()).expect("second run");
    let (ta, tb) = (tree(a.path()), tree(b.path()));
    assert_eq!(ta.keys().collect::<Vec<_>>(), tb.keys().collect::<Vec<_>>());
    for (k, v) in &ta {
        assert!(tb[k] == *v, "{k} differs between two runs");
    }
    let committed = tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures"));
    assert_eq!(
        ta.keys().collect::<Vec<_>>(),
        committed.keys().collect::<Vec<_>>(),
        "fixtures/ is stale: run `cargo run -p bidlint-fixturegen -- fixtures`"
    );
    for (k, v) in &ta {
        assert!(
            committed[k] == *v,
            "fixtures/{k} is stale: run `cargo run -p bidlint-fixturegen -- fixtures`"
        );
    }
}

#[test]
fn plaquettes_are_two_a4_pages_with_their_text() {
    let spec = bidlint_fixturegen::bids::caih_groupement()
        .files
        .into_iter()
        .find(|f| f.path == "alpha/26_01_DC_Plaq1_Alpha.pdf")
        .expect("plaquette");
    let bidlint_fixturegen::bids::Content::Pdf(spec) = spec.content else {
        panic!("a PDF");
    };
    let bytes = bidlint_fixturegen::pdf::build(&spec).expect("pdf");
    let doc = lopdf::Document::load_mem(&bytes).expect("lopdf reads it back");
    let pages = doc.get_pages();
    assert_eq!(pages.len(), 2);
    for id in pages.values() {
        let page = doc.get_dictionary(*id).expect("page");
        let mb = page
            .get(b"MediaBox")
            .expect("media box")
            .as_array()
            .expect("array");
        let w = mb[2].as_float().expect("width");
        let h = mb[3].as_float().expect("height");
        assert!(
            (w - 595.28).abs() < 0.01 && (h - 841.89).abs() < 0.01,
            "{w}×{h}"
        );
    }
    let first = doc
        .get_page_content(*pages.get(&1).expect("page 1"))
        .expect("content");
    let text = String::from_utf8_lossy(&first);
    // « Référence » in Windows-1252: R\xe9f\xe9rence.
    let needle = b"R\xe9f\xe9rence";
    assert!(first.windows(needle.len()).any(|w| w == needle), "{text}");
}

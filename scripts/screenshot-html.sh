#!/usr/bin/env bash
# Render bidlint's HTML report and checklist of a bid folder in headless Chromium: a screen
# capture (1280×2000) and the A4 print (PDF, and its first page as PNG when pdftoppm is there),
# to look at what a bid manager sees and prints. See docs/html-report.md.
#
# Usage: scripts/screenshot-html.sh [BID_DIR] [OUT_DIR]
#   BID_DIR  bid folder to report on (default: fixtures/caih-broken/nom-30)
#   OUT_DIR  where the images go (default: target/screenshots); never inside BID_DIR
# Environment: BIDLINT=path/to/bidlint to use that binary instead of building one;
#              BIDLINT_LANG=en for the English report.

set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bid=${1:-$repo/fixtures/caih-broken/nom-30}
out=${2:-$repo/target/screenshots}
lang=${BIDLINT_LANG:-fr}
chromium=/usr/bin/chromium

die() {
    echo "screenshot-html: $*" >&2
    exit 2
}

[ -d "$bid" ] || die "no bid folder at $bid"
bid=$(realpath "$bid")
# Resolved before anything is created: bidlint never writes into a bid folder, nor does this.
out=$(realpath -m "$out")
case "$out/" in
    "$bid"/*) die "refusing to write into the bid folder $bid: choose another OUT_DIR" ;;
esac
mkdir -p "$out"

if [ ! -x "$chromium" ]; then
    echo "screenshot-html: installing Debian's chromium" >&2
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        sudo=(sudo)
    fi
    "${sudo[@]}" apt-get update
    "${sudo[@]}" apt-get install -y --no-install-recommends chromium
fi

if [ -n "${BIDLINT:-}" ]; then
    bidlint=$BIDLINT
else
    cargo build --quiet --manifest-path "$repo/Cargo.toml"
    bidlint=${CARGO_TARGET_DIR:-$repo/target}/debug/bidlint
fi
[ -x "$bidlint" ] || die "no bidlint binary at $bidlint"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# bidlint exits 1 when the folder is not compliant: the report is written all the same.
# Exit 2 means it could not run, and so neither can this script.
render() {
    local command=$1 html=$2 status=0
    "$bidlint" "$command" "$bid" --format html --lang "$lang" -o "$html" || status=$?
    if [ "$status" -gt 1 ]; then
        die "bidlint $command failed (exit $status)"
    fi
}

# One Chromium run, with a profile of its own that is thrown away: nothing is read from or
# written to the user's profile, and nothing is fetched from the network.
chromium_run() {
    local profile
    profile=$(mktemp -d "$work/profile.XXXXXX")
    timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic \
        --no-first-run --disable-background-networking --disable-component-update \
        --disable-sync --user-data-dir="$profile" "$@" 2>"$work/chromium.log" ||
        { cat "$work/chromium.log" >&2; die "chromium failed"; }
}

for command in check checklist; do
    case $command in
        check) name=report ;;
        *) name=$command ;;
    esac
    html=$work/$name.html
    render "$command" "$html"
    cp "$html" "$out/$name.html"

    chromium_run --screenshot="$out/$name-screen.png" --window-size=1280,2000 "file://$html"
    chromium_run --print-to-pdf="$out/$name.pdf" --no-pdf-header-footer "file://$html"
    [ -s "$out/$name-screen.png" ] || die "no screenshot written for $name"
    [ -s "$out/$name.pdf" ] || die "no PDF written for $name"

    pages=""
    if command -v pdfinfo >/dev/null; then
        pages=$(pdfinfo "$out/$name.pdf" | awk '/^Pages:/ { print $2 }')
    fi
    if command -v pdftoppm >/dev/null; then
        pdftoppm -png -r 110 -f 1 -l 1 -singlefile "$out/$name.pdf" "$out/$name-print-1"
    fi
    echo "$name: $out/$name-screen.png, $out/$name.pdf${pages:+ ($pages A4 pages)}"
done
if ! command -v pdftoppm >/dev/null; then
    echo "screenshot-html: pdftoppm not found (Debian: poppler-utils): no PNG of the print" >&2
fi
echo "images in $out"

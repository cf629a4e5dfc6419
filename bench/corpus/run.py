#!/usr/bin/env python3
"""bidlint's document readers against reference tools, on the third-party corpus that
`bench/corpus/fetch.sh` rebuilds in bench/corpus/files/.

For each file: bidlint's reader (`bidlint __read-document FORMAT FILE`, the worker process
`check` uses, under the same limits) and a reference reader — pdftotext (poppler) for PDF,
python-docx (+ the raw `w:t` of footnotes and endnotes, which python-docx does not expose) for
DOCX, openpyxl for XLSX, odfdo for ODT (formatted text) and ODS (the displayed string each
cell stores). It reports, per format: files, crashes, hangs
(> 60 s), readable files bidlint calls unreadable, unreadable files bidlint reads, and text
fidelity = share of the reference tool's words (NFKC, case-folded runs of letters and digits,
counted with multiplicity) found in bidlint's text; and the page-count decisions for DOCX/ODT.

    python3 bench/corpus/run.py                   # compare with bench/corpus/expected.tsv
    python3 bench/corpus/run.py --write-expected  # record the reference tools' verdicts
    python3 bench/corpus/run.py --missing odt     # per file of a format, the words bidlint lost

Needs: pip install python-docx openpyxl odfdo; apt-get install poppler-utils. BIDLINT names
the binary (default target/release/bidlint, else target/debug/bidlint).
"""

import collections
import datetime
import json
import os
import re
import subprocess
import sys
import time
import unicodedata
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FILES = os.path.join(HERE, "files")
EXPECTED = os.path.join(HERE, "expected.tsv")
FORMATS = {"pdf", "docx", "xlsx", "odt", "ods"}
MARKER = "@@bidlint-document@@"


def binary():
    if os.environ.get("BIDLINT"):
        return os.environ["BIDLINT"]
    for profile in ("release", "debug"):
        path = os.path.join(ROOT, "target", profile, "bidlint")
        if os.path.exists(path):
            return path
    sys.exit("build bidlint first (cargo build --release)")


def words(text):
    text = unicodedata.normalize("NFKC", text).casefold()
    return collections.Counter(re.findall(r"\w+", text))


def shown(v):
    """A cell value as a French spreadsheet shows it (the tokens are what is compared)."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "VRAI" if v else "FAUX"
    if isinstance(v, datetime.datetime):
        return v.strftime("%d/%m/%Y") + ("" if v.time() == datetime.time() else v.strftime(" %H:%M"))
    if isinstance(v, datetime.date):
        return v.strftime("%d/%m/%Y")
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
        return str(int(v))
    return str(v)


class Slow(Exception):
    pass


def reference(path, fmt):
    """The reference tool's text, or raises when it cannot read the file within 60 s."""
    import signal

    def alarm(*_):
        raise Slow("plus de 60 s")

    signal.signal(signal.SIGALRM, alarm)
    signal.alarm(60)
    try:
        return reference_text(path, fmt)
    finally:
        signal.alarm(0)


def reference_text(path, fmt):
    if fmt == "pdf":
        out = subprocess.run(["pdftotext", "-q", path, "-"], capture_output=True, timeout=120)
        if out.returncode != 0:
            raise RuntimeError(f"pdftotext: code {out.returncode}")
        return out.stdout.decode("utf-8", "replace")
    if fmt == "docx":
        import docx

        d = docx.Document(path)
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                parts.extend(c.text for c in row.cells)
        for s in d.sections:
            for hf in (s.header, s.footer):
                if not hf.is_linked_to_previous:
                    parts.extend(p.text for p in hf.paragraphs)
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if name in ("word/footnotes.xml", "word/endnotes.xml"):
                    xml = z.read(name).decode("utf-8", "replace")
                    parts.extend(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))
        # Table cells that span columns repeat in python-docx: count each distinct text once
        # per row is not possible here, so duplicates only make the reference larger.
        return "\n".join(parts)
    if fmt == "xlsx":
        import openpyxl

        wb = openpyxl.load_workbook(path, data_only=True, read_only=True)
        parts = []
        for ws in wb.worksheets:
            for row in ws.iter_rows(values_only=True):
                parts.append("\t".join(shown(v) for v in row))
        return "\n".join(parts)
    if fmt == "odt":
        import odfdo

        odfdo_shows_what_writer_shows()
        text = odfdo.Document(path).get_formatted_text()
        # odfdo writes placeholders that are not the document's text: `[Image Pictures/…]`
        # for an image, `[1]`, `(i)`, `[*]` for a note's or a comment's mark.
        text = re.sub(r"\[Image [^\]]*\]", " ", text)
        return re.sub(r"\[(\d+|\*)\]|\([ivxlc]+\)", " ", text)
    if fmt == "ods":
        import odfdo

        # Each cell stores the string the spreadsheet displays, as a paragraph: that is the
        # reference (walking the cells expands repeated columns and takes minutes).
        doc = odfdo.Document(path)
        return "\n".join(str(p) for p in doc.body.get_paragraphs())
    raise ValueError(fmt)


def odfdo_shows_what_writer_shows():
    """Three habits of odfdo's formatted text (odfdo 3.x) that are not the document's text,
    corrected so that they do not count as words bidlint lost: a heading is returned without
    its line end (header.py), which glues it to the next paragraph (`TitleIntroduction`); a
    `text:s` (a run of spaces) is returned empty, which glues the words on either side
    (`withbold` for « with bold »); a link is written `[text](address)`, whose address LibreOffice
    does not show (bidlint reads neither a DOCX nor an ODT link's address)."""
    import odfdo.header
    import odfdo.link
    import odfdo.spacer

    header = odfdo.header.Header
    if getattr(header, "_bidlint_patched", False):
        return
    heading = header.get_formatted_text
    header.get_formatted_text = lambda self, context=None, simple=False: heading(self, context) + "\n"
    header._bidlint_patched = True
    odfdo.spacer.Spacer.get_formatted_text = lambda self, context=None: " " * self.length
    odfdo.link.Link.__str__ = lambda self: self.inner_text


def read(path, fmt):
    """bidlint's reading: (verdict, facts or cause)."""
    started = time.monotonic()
    try:
        out = subprocess.run(
            [binary(), "__read-document", fmt, path, str(1024 * 1024 * 1024), "30"],
            capture_output=True,
            timeout=60,
        )
    except subprocess.TimeoutExpired:
        return "hang", None, time.monotonic() - started
    elapsed = time.monotonic() - started
    text = out.stdout.decode("utf-8", "replace")
    if MARKER not in text:
        return "crash", f"code {out.returncode}", elapsed
    result = json.loads(text[text.index(MARKER) + len(MARKER):])["result"]
    if "Ok" in result and result["Ok"].get("encryption") == "user-password":
        # Its structure was read, not its content: the buyer cannot open it either.
        return "illisible", "protégé par mot de passe", elapsed
    if "Ok" in result:
        return "lisible", result["Ok"], elapsed
    return "illisible", result["Err"], elapsed


def corpus():
    for base, _, names in os.walk(FILES):
        for name in sorted(names):
            ext = name.rsplit(".", 1)[-1].lower()
            if ext in FORMATS:
                path = os.path.join(base, name)
                yield os.path.relpath(path, FILES), path, ext


def write_expected():
    rows = []
    for rel, path, fmt in sorted(corpus()):
        started = time.monotonic()
        try:
            reference(path, fmt)
            verdict = "lisible"
        except Exception as e:  # noqa: BLE001 - any failure of the reference is its verdict
            verdict = "illisible"
            print(f"{rel}: {type(e).__name__}: {e}", file=sys.stderr)
        print(f"{rel}: {verdict} ({time.monotonic() - started:.1f} s)", file=sys.stderr)
        rows.append(f"{rel}\t{fmt}\t{verdict}")
    with open(EXPECTED, "w", encoding="utf-8") as f:
        f.write("# file\tformat\tverdict of the reference tool (see run.py)\n")
        f.write("\n".join(rows) + "\n")
    print(f"{len(rows)} files written to {EXPECTED}")


def main():
    if "--write-expected" in sys.argv:
        return write_expected()
    expected = {}
    with open(EXPECTED, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            rel, fmt, verdict = line.rstrip("\n").split("\t")[:3]
            expected[rel] = verdict
    missing_format = sys.argv[sys.argv.index("--missing") + 1] if "--missing" in sys.argv else None
    stats = collections.defaultdict(collections.Counter)
    fidelity = collections.defaultdict(lambda: [0, 0])
    problems = []
    pages = []
    slowest = (0.0, "")
    for rel, path, fmt in sorted(corpus()):
        if missing_format and fmt != missing_format:
            continue
        want = expected.get(rel)
        if want is None:
            problems.append(f"{rel}: absent de expected.tsv")
            continue
        got, facts, elapsed = read(path, fmt)
        slowest = max(slowest, (elapsed, rel))
        s = stats[fmt]
        s["files"] += 1
        s[got] += 1
        if got in ("crash", "hang"):
            problems.append(f"{rel}: {got} ({facts})")
        elif want == "lisible" and got == "illisible":
            s["faux illisible"] += 1
            problems.append(f"{rel}: lisible par l'outil de référence, illisible pour bidlint : {facts}")
        elif want == "illisible" and got == "lisible":
            s["lu malgré la référence"] += 1
        if want == "lisible" and got == "lisible":
            try:
                ref = words(reference(path, fmt))
            except Exception:  # noqa: BLE001 - a verdict corrected by hand: no reference text
                ref = collections.Counter()
            mine = words(facts["text"])
            found = sum(min(n, mine[w]) for w, n in ref.items())
            fidelity[fmt][0] += found
            fidelity[fmt][1] += sum(ref.values())
            total = sum(ref.values())
            if fmt == missing_format and found < total:
                lost = {w: n - min(n, mine[w]) for w, n in ref.items() if n > mine[w]}
                print(f"{rel}: {total - found}/{total} mots perdus : " + " ".join(
                    f"{w}×{n}" if n > 1 else w for w, n in sorted(lost.items(), key=lambda x: -x[1])[:40]
                ))
            if total and found / total < 0.9:
                problems.append(f"{rel}: fidélité {found}/{total} mots")
            if fmt in ("docx", "odt"):
                e = facts.get("page_estimate")
                pages.append((rel, facts.get("pages"), e))
    print("| format | fichiers | lisibles | illisibles | faux « illisible » | plantages | blocages | fidélité du texte |")
    print("|---|---|---|---|---|---|---|---|")
    for fmt in sorted(stats):
        s = stats[fmt]
        found, total = fidelity[fmt]
        share = f"{100 * found / total:.1f} % ({found:,}/{total:,} mots)" if total else "-"
        print(
            f"| {fmt} | {s['files']} | {s['lisible']} | {s['illisible']} | {s['faux illisible']} "
            f"| {s['crash']} | {s['hang']} | {share} |"
        )
    estimated = [p for p in pages if p[2]]
    why = collections.Counter(e["why"] for _, _, e in estimated)
    print(
        f"\nPages (DOCX/ODT lisibles) : {len(pages)} documents, nombre enregistré gardé pour "
        f"{len(pages) - len(estimated)}, estimé pour {len(estimated)} ({dict(why)})."
    )
    print(f"Lecture la plus longue : {slowest[0]:.2f} s ({slowest[1]}).")
    if problems:
        print("\nÀ examiner :")
        print("\n".join(f"- {p}" for p in problems))
    return 1 if any("faux" in p or "illisible pour bidlint" in p or "plant" in p or "hang" in p or "crash" in p for p in problems) else 0


if __name__ == "__main__":
    sys.exit(main())

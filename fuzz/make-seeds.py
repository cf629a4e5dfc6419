#!/usr/bin/env python3
"""Rebuild the fuzzing seed corpora in fuzz/seeds/ from the project's fixtures and packs.

Run from the repository root: python3 fuzz/make-seeds.py
Seeds are small on purpose: libFuzzer grows its own corpus (kept outside the repository).
"""
import glob
import io
import os
import shutil
import struct
import zipfile

OUT = "fuzz/seeds"


def fresh(target):
    d = os.path.join(OUT, target)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    return d


def manifest():
    d = fresh("manifest")
    for i, f in enumerate(sorted(glob.glob("fixtures/*/bid.yaml") + glob.glob("examples/*/*/bid.yaml"))[:12]):
        shutil.copy(f, os.path.join(d, f"bid-{i}.yaml"))


def pack():
    d = fresh("pack")
    for f in sorted(glob.glob("rules/*.yaml")) + ["examples/ght-teleconsultation/pack.yaml"]:
        shutil.copy(f, os.path.join(d, os.path.basename(os.path.dirname(f)) + "-" + os.path.basename(f)))


def odt(headings):
    body = "".join(
        f'<text:h text:outline-level="{lvl}">{t}</text:h><text:p>Texte sous {t}.</text:p>' for lvl, t in headings
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
        f"{body}</office:text></office:body></office:document-content>"
    )
    meta = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta><dc:title>Mémoire</dc:title>'
        '<meta:document-statistic meta:page-count="3"/></office:meta></office:document-meta>'
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        # Fixed dates: the seeds are the same bytes at every run.
        for name, data in (("content.xml", content), ("meta.xml", meta)):
            z.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def office():
    d = fresh("office")
    # First byte: even = DOCX reader, odd = ODT reader (see fuzz_targets/office.rs).
    with open("fixtures/caih-offre-docx-ok/L03_Memoire_technique.docx", "rb") as f:
        docx = f.read()
    with open(os.path.join(d, "memoire.docx"), "wb") as f:
        f.write(b"\x00" + docx)
    with open(os.path.join(d, "memoire.odt"), "wb") as f:
        f.write(b"\x01" + odt([(1, "1. Présentation"), (2, "1.1 Équipe"), (1, "2. Planning")]))


def outline():
    d = fresh("outline")
    # Raw bytes for `arbitrary`: strings are length-prefixed; these give plans and lines
    # close to real ones for the fuzzer to mutate.
    for i, text in enumerate([
        "1\x00Présentation\x002\x00Méthodologie\x001. Présentation\n2. Méthodologie\x01",
        "1.1\x00Équipe projet\x00Sommaire ........ 3\n1.1 Equipe projet\x00",
    ]):
        with open(os.path.join(d, f"plan-{i}"), "wb") as f:
            f.write(text.encode())


def dates():
    d = fresh("dates")
    samples = [
        "Certificat valable du 12 mars 2024 au 11 mars 2027.",
        "Période de validité : 01/01/2026 - 31/12/2026",
        "Attestation d'assurance valable jusqu'au 31 décembre 2026",
        "Date d'expiration : 2027-02-28",
        "du 1er janvier 2026 au 1er janvier 2025",
        "2026-02-19T12:00:00+01:00",
    ]
    for i, s in enumerate(samples):
        with open(os.path.join(d, f"date-{i}.txt"), "w") as f:
            f.write(s)


def draft():
    d = fresh("draft")
    shutil.copy("tests/data/draft/caih-rc-extrait.txt", os.path.join(d, "caih-rc-extrait.txt"))
    shutil.copy("examples/ght-teleconsultation/rc.md", os.path.join(d, "ght-rc.md"))


def office_crypto():
    d = fresh("office_crypto")
    # olefile comes with msoffcrypto-tool, which tests/data/office-crypto/make.py needs too.
    import olefile

    # The first byte picks the mode (see fuzz_targets/office_crypto.rs): even = the whole file,
    # odd = the two streams, to be put in a well-formed container by the target. The encrypted
    # bomb (1 MiB) is left out: it would raise libFuzzer's input size for every run, and the
    # hostile suite already checks it.
    for name in ("velvet-agile", "velvet-standard", "autre-mot-de-passe"):
        path = f"tests/data/office-crypto/{name}.xlsx"
        with open(path, "rb") as f:
            whole = f.read()
        with open(os.path.join(d, f"{name}.cfb"), "wb") as f:
            f.write(b"\x00" + whole)
        ole = olefile.OleFileIO(path)
        info = ole.openstream("EncryptionInfo").read()
        package = ole.openstream("EncryptedPackage").read()
        with open(os.path.join(d, f"{name}.streams"), "wb") as f:
            f.write(b"\x01" + struct.pack("<H", len(info)) + info + package)


if __name__ == "__main__":
    manifest()
    pack()
    office()
    outline()
    dates()
    draft()
    office_crypto()

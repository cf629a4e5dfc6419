#!/usr/bin/env python3
"""Rebuilds the encrypted workbooks of tests/data/office-crypto/ (run from the repository root:
`python3 tests/data/office-crypto/make.py`; needs `pip install msoffcrypto-tool==6.1.0`, which
brings `cryptography` and `olefile`). The tests read the committed files and need no Python.

The plain workbook is the fixture generator's CRF_Offre_financiere.xlsx
(`cargo run -p bidlint-fixturegen -- fixtures`), encrypted three ways:

- velvet-agile.xlsx: Agile encryption (SHA-512, AES-256-CBC, as Excel 2010 and later write it)
  with Excel's built-in default password « VelvetSweatshop », by msoffcrypto-tool's own
  encryptor (what `msoffcrypto-tool -e -p VelvetSweatshop IN OUT` does);
- autre-mot-de-passe.xlsx: the same with another password, which Excel asks for;
- bombe-chiffree.xlsx: the fixture generator's decompression bomb (fixtures/hostile/zip-bomb.docx,
  a zip whose one entry inflates to 1 GiB), encrypted like velvet-agile.xlsx: once decrypted,
  it must meet the same bomb limits as a plain one;
- velvet-standard.xlsx: Standard encryption (version 3.2, SHA-1 key derivation, AES-128-ECB,
  as Excel 2007 writes it) with the default password. msoffcrypto-tool decrypts this scheme
  but does not write it, so this script writes the EncryptionInfo stream and the encrypted
  package itself (MS-OFFCRYPTO 2.3.4.5, 2.3.4.7, 2.3.4.8, 2.3.4.9) and puts them in
  msoffcrypto-tool's compound-file container.

Every output is checked by decrypting it again with msoffcrypto-tool (an independent reader):
the default password must give back the plain workbook's bytes, and must not open the other
one. Salts and keys come from a seeded generator and the container's timestamp is fixed, so a
rebuild writes the same bytes.
"""

import hashlib
import io
import struct
import sys
from datetime import datetime
from pathlib import Path

import msoffcrypto
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from msoffcrypto.method import ecma376_agile
from msoffcrypto.method.container import ecma376_encrypted
from msoffcrypto.method.ecma376_agile import ECMA376Agile
from msoffcrypto.method.container.ecma376_encrypted import ECMA376Encrypted

SOURCE = Path("fixtures/caih-offre-docx-ok/CRF_Offre_financiere.xlsx")
BOMB = Path("fixtures/hostile/zip-bomb.docx")
OUT = Path("tests/data/office-crypto")
DEFAULT_PASSWORD = "VelvetSweatshop"
OTHER_PASSWORD = "Offre-2026!"


class Seeded:
    """Deterministic « random » bytes: SHA-256 of a counter and a label."""

    def __init__(self, label):
        self.label = label.encode()
        self.counter = 0

    def __call__(self, size):
        out = b""
        while len(out) < size:
            out += hashlib.sha256(self.label + struct.pack("<I", self.counter)).digest()
            self.counter += 1
        return out[:size]


class FixedClock(datetime):
    @classmethod
    def now(cls, tz=None):
        return datetime(2026, 1, 15, 9, 30, 0)


def agile(plain, password, label):
    ecma376_agile._random_buffer = Seeded(label)
    return ECMA376Agile.encrypt(password, io.BytesIO(plain))


def standard_key(password, salt):
    """MS-OFFCRYPTO 2.3.4.7: SHA-1 iterated 50,000 times, then the CryptDeriveKey step."""
    h = hashlib.sha1(salt + password.encode("utf-16-le")).digest()
    for i in range(50000):
        h = hashlib.sha1(struct.pack("<I", i) + h).digest()
    final = hashlib.sha1(h + struct.pack("<I", 0)).digest()
    x1 = hashlib.sha1(bytes(b ^ 0x36 for b in final) + b"\x36" * (64 - 20)).digest()
    return x1[:16]


def aes_ecb(key, data):
    encryptor = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    return encryptor.update(data) + encryptor.finalize()


def standard(plain, password, label):
    random = Seeded(label)
    salt = random(16)
    key = standard_key(password, salt)
    csp = "Microsoft Enhanced RSA and AES Cryptographic Provider\0".encode("utf-16-le")
    # Flags fCryptoAPI | fAES; SizeExtra; AES-128; SHA-1; 128 bits; PROV_RSA_AES; reserved.
    header = struct.pack("<8I", 0x24, 0, 0x660E, 0x8004, 128, 0x18, 0, 0) + csp
    verifier = random(16)
    verifier_hash = hashlib.sha1(verifier).digest() + b"\0" * 12
    info = struct.pack("<HHII", 3, 2, 0x24, len(header)) + header
    info += struct.pack("<I", 16) + salt + aes_ecb(key, verifier)
    info += struct.pack("<I", 20) + aes_ecb(key, verifier_hash)
    padded = plain + b"\0" * (-len(plain) % 16)
    package = struct.pack("<Q", len(plain)) + aes_ecb(key, padded)
    out = io.BytesIO()
    ECMA376Encrypted(package, info).write_to(out)
    return out.getvalue()


def decrypted(data, password):
    office = msoffcrypto.OfficeFile(io.BytesIO(data))
    office.load_key(password=password, verify_password=True)
    out = io.BytesIO()
    office.decrypt(out)
    return out.getvalue()


def main():
    plain = SOURCE.read_bytes()
    ecma376_encrypted.datetime = FixedClock
    files = {
        "velvet-agile.xlsx": (agile(plain, DEFAULT_PASSWORD, "velvet-agile"), DEFAULT_PASSWORD),
        "autre-mot-de-passe.xlsx": (agile(plain, OTHER_PASSWORD, "autre"), OTHER_PASSWORD),
        "velvet-standard.xlsx": (standard(plain, DEFAULT_PASSWORD, "velvet-std"), DEFAULT_PASSWORD),
    }
    bomb = BOMB.read_bytes()
    files["bombe-chiffree.xlsx"] = (agile(bomb, DEFAULT_PASSWORD, "bombe"), DEFAULT_PASSWORD)
    for name, (data, password) in files.items():
        expected = bomb if name.startswith("bombe") else plain
        if decrypted(data, password) != expected:
            sys.exit(f"{name}: msoffcrypto-tool does not give the plain file back")
        if password != DEFAULT_PASSWORD:
            try:
                decrypted(data, DEFAULT_PASSWORD)
                sys.exit(f"{name}: the default password opens it")
            except msoffcrypto.exceptions.InvalidKeyError:
                pass
        (OUT / name).write_bytes(data)
        print(f"{OUT / name}: {len(data)} bytes")


if __name__ == "__main__":
    main()

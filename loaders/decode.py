"""Bytes -> text for source files, with a clear reason when a file cannot be text.

Order: BOM (UTF-8, UTF-16, UTF-32) -> strict UTF-8 -> BOM-less UTF-16 (alternating NUL bytes) -> refuse other NUL
bytes as binary -> CP949 (a superset of EUC-KR) -> charset-normalizer's best guess -> refuse as undecodable.
"""
from __future__ import annotations

import codecs

from kg.model import SourceError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def sniff_encoding(data: bytes) -> str | None:
    """The encoding that decodes ``data`` cleanly, or None (binary or unknown)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc
    try:
        data.decode("utf-8")
        if b"\x00" not in data:
            return "utf-8"
    except UnicodeDecodeError as e:
        # a file cut in the middle of a multi-byte character is still UTF-8
        if e.start >= len(data) - 3 and e.reason == "unexpected end of data":
            return "utf-8"
    if b"\x00" in data:
        return _utf16_without_bom(data)
    try:
        data.decode("cp949")
        return "cp949"
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
    except Exception:  # pragma: no cover - charset-normalizer failing is not the user's problem
        best = None
    if best is not None and best.encoding:
        try:
            data.decode(best.encoding)
            return best.encoding
        except (UnicodeDecodeError, LookupError):
            return None
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: the byte order whose decoding reads as Korean/ASCII text, if any."""
    best, best_score = None, 0.0
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data[: len(data) - len(data) % 2].decode(enc)
        except UnicodeDecodeError:
            continue
        if "\x00" in text or looks_binary(text):
            continue
        sample = text[:5000]
        plausible = sum(1 for ch in sample if _plausible(ch))
        score = plausible / max(1, len(sample))
        if score > best_score:
            best, best_score = enc, score
    return best if best_score >= 0.9 else None


def _plausible(ch: str) -> bool:
    o = ord(ch)
    return (32 <= o < 127 or ch in "\t\n\r" or 0xAC00 <= o <= 0xD7A3 or 0x3000 <= o <= 0x303F or 0x2010 <= o <= 0x25FF
            or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F or 0x4E00 <= o <= 0x9FFF or 0xFF00 <= o <= 0xFFEF
            or o in (0xA0, 0xB7))


def looks_binary(text: str) -> bool:
    """Text with many control characters (other than tabs and line breaks) is binary data decoded by chance."""
    sample = text[:20000]
    ctrl = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v" or 0x7F <= ord(ch) < 0xA0)
    return ctrl >= 3 and ctrl > 0.02 * len(sample)


def decode_bytes(data: bytes, where: str) -> str:
    """Decode a whole file's bytes; raises :class:`SourceError` naming ``where`` and the reason."""
    if not data:
        raise SourceError(where, "empty file (0 bytes)")
    enc = sniff_encoding(data)
    if enc is None:
        if b"\x00" in data:
            raise SourceError(where, "binary file (contains NUL bytes), not text")
        raise SourceError(where, "cannot decode: not UTF-8, UTF-16 or CP949/EUC-KR text")
    text = data.decode(enc, errors="replace" if enc == "utf-8" else "strict")
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text or looks_binary(text):
        raise SourceError(where, "binary file (control characters), not text")
    if not text.strip():
        raise SourceError(where, "empty file (only whitespace)")
    return text

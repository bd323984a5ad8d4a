"""Encoding repairs of one line, with a per-character map back to the line's original columns.

Two kinds of damage are repaired:

* UTF-8 bytes decoded as GBK (Simplified Chinese). A curly quote, UTF-8 E2 80 9C, read as GBK becomes
  "鈥" (E2 80) plus a character made of 9C and whatever byte followed, so the next letter is swallowed:
  "“it" turns into "鈥渋t". Encoding such a run back to GBK and decoding it as UTF-8 restores both.
  When the byte after E2 80 xx could not pair up (a space, a digit, the line end), the GBK decoder lost
  xx and left a lone "鈥"; which punctuation it was is decided from its neighbours. ftfy does not
  handle this codec pair, so it is done here; only runs that re-encode to valid UTF-8 made of Western
  characters are touched, so real Chinese text is left alone.
* Everything ftfy knows (UTF-8 read as Latin-1/cp1252 and the like), per line, configured not to
  straighten quotes or touch line breaks.

A line that needs no repair costs one regex search.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

import ftfy

# ftfy: the maintained mojibake fixer. Quotes stay curly and character widths unchanged, so only real
# damage changes the text; line breaks are ours to handle.
_FTFY_CONFIG = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_character_width=False,
    fix_latin_ligatures=False,
    explain=False,
)

# Mojibake always shows characters beyond ASCII and General Punctuation (U+2000-U+206F): a UTF-8 lead
# byte read in any legacy code page is a letter (Â, Ã, Р) or an ideograph (鈥). Lines with nothing but
# ASCII and curly quotes, dashes and ellipses, most lines of English news, skip the repairs entirely.
_MAYBE_DAMAGED = re.compile(r"[^\x00-\x7f\u2000-\u206f]")
# Runs of characters that are double-byte in GBK: the candidates for UTF-8-read-as-GBK damage.
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
# Decoded mojibake must be Western text: nothing at or above the CJK radicals block (U+2E80).
_CJK_START = 0x2E80
# CJK scripts, halfwidth/fullwidth forms and the supplementary ideographs: text a lone "鈥" may belong to.
_CJK_RANGES = ((0x2E80, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF), (0xFF00, 0xFFEF), (0x20000, 0x3FFFF))
# UTF-8 lead bytes of General Punctuation (U+2000-U+203F), whose third byte a GBK decoder can lose.
_PUNCTUATION_LEAD = b"\xe2\x80"
_OPENING_CONTEXT = set(" \t([{") | {""}
_REPLACEMENT = "\ufffd"
# How many repaired pieces before a run are enough context for it (a piece is at least a character).
_CONTEXT_PIECES = 8


@dataclass
class RepairedLine:
    """A line after repair: its text, the original column of each character, and how many repairs."""

    text: str
    columns: list[int] | None  # None: unchanged, character i is at column i
    exact: list[bool] | None  # False where a character was produced by a repair
    repairs: int


def repair_line(line: str) -> RepairedLine:
    if not _MAYBE_DAMAGED.search(line):
        return RepairedLine(line, None, None, 0)
    text, columns, exact, repairs = _repair_gbk_mojibake(line)
    fixed = ftfy.fix_text(text, _FTFY_CONFIG)
    if fixed != text:
        columns, exact, ftfy_repairs = _follow_edit(text, fixed, columns, exact)
        text = fixed
        repairs += ftfy_repairs
    if repairs == 0:
        return RepairedLine(line, None, None, 0)
    return RepairedLine(text, columns, exact, repairs)


def _repair_gbk_mojibake(line: str) -> tuple[str, list[int], list[bool], int]:
    pieces: list[str] = []
    columns: list[int] = []
    exact: list[bool] = []
    repairs = 0
    cursor = 0
    for match in _NON_ASCII_RUN.finditer(line):
        # The context of a lost byte is the text as repaired so far, not the damaged original.
        before = "".join(pieces[-_CONTEXT_PIECES:]) + line[cursor : match.start()]
        decoded = _decode_gbk_run(match.group(), before, line[match.end() :])
        if decoded is None:
            continue
        _append_plain(line, cursor, match.start(), pieces, columns, exact)
        for character, run_column in decoded:
            pieces.append(character)
            columns.append(match.start() + run_column)
            exact.append(False)
        repairs += 1
        cursor = match.end()
    _append_plain(line, cursor, len(line), pieces, columns, exact)
    return "".join(pieces), columns, exact, repairs


def _append_plain(
    line: str, start: int, end: int, pieces: list[str], columns: list[int], exact: list[bool]
) -> None:
    pieces.append(line[start:end])
    columns.extend(range(start, end))
    exact.extend([True] * (end - start))


def _decode_gbk_run(run: str, before: str, after: str) -> list[tuple[str, int]] | None:
    """The characters a run really was, each with the run column it came from; None if it is no mojibake.

    `before` is the line up to the run, `after` the line after it: the context of a lost byte.
    """
    # A decoder told to replace rather than drop what it could not pair leaves U+FFFD for the lost byte.
    lost_marker = run.endswith(_REPLACEMENT) and len(run) > 1
    core = run[:-1] if lost_marker else run
    try:
        encoded = core.encode("gbk")
    except UnicodeEncodeError:
        return None
    if len(encoded) != 2 * len(core):  # every character must be double-byte in GBK
        return None
    decoded: list[tuple[str, int]] = []
    truncated = False
    position = 0
    while position < len(encoded):
        lead = encoded[position]
        size = _utf8_length(lead)
        if size == 0:
            return None
        chunk = encoded[position : position + size]
        column = position // 2
        try:
            character = chunk.decode("utf-8")
        except UnicodeDecodeError:
            character = ""
        if character:
            if len(character) != 1 or ord(character) >= _CJK_START:
                return None
            decoded.append((character, column))
            position += size
            continue
        # A truncated punctuation sequence: its last byte was lost by the GBK decoder. Only in Western
        # text: next to Chinese, "鈥" is more likely a real (if rare) character.
        if encoded[position : position + 2] != _PUNCTUATION_LEAD or position + 2 != len(encoded):
            return None
        if _is_cjk(before.rstrip()[-1:]) or _chinese_follows(after):
            return None
        next_character = after[:1]
        previous = before[-1:] if position == 0 else decoded[-1][0]
        decoded.append((_lost_punctuation(previous, next_character), column))
        truncated = True
        position += 2
    if all(character.isascii() for character, _ in decoded):
        return None
    if lost_marker and not truncated:
        return None  # U+FFFD after a complete character: some other damage, leave it
    return decoded


def _chinese_follows(after: str) -> bool:
    """Whether the next word is Chinese (and not itself UTF-8 read as GBK, like "caf茅" for "café")."""
    following = after.lstrip()
    if not _is_cjk(following[:1]):
        return False
    run = _NON_ASCII_RUN.match(following)
    assert run is not None
    return _decode_gbk_run(run.group(), "", following[run.end() :]) is None


def _is_cjk(character: str) -> bool:
    return bool(character) and any(low <= ord(character) <= high for low, high in _CJK_RANGES)


def _utf8_length(lead: int) -> int:
    if lead < 0x80:
        return 1
    if 0xC2 <= lead <= 0xDF:
        return 2
    if 0xE0 <= lead <= 0xEF:
        return 3
    if 0xF0 <= lead <= 0xF4:
        return 4
    return 0


def _lost_punctuation(before: str, after: str) -> str:
    """Guess a General Punctuation character whose last byte is lost, from the characters around it.

    The byte after it was no letter (a letter would have been swallowed into the run), so it is followed
    by a space, a digit, punctuation or the line end. Between spaces it was a dash; after a word a closing
    quote; before anything else after a space an opening quote.
    """
    before_is_open = before in _OPENING_CONTEXT
    after_is_space = after in ("", " ", "\t")
    if before_is_open and after_is_space:
        return "—"
    if before.isdigit() and after.isdigit():
        return "–"
    if before_is_open:
        return "“"
    return "”"


def _follow_edit(
    old: str, new: str, columns: list[int], exact: list[bool]
) -> tuple[list[int], list[bool], int]:
    """Carry the column map of `old` over to `new`; replaced text points at the start of what it replaced."""
    new_columns: list[int] = []
    new_exact: list[bool] = []
    edits = 0
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if operation == "equal":
            new_columns.extend(columns[old_start:old_end])
            new_exact.extend(exact[old_start:old_end])
            continue
        edits += 1
        anchor = columns[old_start] if old_start < len(columns) else (columns[-1] + 1 if columns else 0)
        new_columns.extend([anchor] * (new_end - new_start))
        new_exact.extend([False] * (new_end - new_start))
    return new_columns, new_exact, edits

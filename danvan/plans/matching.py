"""Find the unit a plan's words name ("Ban Dân vận Tỉnh ủy", "Văn Phòng Thành ủy") among the known units."""

from datetime import date

from danvan.core import access
from danvan.lib import vntext
from danvan.org.models import Unit


def _words(text: str) -> list[str]:
    return vntext.fold(text).split()


def match_unit(text: str, *, near: Unit, on: date | None = None) -> Unit | None:
    """The unit whose name best covers the words, searched in the tree of `near`'s top ancestor.

    A candidate must contain every distinctive word of the text; among those, the shortest name wins (the most
    specific body), then the one nearest to `near` in the tree. Returns None when nothing fits.
    """
    words = [w for w in _words(text) if w not in ("cac", "va", "cua")]
    if not words or len(words) > 14:
        return None
    root_path = near.path[: access.SEGMENT_WIDTH]
    candidates = Unit.objects.filter(access.subtree_q("path", [root_path]))
    if on is not None:
        candidates = candidates.valid_on(on)
    for word in words:
        candidates = candidates.filter(search_text__contains=word)
    best, best_score = None, None
    for unit in candidates.only("id", "name", "path")[:50]:
        extra = len(_words(unit.name)) - len(words)
        shared = len(_common_prefix(unit.path, near.path)) // access.SEGMENT_WIDTH
        score = (extra, -shared, len(unit.path))
        if best_score is None or score < best_score:
            best, best_score = unit, score
    return best


def match_units(texts: list[str], *, near: Unit, on: date | None = None) -> list[Unit]:
    found = []
    for text in texts:
        unit = match_unit(text, near=near, on=on)
        if unit is not None and unit not in found:
            found.append(unit)
    return found


def _common_prefix(a: str, b: str) -> str:
    size = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        size += 1
    return a[: size - size % access.SEGMENT_WIDTH]

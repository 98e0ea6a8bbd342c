"""Unit paths: materialized, fixed-width base-36 segments, so a subtree is a contiguous range of paths."""

from django.db.models import Q

PATH_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"
SEGMENT_WIDTH = 6


def encode_segment(number: int) -> str:
    digits = []
    while number:
        number, rest = divmod(number, 36)
        digits.append(PATH_ALPHABET[rest])
    segment = "".join(reversed(digits)) or "0"
    if len(segment) > SEGMENT_WIDTH:
        raise ValueError("unit id too large for a path segment")
    return segment.rjust(SEGMENT_WIDTH, "0")


def prefix_upper_bound(prefix: str) -> str:
    """The smallest path that sorts after every path starting with prefix (alphabet is [0-9a-z])."""
    chars = list(prefix)
    for i in range(len(chars) - 1, -1, -1):
        position = PATH_ALPHABET.index(chars[i])
        if position + 1 < len(PATH_ALPHABET):
            chars[i] = PATH_ALPHABET[position + 1]
            return "".join(chars[: i + 1])
    return prefix + "{"  # all 'z': unreachable with real ids


def subtree_q(field: str, paths) -> Q:
    query = Q(pk__in=[])
    for path in paths:
        query |= Q(**{f"{field}__gte": path, f"{field}__lt": prefix_upper_bound(path)})
    return query

"""The expat parser every part is read with (DOCTYPE and ENTITY refused) and attribute helpers."""

from __future__ import annotations

from typing import Any
from xml.parsers import expat


def _local(name: str) -> str:
    return name.rsplit(" ", 1)[-1]


def _attr(attrs: dict[str, str], name: str) -> str | None:
    if name in attrs:
        return attrs[name]
    for key, value in attrs.items():
        if _local(key) == name:
            return value
    return None


class _Doctype(Exception):
    pass


def _new_parser() -> Any:
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True

    def refuse(*_args):
        raise _Doctype

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    return parser


def _int(value: str | None, default: int = -1) -> int:
    try:
        return int(value or "")
    except ValueError:
        return default

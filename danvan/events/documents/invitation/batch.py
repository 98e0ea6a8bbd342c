"""Writing the batch: the skeleton's parts streamed into a zip, one letter and one QR image at a time."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Sequence
from typing import BinaryIO

from docx.opc.constants import RELATIONSHIP_TYPE as RT

from danvan.events.documents.invitation import letter
from danvan.events.documents.invitation.fit import fitted_profile
from danvan.events.documents.invitation.letter import _slot_texts
from danvan.events.documents.invitation.skeleton import (
    DOCUMENT,
    DOCUMENT_RELS,
    FIRST_SHAPE_ID,
    _fill,
    _skeleton,
)
from danvan.events.documents.types import Delegate, EventInfo, profile_without_page_numbers
from danvan.lib.officialdoc.profiles import FormatProfile


def _qr_numbers(profile: FormatProfile, event: EventInfo, delegates: Sequence[Delegate]) -> dict[str, int]:
    """Each distinct link -> the number of its QR image (first appearance order): one image per link."""
    numbers: dict[str, int] = {}
    for delegate in delegates:
        link = _slot_texts(profile, event, delegate)["link"]
        if link and link not in numbers:
            numbers[link] = len(numbers) + 1
    return numbers


def write_invitation_docx(
    out: BinaryIO,
    event: EventInfo,
    delegates: Sequence[Delegate],
    *,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Write one giấy mời per delegate, each on its own page, as one DOCX into ``out`` (no page numbers).

    A delegate with a ``link`` gets the RSVP note with the link and the link's QR code; without
    one, the letter has neither. An empty ``number`` prints "Số    -GM/BDVTU" (filled by hand).
    ``progress(done, total)`` counts the letters and then the QR images.
    """
    profile = fitted_profile(profile_without_page_numbers(event.format_profile), event, delegates)
    skeleton = _skeleton(profile, event)
    numbers = _qr_numbers(profile, event, delegates)
    total, done = len(delegates) + len(numbers), 0
    report = progress or (lambda done, total: None)
    report(0, total)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for info, data in skeleton.parts:
            entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            if info.filename == DOCUMENT:
                with package.open(entry, "w") as document:
                    document.write(skeleton.prefix)
                    for index, delegate in enumerate(delegates):
                        if index:
                            document.write(skeleton.page_break)
                        texts = _slot_texts(profile, event, delegate)
                        if texts["link"]:
                            number = numbers[texts["link"]]
                            texts.update(rid=f"rIdQr{number}", shape=str(FIRST_SHAPE_ID + index))
                        document.write(_fill(skeleton.letters[bool(texts["link"])], texts))
                        done += 1
                        report(done, total)
                    document.write(skeleton.suffix)
            elif info.filename == DOCUMENT_RELS:
                with package.open(entry, "w") as rels:
                    rels.write(skeleton.rels_head)
                    for number in numbers.values():
                        rels.write(
                            f'<Relationship Id="rIdQr{number}" Type="{RT.IMAGE}" '
                            f'Target="media/qr{number}.png"/>'.encode()
                        )
                    rels.write(skeleton.rels_tail)
            else:
                package.writestr(entry, data)
        date_time = skeleton.parts[0][0].date_time
        for link, number in numbers.items():
            # Looked up on ``letter`` at each call: the one place tests stand in for the QR renderer.
            image = zipfile.ZipInfo(f"word/media/qr{number}.png", date_time=date_time)
            package.writestr(
                image, letter.qr_png(link), compress_type=zipfile.ZIP_STORED
            )  # PNG is compressed already
            done += 1
            report(done, total)


def invitation_docx(event: EventInfo, delegates: Sequence[Delegate]) -> bytes:
    """``write_invitation_docx`` into bytes (a few letters; a batch goes to a file through a job)."""
    buffer = io.BytesIO()
    write_invitation_docx(buffer, event, delegates)
    return buffer.getvalue()

"""Giấy mời: one invitation letter per delegate, all in one DOCX (a page break between letters).

Each letter is an official Party document (``danvan.lib.officialdoc`` blocks and profile): the
header (superior body, issuing body, "*", "Số   -GM/BDVTU" | motto, place and date), "GIẤY MỜI"
and its summary line, the body (who invites, "Đồng chí <name>, <title>, <unit>", "Tới dự",
"Thời gian", "Địa điểm", the content lines, the note with the RSVP link, the closing), then the
recipients with the delegate's QR code under them (left) and the signature (right).

Streaming, in memory that does not grow with the letters: python-docx builds one skeleton document
holding one letter of each shape (with and without a QR code) whose per-delegate texts are marks;
its ``word/document.xml`` is cut into the text before the letters, each letter's XML, the page
break and the text after. ``write_invitation_docx`` then writes the package straight into a zip
stream: the skeleton's other parts as they are, ``word/document.xml`` one letter at a time (the
shape's XML with the marks replaced by the delegate's escaped texts), the relationships, and each
link's QR code rendered once (segno, PNG) and added once. Nothing of a letter is kept after it is
written: 1,500 letters take the memory of a handful (see bench/events.py), and every letter has
exactly the layout of the first one.

The package re-exports every name callers use: ``letter`` (wording, QR code, one letter), ``fit`` (one
page per letter), ``skeleton`` (the marked skeleton document), ``batch`` (writing the DOCX).
"""

from __future__ import annotations

from danvan.events.documents.invitation.batch import invitation_docx, write_invitation_docx
from danvan.events.documents.invitation.fit import fitted_profile
from danvan.events.documents.invitation.letter import DOC_TYPE, QR_SIZE_MM, qr_png
from danvan.events.documents.invitation.skeleton import PLACEHOLDER_LINK as PLACEHOLDER_LINK

__all__ = [
    "DOC_TYPE",
    "QR_SIZE_MM",
    "fitted_profile",
    "invitation_docx",
    "qr_png",
    "write_invitation_docx",
]

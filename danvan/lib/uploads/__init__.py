"""Gatekeeper for uploaded Word/Excel/text files.

Every uploaded file passes through :func:`inspect_upload` before any parser touches it. The kind
of a file is decided by its content, never by its extension, and anything unsafe or unreadable
is refused with an :class:`UploadRejected` whose ``message`` is plain Vietnamese for the
committee officer who uploaded it (it always names the file) and whose ``code`` is a short
machine code for logs and tests:

=================  ===============================================================
code               meaning
=================  ===============================================================
``too_large``      more bytes than ``max_bytes``
``empty``          no bytes at all
``not_office``     PDF, image, HTML, archive, plain text... not an accepted kind
``wrong_kind``     a Word file where Excel is expected (or the other way round)
``macro``          macro-enabled package (.xlsm/.docm, ``vbaProject.bin``)
``encrypted``      password-protected (OLE ``EncryptedPackage`` or encrypted zip)
``legacy_format``  .doc/.xls (OLE compound file) or Office 2003 XML
``zip_bomb``       declared or actual decompressed size/ratio beyond the limits
``too_many_parts`` more than 2,000 members in the package
``broken``         damaged or truncated zip, bad CRC, malformed XML part
``xml_entity``     an XML part with a DOCTYPE/ENTITY declaration
``svg``            an SVG picture (it may carry script): never accepted
``broken_image``   starts like a picture but does not decode as one (a renamed HTML page…)
``image_bomb``     a picture with more pixels than ``max_pixels`` (decompression bomb)
``unreadable``     a Word/Excel package the reading library cannot open (see ``openable``)
``too_big``        a workbook past the reader's limits (see ``danvan.lib.tables.xlsx``)
=================  ===============================================================

Kinds: ``xlsx``, ``docx``, ``txt``, ``image`` (JPEG, PNG, GIF, WebP: decoded with Pillow and re-encoded,
see :mod:`danvan.lib.uploads.images`) and ``pdf`` (recognised by its header, only stored). The inspected
file says which extension and content type the product gives it (``extension``, ``content_type``).

Zip members are decompressed in a streaming way (chunks, byte counting, abort past the limit),
so lying headers cannot smuggle a bomb in; every XML part is checked for DOCTYPE/ENTITY
declarations before it reaches the XML parser, and then parsed for well-formedness with a
target that builds nothing (constant memory).

Pure Python, no Django import: the module can be used and tested without settings.
"""

from danvan.lib.uploads.errors import UploadRejected
from danvan.lib.uploads.images import make_thumbnail
from danvan.lib.uploads.inspector import KINDS, InspectedFile, inspect_upload
from danvan.lib.uploads.inspector import _Inspector as _Inspector
from danvan.lib.uploads.ooxml import MAX_PARTS
from danvan.lib.uploads.text import clean_filename, decode_text, human_size

__all__ = [
    "KINDS",
    "MAX_PARTS",
    "InspectedFile",
    "UploadRejected",
    "clean_filename",
    "decode_text",
    "human_size",
    "inspect_upload",
    "make_thumbnail",
]

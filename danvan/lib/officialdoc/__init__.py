"""Official documents (văn bản) in the Party's or the state's format: DOCX building blocks, format
profiles, the plan renderer and DOCX -> PDF conversion.

    from danvan.lib.officialdoc import render_plan, convert_to_pdf
    docx = render_plan(plan_document, "party-2018")
    pdf = convert_to_pdf(docx)  # PdfUnavailable when LibreOffice is missing
"""

from danvan.lib.officialdoc.pdf import PdfUnavailable, convert_to_pdf, libreoffice_available
from danvan.lib.officialdoc.plan import build_plan, render_plan
from danvan.lib.officialdoc.profiles import PROFILES, FormatProfile, get_profile

__all__ = [
    "PROFILES",
    "FormatProfile",
    "PdfUnavailable",
    "build_plan",
    "convert_to_pdf",
    "get_profile",
    "libreoffice_available",
    "render_plan",
]

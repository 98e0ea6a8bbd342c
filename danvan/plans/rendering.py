"""Plan rows -> the official document (DOCX, and PDF through LibreOffice)."""

from danvan.lib.officialdoc.pdf import convert_to_pdf
from danvan.lib.officialdoc.plan import render_plan

from .models import Plan


def plan_docx_bytes(plan: Plan) -> bytes:
    doc = plan.document()
    doc.symbol = plan.symbol or doc.symbol
    doc.issued_on = plan.issued_on or doc.issued_on
    doc.place = plan.place or doc.place
    return render_plan(doc, plan.profile)


def plan_pdf_bytes(plan: Plan) -> bytes:
    return convert_to_pdf(plan_docx_bytes(plan))

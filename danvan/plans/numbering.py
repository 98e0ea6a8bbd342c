"""Document numbers: per issuing unit, type and year; no gaps, no duplicates, even under concurrency.

The counter row is locked (SELECT ... FOR UPDATE on PostgreSQL; SQLite serialises writers with BEGIN
IMMEDIATE), and it is incremented in the same transaction that issues the document, so a failed issue rolls
the number back.
"""

from django.db import IntegrityError, transaction

from danvan.org.models import Unit

from .models import NumberSequence


def next_number(*, unit: Unit, type_code: str, year: int) -> int:
    assert transaction.get_connection().in_atomic_block, "allocate numbers inside the issuing transaction"
    for _attempt in range(3):
        sequence = (
            NumberSequence.objects.select_for_update()
            .filter(unit=unit, type_code=type_code, year=year)
            .first()
        )
        if sequence is None:
            try:
                with transaction.atomic():
                    sequence = NumberSequence.objects.create(unit=unit, type_code=type_code, year=year)
            except IntegrityError:
                continue  # another issuer created the row first: lock it on the next round
            sequence = NumberSequence.objects.select_for_update().get(pk=sequence.pk)
        sequence.last_number += 1
        sequence.save(update_fields=["last_number"])
        return sequence.last_number
    raise RuntimeError("could not allocate a document number")


def format_symbol(*, number: int | None, type_code: str, body_code: str, style: str) -> str:
    """Party shape "12-KH/BDVTU"; state and Front shape "157/KH-UBND"; a blank number keeps the rest."""
    shown = str(number).zfill(2) if number is not None else ""
    if style == "state":
        return f"{shown}/{type_code}-{body_code}"
    return f"{shown}-{type_code}/{body_code}" if shown else f"-{type_code}/{body_code}"

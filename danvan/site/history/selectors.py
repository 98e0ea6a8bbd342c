"""The change history of one object, as simple_history recorded it."""

HIDDEN_HISTORY_FIELDS = {"version", "password", "last_login"}


def history_entries(obj) -> list[dict]:
    """Each recorded version with who, when, and the fields that changed against the one before."""
    records = list(obj.history.select_related("history_user").order_by("-history_date", "-history_id"))
    entries = []
    for index, record in enumerate(records):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = []
        if previous is not None:
            delta = record.diff_against(previous)
            for change in delta.changes:
                if change.field in HIDDEN_HISTORY_FIELDS:
                    continue
                field = obj._meta.get_field(change.field)
                changes.append({"label": field.verbose_name, "old": change.old, "new": change.new})
        entries.append({"record": record, "changes": changes, "is_creation": previous is None})
    return entries

"""The work programme (Chương trình công tác năm): a plans.Plan of kind "programme" whose tasks are the
year's items; plans, tasks, calls, events and appraisal rounds carry an item out through their
``programme_item`` link. See selectors.py for the item states and the dashboard's ``programme_progress``."""

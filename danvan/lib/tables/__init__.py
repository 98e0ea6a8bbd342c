"""The standard forms as tables: reading a unit's filled-in .xlsx/.docx and writing the blank forms.

Pure code (no app imported): the caller describes the form's columns as ``ColumnSpec`` values.

- ``grids``: an .xlsx sheet or a Word table as a grid of cells (merged cells, legacy fonts);
- ``match``: which header cell names which column;
- ``read``: ``parse_upload`` / ``parse_grid``: the grid's rows as cleaned values and problems;
- ``values``: ``ColumnSpec`` and the cleaning of one cell;
- ``blank``: the blank forms to download (``blank_xlsx``, ``blank_docx``).
"""

"""Plans' pages: plans (list, page, issue), tasks (board, editor, calendar), documents (import, edit,
review, DOCX/PDF, versions)."""

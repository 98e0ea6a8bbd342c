"""Units and people in and out of Excel: template, read and check every row, preview, apply all or nothing,
export. columns (the one column list), reading, checks, services, documents, selectors, forms, views, urls."""

"""The events pages: events (list, detail, groups, invitations, presentations, closing), the check-in desk,
the calendar and its feed, the event's documents, and the delegate's public answer page."""

"""Background documents: long document work (letters, booklets, PDFs) runs as a task, never in the request.

    kind registry   registry.py  an app's ``jobs.py`` registers ``@register("events.letters")`` builders;
                                 a builder writes the file into a binary stream and reports progress
    the row         models.py    DocumentJob: owner, kind, title, params, status, progress, the result file
                                 (stored under a random name; the download name kept apart), error, times
    writes          services.py  job_enqueue (a request), job_run (the task's body), jobs_purge (old results,
                                 jobs a dead worker left running)
    the task        tasks.py     run_document_job(job_id): reloads the job by id, calls job_run
    pages           views.py     the job's card (polled by htmx every second while it runs) and the download,
                                 which only the job's owner (or a system administrator) may fetch

Callers: ``from danvan.core.jobs import services as jobs`` then ``jobs.job_enqueue(...)``. This package
imports no app (it is the ground floor): domain apps register their builders here.
"""

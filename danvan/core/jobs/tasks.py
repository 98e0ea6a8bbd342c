"""The one task of background documents: load the job by id and run it."""

from django_tasks import task


@task()
def run_document_job(job_id: int) -> str:
    from .services import job_run

    return job_run(job_id)

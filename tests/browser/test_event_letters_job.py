"""The letters batch in the background: an event of 300 delegates, the organiser asks for the letters, the
job runs outside the request (a worker thread here, ``manage.py db_worker`` in production) while the page's
progress bar moves, then the file is downloaded and read back: one letter a page, 300 pages."""

import threading

import pytest
from django.db import connections
from docx import Document
from docx.oxml.ns import qn

from .conftest import log_in

pytestmark = pytest.mark.browser

DELEGATES = 300
BAR_VALUES = """() => [...document.querySelectorAll("[data-testid=job] .progress")]
    .map((bar) => Number(bar.getAttribute("aria-valuenow")))"""


@pytest.fixture
def big_event(cast):
    from danvan.events import services
    from danvan.org.models import Person
    from danvan.testing.factories import PersonFactory

    event = services.event_save(
        actor=cast.province_officer,
        organiser=cast.province,
        title="Hội nghị biểu dương điển hình “Dân vận khéo”",
        venue="Hội trường tỉnh",
        time_text="08 giờ 00, ngày 15/12/2099",
        expected_attendance=DELEGATES,
    )
    group = services.group_save(
        actor=cast.province_officer, event=event, label="Tổ trưởng Tổ Dân vận tiêu biểu", quota=DELEGATES
    )
    PersonFactory.create_batch(DELEGATES, unit=cast.area, title="Tổ trưởng Tổ Dân vận")
    people = list(Person.objects.filter(unit=cast.area).select_related("unit"))
    services.invite_people(actor=cast.province_officer, event=event, group=group, people=people)
    return event


class Worker(threading.Thread):
    """Runs the queued job as ``db_worker`` would, on the test database's (shared, in-memory) connection."""

    def __init__(self, job_id: int):
        super().__init__(daemon=True)
        self.job_id, self.connection, self.error = job_id, connections["default"], None

    def run(self):
        from danvan.core.jobs.tasks import run_document_job

        connections["default"] = self.connection  # as Django's live server thread shares it
        self.connection.inc_thread_sharing()
        try:
            run_document_job.call(self.job_id)
        except Exception as error:  # reported by the test
            self.error = error
        finally:
            self.connection.dec_thread_sharing()


def test_the_letters_batch_is_made_in_the_background_and_downloaded(
    cast, big_event, page, live_server, screenshot, settings, tmp_path
):
    from danvan.core.jobs.models import DocumentJob

    # No task runs in the request: the job waits in the queue for the worker below.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    log_in(page, live_server, "province_officer")
    page.goto(f"{live_server.url}{big_event.get_absolute_url()}")
    with page.expect_navigation():
        page.get_by_role("button", name="Giấy mời (Word, in cả lô)").click()
    card = page.get_by_test_id("job").first
    assert card.get_attribute("data-state") == "queued" and "Đang chờ" in card.inner_text()
    job = DocumentJob.objects.get()

    worker = Worker(job.pk)
    worker.start()
    seen = set()
    while worker.is_alive():  # what the page shows while the worker writes (htmx swaps the card each second)
        values = page.evaluate(BAR_VALUES)
        if any(0 < value < 100 for value in values) and not any(0 < value < 100 for value in seen):
            screenshot("letters-progress")  # the bar on its way
        seen.update(values)
        page.wait_for_timeout(300)
    worker.join(timeout=300)
    assert worker.error is None, worker.error
    assert any(0 < value < 100 for value in seen), seen  # the bar moved while the worker wrote the letters

    # The card stops polling once done and offers the file; a reload keeps showing it.
    page.locator("[data-testid=job][data-state=done]").wait_for(timeout=15_000)
    page.reload()
    download_link = page.get_by_test_id("job-download").first
    assert "giay-moi-hoi-nghi-bieu-duong" in download_link.inner_text()
    screenshot("letters-ready")
    with page.expect_download() as info:
        download_link.click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert path.suffix == ".docx" and path.read_bytes()[:2] == b"PK"

    doc = Document(str(path))
    breaks = sum(1 for br in doc.element.body.iter(qn("w:br")) if br.get(qn("w:type")) == "page")
    assert breaks == DELEGATES - 1
    assert [p.text for p in doc.paragraphs].count("GIẤY MỜI") == DELEGATES
    assert len(doc.inline_shapes) == DELEGATES  # one QR code a letter
    assert job.pk and DocumentJob.objects.get(pk=job.pk).total == 2 * DELEGATES  # letters, then QR images

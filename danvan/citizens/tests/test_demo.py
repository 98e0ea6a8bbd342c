"""The demo of listening to the people loads on the product's demo, once, with an overdue petition."""

import io

from django.core.management import call_command


def test_the_demo_loads_once_with_petitions_at_every_step(db):
    call_command("load_demo", stdout=io.StringIO())
    from danvan.accounts.models import User
    from danvan.citizens.demo import load_demo_citizens
    from danvan.citizens.models import Petition, SituationReport
    from danvan.org.demo import load_demo_units

    admin = User.objects.filter(is_superuser=True).first()
    units = load_demo_units(admin)
    assert Petition.objects.count() == 7  # load_demo made them
    assert load_demo_citizens(admin, units) == 0  # a second run makes nothing
    assert Petition.objects.count() == 7
    statuses = set(Petition.objects.values_list("status", flat=True))
    assert {"received", "assigned", "in_progress", "answered", "informed", "closed"} <= statuses
    assert [p.title for p in Petition.objects.all() if p.overdue] == [
        "Chậm cấp giấy chứng nhận quyền sử dụng đất sau đo đạc lại"
    ]
    assert SituationReport.objects.filter(case_status="open").count() == 1

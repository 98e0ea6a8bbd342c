from django.core.management import call_command

from danvan.org.divisions import load_divisions
from danvan.org.models import Unit


def test_the_whole_country_loads_once_and_a_second_run_changes_nothing(db):
    first = load_divisions()
    assert first == {"provinces": 34, "wards": 3321, "created": 3355, "renamed": 0}
    second = load_divisions()
    assert second["created"] == 0 and second["renamed"] == 0
    assert Unit.objects.filter(code__startswith="HC-").count() == 3355
    bac_ninh = Unit.objects.get(code="HC-P24")
    assert bac_ninh.name == "Tỉnh Bắc Ninh" and bac_ninh.children.count() == 99
    assert Unit.objects.get(code="HC-P01").name == "Thành phố Hà Nội"
    ward = bac_ninh.children.get(name="Phường Từ Sơn")
    assert ward.path.startswith(bac_ninh.path) and ward.depth == 1 and ward.kind.code == "ward"


def test_the_command_loads_one_province(db, capsys):
    call_command("load_divisions", "--province", "24")
    assert "99 xã, phường" in capsys.readouterr().out
    assert Unit.objects.filter(code__startswith="HC-W").count() == 99


def test_the_demo_loads_twice_without_duplicates(db, capsys):
    call_command("load_demo")
    count = Unit.objects.count()
    call_command("load_demo")
    assert Unit.objects.count() == count
    output = capsys.readouterr().out
    assert "phuong.bdv" in output and "danvan-demo-2026" in output
    old_bac_ninh = Unit.objects.get(code="DEMO-BN")
    assert old_bac_ninh.successor.code == "HC-P24" and not old_bac_ninh.is_current
    assert Unit.objects.filter(name="Ban Dân vận Thành ủy Từ Sơn").exists()
    from danvan.plans.models import Plan

    issued = Plan.objects.get(status=Plan.Status.ISSUED, type_code="KH")  # not the briefing notice (TB)
    assert issued.symbol == "01-KH/BTGDVTU" and issued.tasks.count() == 6
    assert Plan.objects.filter(status=Plan.Status.DRAFT).count() == 1

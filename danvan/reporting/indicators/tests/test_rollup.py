"""Roll-ups against a hand-computed example on the cast's tree.

    Tỉnh (depth 0)
    ├── Phường An Bình (ward, 1)      March 2024: its own report 7, built from
    │   ├── Khối Dân vận (bloc, 2)        bloc 2
    │   └── Khu phố Đông (area, 2)        area 4        (2 + 4 = 6 before the ward reports)
    ├── Phường Bắc Hà (other_ward, 1) March 2024: 5; January 2024: 2
    └── Sở Nội vụ (agency, 1)         March 2024: 1

March 2023: ward 4, other_ward 6 (= 10). Province target for 2024: 52.
"""

from datetime import date
from decimal import Decimal

import pytest

from danvan.core.errors import ServiceError
from danvan.lib.periods import Period, PeriodKind
from danvan.reporting.indicators import selectors, services
from danvan.reporting.indicators.models import Indicator, IndicatorValue

MARCH = Period(PeriodKind.MONTH, 2024, 3)
JANUARY = Period(PeriodKind.MONTH, 2024, 1)
Q1 = Period(PeriodKind.QUARTER, 2024, 1)


def put(indicator, unit, period, value):
    return services.value_put(indicator_id=indicator.pk, unit=unit, period=period, value=Decimal(value))


@pytest.fixture
def example(cast, dialogues):
    put(dialogues, cast.bloc, MARCH, 2)
    put(dialogues, cast.area, MARCH, 4)
    put(dialogues, cast.other_ward, MARCH, 5)
    put(dialogues, cast.agency, MARCH, 1)
    put(dialogues, cast.other_ward, JANUARY, 2)
    put(dialogues, cast.ward, Period(PeriodKind.MONTH, 2023, 3), 4)
    put(dialogues, cast.other_ward, Period(PeriodKind.MONTH, 2023, 3), 6)
    return cast


def test_subtree_sums_before_and_after_the_ward_reports_through_its_children(example, dialogues):
    cast = example
    assert selectors.rollup(dialogues, cast.province, MARCH) == Decimal(12)
    assert selectors.rollup(dialogues, cast.ward, MARCH) == Decimal(6)
    by_child = {u.pk: v for u, v in selectors.rollup_by_child(dialogues, cast.province, MARCH)}
    assert by_child == {cast.ward.pk: 6, cast.other_ward.pk: 5, cast.agency.pk: 1}

    put(dialogues, cast.ward, MARCH, 7)  # the ward's own report, its children's sum edited: counted once
    assert selectors.rollup(dialogues, cast.province, MARCH) == Decimal(13)
    assert selectors.rollup(dialogues, cast.ward, MARCH) == Decimal(7)
    assert selectors.rollup(dialogues, cast.area, MARCH) == Decimal(4)  # the area's own subtree still
    by_child = {u.pk: v for u, v in selectors.rollup_by_child(dialogues, cast.province, MARCH)}
    assert by_child == {cast.ward.pk: 7, cast.other_ward.pk: 5, cast.agency.pk: 1}
    by_child = {u.pk: v for u, v in selectors.rollup_by_child(dialogues, cast.ward, MARCH)}
    assert by_child == {cast.bloc.pk: 2, cast.area.pk: 4}

    IndicatorValue.objects.get(unit=cast.ward, period_start=MARCH.start).delete()
    row = IndicatorValue.objects.get(unit=cast.area, period_start=MARCH.start)
    assert row.covered_at == 1  # a plain delete leaves the mark; value_remove puts it right
    put(dialogues, cast.ward, MARCH, 7)
    services.value_remove(row=IndicatorValue.objects.get(unit=cast.ward, period_start=MARCH.start))
    assert selectors.rollup(dialogues, cast.province, MARCH) == Decimal(12)


def test_compare_with_last_year_and_the_target(example, dialogues):
    cast = example
    put(dialogues, cast.ward, MARCH, 7)
    services.target_set(
        actor=cast.province_officer,
        indicator=dialogues,
        unit=cast.province,
        year=2024,
        value=Decimal(52),
        unit_of_measure="cuộc",
    )
    assert selectors.compare(dialogues, cast.province, MARCH) == {
        "value": Decimal(13),
        "last_year": Decimal(10),
        "change_pct": Decimal("30.0"),
        "target": Decimal(52),
        "target_pct": Decimal("25.0"),
    }
    # No target of its own: the ward's children's targets add up; none at all -> None.
    assert selectors.compare(dialogues, cast.ward, MARCH)["target"] is None
    assert selectors.compare(dialogues, cast.ward, MARCH)["last_year"] == Decimal(4)


def test_longer_periods_are_made_from_months(example, dialogues):
    cast = example
    put(dialogues, cast.ward, MARCH, 7)
    assert selectors.rollup(dialogues, cast.province, Q1) == Decimal(15)  # January 2 + March 13
    series = selectors.series(dialogues, cast.province, "month", 2024)
    assert [v for _p, v in series[:4]] == [Decimal(2), None, Decimal(13), None]
    assert len(series) == 12
    assert [p.label for p, _v in selectors.series(dialogues, cast.province, "quarter", 2024)][:1] == [
        "Quý I/2024"
    ]
    # A quarter reported as such is taken as reported, not remade from months.
    put(dialogues, cast.province, Q1, 40)
    assert selectors.rollup(dialogues, cast.province, Q1) == Decimal(40)

    dialogues.cumulative = True  # a running total: the quarter is its last month
    dialogues.save()
    assert selectors.rollup(dialogues, cast.other_ward, Q1) == Decimal(5)
    dialogues.cumulative, dialogues.aggregation = False, Indicator.Aggregation.MAX
    dialogues.save()
    assert selectors.rollup(dialogues, cast.province, MARCH) == Decimal(7)  # max(7, 5, 1)


def test_only_what_the_user_may_see_counts(example, dialogues):
    cast = example
    assert selectors.rollup(dialogues, cast.province, MARCH, user=cast.ward_officer) == Decimal(6)
    assert selectors.rollup(dialogues, cast.province, MARCH, user=cast.outsider) == Decimal(5)
    children = selectors.rollup_by_child(dialogues, cast.province, MARCH, user=cast.outsider)
    assert [(u.pk, v) for u, v in children] == [(cast.other_ward.pk, Decimal(5))]
    assert selectors.rollup(dialogues, cast.province, MARCH, user=cast.province_officer) == Decimal(12)


def test_one_query_each(example, dialogues, django_assert_num_queries):
    cast = example
    with django_assert_num_queries(1):
        selectors.rollup(dialogues, cast.province, MARCH)
    with django_assert_num_queries(2):
        selectors.rollup_by_child(dialogues, cast.province, MARCH)
    with django_assert_num_queries(1):
        selectors.series(dialogues, cast.province, "month", 2024)


def test_a_target_in_another_unit_is_refused_and_nothing_is_saved(cast, dialogues):
    with pytest.raises(ServiceError) as refused:
        services.target_set(
            actor=cast.province_officer,
            indicator=dialogues,
            unit=cast.province,
            year=2024,
            value=Decimal(120),
            unit_of_measure="lượt người",
        )
    message = refused.value.message
    assert dialogues.name in message and "«cuộc»" in message and "«lượt người»" in message
    assert not dialogues.targets.exists()
    # The same unit written another way (case, spaces) is the same unit.
    target = services.target_set(
        actor=cast.province_officer,
        indicator=dialogues,
        unit=cast.province,
        year=2024,
        value=Decimal(120),
        unit_of_measure=" Cuộc ",
    )
    assert target.unit_of_measure == "cuộc"


def test_catalogue_is_seeded(db):
    assert Indicator.objects.filter(active=True).count() >= 10
    assert set(Indicator.objects.values_list("unit_of_measure", flat=True)) >= {"cuộc", "đơn", "căn nhà"}
    assert date(2024, 3, 1) == MARCH.start

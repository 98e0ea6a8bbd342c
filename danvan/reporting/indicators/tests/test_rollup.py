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
    assert selectors.rollup(dialogues, None, MARCH) == Decimal(13)  # the whole tree (the nation)
    assert [(u.pk, v) for u, v in selectors.rollup_by_child(dialogues, None, MARCH)] == [
        (cast.province.pk, 13)
    ]
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


YEAR_2024 = Period(PeriodKind.YEAR, 2024)


@pytest.fixture
def several(example, dialogues):
    """Beside dialogues, three more indicators with figures: one by max, one a running total, one a stock,
    with a yearly report from the ward for one of them and a target for another."""
    cast = example
    people = Indicator.objects.get(code="doi-thoai-nguoi")
    people.aggregation = Indicator.Aggregation.MAX
    people.save()
    overdue = Indicator.objects.get(code="kien-nghi-qua-han")  # a stock: the last month
    houses = Indicator.objects.get(code="nha-cho-ho-ngheo")
    houses.cumulative = True
    houses.save()
    for indicator, unit, period, value in (
        (people, cast.area, MARCH, 30),
        (people, cast.other_ward, MARCH, 50),
        (people, cast.other_ward, JANUARY, 70),
        (people, cast.ward, Period(PeriodKind.MONTH, 2023, 3), 40),
        (overdue, cast.ward, JANUARY, 9),
        (overdue, cast.ward, MARCH, 3),
        (overdue, cast.other_ward, MARCH, 1),
        (overdue, cast.other_ward, Period(PeriodKind.MONTH, 2023, 11), 8),
        (houses, cast.bloc, JANUARY, 1),
        (houses, cast.bloc, MARCH, 4),
        (houses, cast.ward, YEAR_2024, 11),
        (houses, cast.agency, Period(PeriodKind.MONTH, 2023, 12), 6),
    ):
        put(indicator, unit, period, value)
    services.target_set(
        actor=cast.province_officer,
        indicator=houses,
        unit=cast.ward,
        year=2024,
        value=Decimal(20),
        unit_of_measure="căn nhà",
    )
    return [dialogues, people, overdue, houses]


def test_compare_year_equals_compare_for_each_indicator(example, several):
    cast, after = example, date(2025, 2, 10)
    for root in (cast.province, cast.ward, cast.other_ward, None):
        rows = selectors.compare_year(2024, today=after, roots=None if root is None else [root])
        if root in (cast.province, None):  # every indicator with figures, by the catalogue's order
            assert [r.indicator for r in rows] == sorted(several, key=lambda i: (i.order, i.name))
        assert rows
        for row in rows:
            assert row.months == 12
            assert row.as_dict() == selectors.compare(row.indicator, root, YEAR_2024), (root, row.indicator)
    # By hand, for the province: the ward's yearly report of houses counts (11), plus nothing else in 2024.
    by_code = {r.indicator.code: r for r in selectors.compare_year(2024, today=after, roots=[cast.province])}
    assert (by_code["nha-cho-ho-ngheo"].value, by_code["nha-cho-ho-ngheo"].target) == (
        Decimal(11),
        Decimal(20),
    )
    assert by_code["doi-thoai-nguoi"].value == Decimal(70)  # max over units, then over months
    assert by_code["kien-nghi-qua-han"].value == Decimal(4)  # the stock: March's 3 + 1, not January's 9
    # compare_many gives the same answers as compare, period by period.
    for period in (MARCH, Q1, YEAR_2024):
        many = selectors.compare_many(several, cast.province, period)
        assert [c.as_dict() for c in many] == [selectors.compare(i, cast.province, period) for i in several]


def test_a_year_under_way_counts_its_months_so_far(example, several):
    cast = example
    rows = {
        r.indicator.code: r
        for r in selectors.compare_year(2024, today=date(2024, 3, 15), roots=[cast.province])
    }
    houses = rows["nha-cho-ho-ngheo"]
    # January and February only: the ward's yearly report does not count before the year is over.
    assert (houses.months, houses.value, houses.last_year) == (2, Decimal(1), None)
    assert rows["kien-nghi-qua-han"].value == Decimal(9)


def test_compare_year_takes_two_queries_whatever_the_number_of_indicators(
    example, several, django_assert_max_num_queries
):
    cast, after = example, date(2025, 2, 10)
    with django_assert_max_num_queries(2):  # the values (with the catalogue's rows) and the targets
        assert len(selectors.compare_year(2024, today=after, roots=[cast.province])) == 4
    more = Indicator.objects.filter(active=True).exclude(pk__in=[i.pk for i in several])[:5]
    for indicator in more:
        put(indicator, cast.agency, MARCH, 1)
    with django_assert_max_num_queries(2):
        assert len(selectors.compare_year(2024, today=after, roots=None)) == 9
    catalogue = list(Indicator.objects.filter(active=True))
    with django_assert_max_num_queries(2):
        assert len(selectors.compare_many(catalogue, cast.province, MARCH)) == len(catalogue)

"""The appraisal tests' fixtures: three council members, four exemplars, an open round, a scored one."""

import pytest

from .rounds import council_user, make_exemplar, open_round, submit


@pytest.fixture
def members(cast):
    """Three council members seated at the ward (the council role is not a home unit)."""
    return [cast.ward_council_member, council_user(cast, "thanh_vien_b"), council_user(cast, "thanh_vien_c")]


@pytest.fixture
def exemplars(cast):
    return [
        make_exemplar(cast.area, "Khu phố sáng, xanh, sạch"),
        make_exemplar(cast.bloc, "Dân vận khéo trong giải phóng mặt bằng"),
        make_exemplar(cast.team, "Tổ Dân vận tự quản"),
        make_exemplar(cast.area, "Camera an ninh khu phố"),
    ]


@pytest.fixture
def round_(cast, members, exemplars):
    return open_round(cast, members, exemplars)


@pytest.fixture
def scored(round_, members, exemplars):
    """Averages 85, 80, 80, 70 from two members each; the team's entry left unscored by a third."""
    area, bloc, team, camera = exemplars
    submit(members[0], round_, area, 45, 45)
    submit(members[1], round_, area, 40, 40)  # 90 + 80 → 85
    submit(members[0], round_, bloc, 40, 40)
    submit(members[1], round_, bloc, 40, 40)  # 80 + 80 → 80
    submit(members[0], round_, camera, 35, 40)
    submit(members[1], round_, camera, 40, 45)  # 75 + 85 → 80
    submit(members[0], round_, team, 35, 35)
    submit(members[1], round_, team, 35, 35)  # 70 + 70 → 70
    return round_

"""Demo of the movement: models registered in Phường Từ Sơn for 2025, a closed ward round that recognised two
of them (with their stories on the public showcase), a council of two demo members, an award."""

import datetime
from decimal import Decimal

from django.db import transaction

from danvan.accounts.demo import DEMO_PASSWORD
from danvan.accounts.models import RoleAssignment, User

from .appraisal import selectors as selectors_appraisal
from .appraisal import services as services_appraisal
from .models import AppraisalRound, Award, Exemplar, Field
from .registry import services

MODELS = [
    (
        "area1",
        "Kinh tế",
        "Tổ hợp tác trồng rau an toàn khu phố Đa Hội",
        "Các hộ góp đất, góp công, cùng làm theo quy trình VietGAP; Tổ Dân vận vận động, kết nối tiêu thụ.",
        "Từ 5 hộ ban đầu, sau hai năm đã có 32 hộ tham gia, thu nhập tăng gần gấp đôi.",
    ),
    (
        "area2",
        "Xây dựng hệ thống chính trị",
        "Dân vận khéo trong hiến đất mở rộng đường khu phố Trang Liệt",
        "Tổ Dân vận gặp từng hộ, công khai phương án, để Nhân dân bàn và quyết định.",
        "41 hộ tự nguyện hiến 1.250 m² đất, con đường mở rộng hoàn thành trước kế hoạch.",
    ),
    (
        "area3",
        "Văn hóa - xã hội",
        "Câu lạc bộ khuyến học dòng họ khu phố Dương Lôi",
        "Quỹ khuyến học do các dòng họ đóng góp, trao thưởng và kèm cặp học sinh khó khăn.",
        "",
    ),
    (
        "area4",
        "Quốc phòng - an ninh",
        "Tổ tự quản an ninh trật tự khu phố Tiêu Sơn",
        "Nhân dân tự tổ chức tuần tra, camera giám sát do các hộ đóng góp.",
        "",
    ),
]


@transaction.atomic
def load_demo_recognition(actor, units: dict) -> int:
    if Exemplar.objects.filter(unit=units["area1"]).exists():
        return 0
    fields = {f.name: f for f in Field.objects.all()}
    exemplars = [
        services.exemplar_save(
            actor=actor,
            unit=units[key],
            year=2025,
            kind="initiative",
            field=fields[field],
            title=title,
            description=text,
            story=story,
            started_on=datetime.date(2024, 3, 1),
            contact_name="Tổ trưởng Tổ Dân vận",
            contact_phone="0912 000 000",
        )
        for key, field, title, text, story in MODELS
    ]
    council = []
    for n, name in enumerate(["Hoàng Minh Tâm", "Vũ Thị Thu"], start=1):
        user, _ = User.objects.get_or_create(username=f"hoidong{n}", defaults={"full_name": name})
        user.set_password(DEMO_PASSWORD)
        user.save()
        RoleAssignment.objects.get_or_create(user=user, role="council_member", unit=units["ward"])
        council.append(user)
    round_ = services_appraisal.round_create(
        actor=actor,
        owner=units["ward"],
        name="Thẩm định mô hình “Dân vận khéo” phường Từ Sơn năm 2025",
        year=2025,
        level=AppraisalRound.Level.WARD,
        threshold=Decimal("75"),
    )
    services_appraisal.members_set(actor=actor, round_=round_, users=council, chair=council[0])
    entries = services_appraisal.entries_admit(actor=actor, round_=round_, exemplars=exemplars[:3])
    criteria = list(round_.criteria.all())
    marks = [[19, 18, 23, 19, 14], [18, 17, 24, 18, 13], [14, 12, 16, 15, 10]]
    for entry, points in zip(entries, marks, strict=True):
        for offset, user in enumerate(council):
            services_appraisal.sheet_submit(
                actor=user,
                entry=entry,
                points={c.pk: Decimal(p - offset) for c, p in zip(criteria, points, strict=True)},
            )
    decisions = {
        row.entry.pk: services_appraisal.default_decision(row) for row in selectors_appraisal.ranking(round_)
    }
    services_appraisal.round_close(
        actor=council[0],
        round_=round_,
        decisions=decisions,
        decision_number="125/QĐ-BCĐ",
        decision_date=datetime.date(2025, 12, 15),
        minutes="Hội đồng thẩm định họp ngày 12/12/2025, đủ thành viên; các thành viên chấm điểm độc lập.",
        place_name="Từ Sơn",
        signer_authority="T/M BAN CHỈ ĐẠO",
        signer_title="TRƯỞNG BAN",
        signer_name="Nguyễn Văn Hùng",
        recipients="Ban Dân vận Thành ủy (b/c)\nCác khu phố có mô hình",
    )
    # Recognition alone does not make an entry public: the committee publishes the ones it recognised.
    for exemplar in Exemplar.objects.filter(pk__in=[e.pk for e in exemplars]):
        if exemplar.status in (Exemplar.Status.RECOGNISED, Exemplar.Status.PROPOSED):
            services.exemplar_publish(actor=actor, exemplar=exemplar)
    services.award_save(
        actor=actor,
        issuer=units["ward"],
        recipient_name=exemplars[0].title,
        form=Award.Form.CERTIFICATE,
        level="Chủ tịch UBND phường Từ Sơn",
        decision_number="130/QĐ-UBND",
        decision_date=datetime.date(2025, 12, 20),
        reason="xuất sắc trong phong trào thi đua “Dân vận khéo” năm 2025",
        exemplar=exemplars[0],
    )
    return len(exemplars)

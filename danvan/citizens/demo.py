"""Demo of listening to the people in Phường Từ Sơn, dated from today: dialogues held and planned, petitions
at every step (one overdue at the province's Sở Nội vụ), a hot spot followed, a supervision with its
recommendations, a propaganda log and a slogan library."""

import datetime

from django.db import transaction
from django.utils import timezone

from .dialogues import services as dialogues
from .models import Dialogue, PetitionField
from .models.catalog import ensure_defaults
from .petitions import services as petitions
from .propaganda import services as propaganda
from .situations import services as situations
from .supervision import services as supervision

CITIZENS = [
    ("Nguyễn Văn Hùng", "0912 345 001", "Khu phố 1"),
    ("Trần Thị Mai", "0912 345 002", "Khu phố 2"),
    ("Lê Văn Sơn", "0912 345 003", "Khu phố 3"),
    ("Phạm Thị Lan", "", "Khu phố 1"),
    ("Nhóm hộ kinh doanh chợ Từ Sơn", "0912 345 005", "Chợ Từ Sơn"),
]


@transaction.atomic
def load_demo_citizens(actor, units: dict) -> int:
    """Returns how many petitions were made (0 when the demo is already there)."""
    ward, agency = units["ward"], units["snv_bn"]
    if Dialogue.objects.filter(organiser=ward).exists():
        return 0
    ensure_defaults()
    fields = {f.name: f for f in PetitionField.objects.all()}
    today = timezone.localdate()
    day = lambda n: today - datetime.timedelta(days=n)  # noqa: E731
    held = dialogues.dialogue_save(
        actor=actor,
        organiser=ward,
        topic="Đối thoại với Nhân dân về chỉnh trang đô thị sau sáp nhập",
        form="subject",
        target_group="Hộ dân các khu phố",
        time_text=f"{day(12):%d/%m/%Y}",
        place="Hội trường Đảng ủy phường",
        chair_name="Bí thư Đảng ủy phường Từ Sơn",
        status="held",
        participants=120,
        participant_groups="Đại diện các hộ dân, Tổ Dân vận, MTTQ phường",
        answered_on_spot=9,
        minutes="Nhân dân nêu 14 ý kiến, 9 ý kiến được trả lời tại chỗ.",
    )
    dialogues.dialogue_save(
        actor=actor,
        organiser=ward,
        topic="Tiếp xúc với hộ kinh doanh chợ Từ Sơn",
        form="group",
        target_group="Hộ kinh doanh",
        time_text=f"{day(40):%d/%m/%Y}",
        place="Ban quản lý chợ",
        status="held",
        participants=48,
    )
    next_month = today.replace(day=1) + datetime.timedelta(days=32)
    dialogues.dialogue_save(
        actor=actor,
        organiser=ward,
        topic="Đối thoại chuyên sâu với thanh niên về việc làm",
        form="in_depth",
        target_group="Đoàn viên, thanh niên",
        time_text=f"dự kiến tháng {next_month.month}/{next_month.year}",
    )
    specs = [  # (title, field, days ago, area key, steps)
        ("Đèn chiếu sáng ngõ 5 khu phố 1 hỏng nhiều tháng", "Hạ tầng, giao thông", 12, "area1", "closed"),
        ("Rác thải tồn đọng cạnh kênh tiêu khu phố 2", "Môi trường", 12, "area2", "informed"),
        ("Chậm cấp giấy chứng nhận quyền sử dụng đất sau đo đạc lại", "Đất đai", 12, "area3", "overdue"),
        ("Đề nghị hỗ trợ hộ cận nghèo sửa nhà", "Chính sách xã hội", 8, "area1", "answered"),
        (
            "Thủ tục chuyển hộ khẩu sau sáp nhập phải đi lại nhiều lần",
            "Thủ tục hành chính",
            5,
            "area2",
            "in_progress",
        ),
        ("Xe tải chở vật liệu chạy quá tốc độ qua trường học", "An ninh, trật tự", 2, "area3", "received"),
    ]
    made = 0
    for (title, field, ago, area, stage), (name, phone, address) in zip(
        specs, CITIZENS + CITIZENS, strict=False
    ):
        petition = petitions.petition_record(
            actor=actor,
            received_unit=ward,
            title=title,
            field=fields[field],
            received_on=day(ago),
            locality=units.get(area, ward),
            dialogue=held if ago == 12 else None,
            citizen={"full_name": name, "phone": phone, "address": address},
        )
        made += 1
        if stage == "received":
            continue
        target = agency if stage == "overdue" else ward
        petitions.petition_assign(
            actor=actor, petition=petition, unit=target, deadline=day(2) if stage == "overdue" else None
        )
        if stage in ("overdue",):
            continue
        petitions.petition_start(actor=actor, petition=petition)
        if stage == "in_progress":
            continue
        petitions.petition_answer(
            actor=actor,
            petition=petition,
            answered_on=day(max(ago - 4, 0)),
            answer="Ủy ban nhân dân phường đã kiểm tra, khắc phục và trả lời công dân.",
        )
        if stage == "answered":
            continue
        petitions.petition_inform(
            actor=actor, petition=petition, how="Thông báo tại họp khu phố", informed_on=day(max(ago - 5, 0))
        )
        if stage == "closed":
            petitions.petition_close(actor=actor, petition=petition)
    duplicate = petitions.petition_record(
        actor=actor,
        received_unit=ward,
        title="Rác thải tồn đọng ở kênh tiêu khu phố 2 gây mùi",
        field=fields["Môi trường"],
        received_on=day(10),
        locality=units.get("area2", ward),
    )
    made += 1
    del duplicate  # left for the officer to merge: the detail page suggests it
    hot = situations.situation_report(
        actor=actor,
        unit=ward,
        topic="Hộ dân phản đối phương án bồi thường dự án mở rộng đường",
        place="Khu phố 3",
        content="Khoảng 30 hộ tập trung tại trụ sở phường, đề nghị đối thoại trực tiếp.",
        urgency="urgent",
        is_hot_spot=True,
        reported_on=day(6),
    )
    situations.situation_note_add(
        actor=actor, report=hot, text="Đảng ủy phường tổ chức đối thoại lần 1.", on=day(4)
    )
    situations.situation_report(
        actor=actor,
        unit=ward,
        topic="Dư luận về giá gửi xe tại chợ",
        content="Tiểu thương phản ánh giá tăng.",
        reported_on=day(3),
    )
    activity = supervision.activity_save(
        actor=actor,
        unit=units["mttq_ward"],
        kind="supervision",
        title="Giám sát việc giải quyết thủ tục hành chính",
        subject="Bộ phận một cửa phường",
        time_text=f"tháng {day(20).month}/{day(20).year}",
        findings="Còn hồ sơ trễ hạn; thái độ phục vụ được Nhân dân đánh giá tốt.",
    )
    supervision.recommendation_add(
        actor=actor,
        activity=activity,
        addressee="Ủy ban nhân dân phường Từ Sơn",
        addressee_unit=ward,
        content="Công khai tiến độ giải quyết hồ sơ tại bộ phận một cửa.",
        sent_on=day(15),
        deadline=day(1),
    )
    for kind, title, outlet, views in [
        ("article", "Phường Từ Sơn đối thoại với Nhân dân về chỉnh trang đô thị", "Báo Bắc Ninh", 3200),
        ("social", "Video: Tổ Dân vận khu phố 1 vận động hiến đất làm đường", "Fanpage phường Từ Sơn", 15400),
        ("broadcast", "Bản tin Dân vận khéo", "Đài truyền thanh phường", None),
        ("leaflet", "Tờ rơi hướng dẫn thủ tục hành chính sau sáp nhập", "", None),
    ]:
        propaganda.entry_save(
            actor=actor,
            unit=ward,
            kind=kind,
            title=title,
            outlet=outlet,
            views=views,
            campaign="Tháng Dân vận",
            published_on=day(9),
            copies=500 if kind == "leaflet" else None,
        )
    for text in [
        "Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng",
        "Nhiệt liệt hưởng ứng phong trào thi đua “Dân vận khéo”",
        "Phát huy sức mạnh đại đoàn kết toàn dân tộc",
    ]:
        propaganda.slogan_save(actor=actor, unit=ward, text=text, campaign="Tháng Dân vận")
    return made

"""Capabilities are named; roles map to sets of them in this one table."""

from enum import StrEnum

from django.db import models
from django.utils.translation import gettext_lazy as _


class Cap(StrEnum):
    UNIT_VIEW = "unit.view"
    UNIT_MANAGE = "unit.manage"
    PERSON_VIEW = "person.view"
    PERSON_MANAGE = "person.manage"
    DATA_IMPORT = "data.import"
    USER_MANAGE = "user.manage"
    AUDIT_VIEW = "audit.view"
    CATALOG_MANAGE = "catalog.manage"
    PLAN_VIEW = "plan.view"
    PLAN_EDIT = "plan.edit"
    PLAN_ISSUE = "plan.issue"
    TASK_UPDATE = "task.update"
    CALL_MANAGE = "call.manage"
    SUBMISSION_EDIT = "submission.edit"
    SUBMISSION_REVIEW = "submission.review"
    EVENT_MANAGE = "event.manage"
    EVENT_CHECKIN = "event.checkin"
    EXEMPLAR_REGISTER = "exemplar.register"
    APPRAISAL_MANAGE = "appraisal.manage"
    APPRAISAL_SCORE = "appraisal.score"
    AWARD_MANAGE = "award.manage"
    REPORT_VIEW = "report.view"
    DASHBOARD_VIEW = "dashboard.view"  # the leaders' dashboard: the year at a glance for a subtree
    EVENT_VIEW = "event.view"
    EVENT_RESPOND = "event.respond"
    MOVEMENT_VIEW = "movement.view"
    CONTEST_MANAGE = "contest.manage"
    CONTEST_JUDGE = "contest.judge"
    CONTEST_ENTER = "contest.enter"
    MEDAL_REVIEW = "medal.review"
    MEDAL_PROPOSE = "medal.propose"
    # Listening to the people (danvan.citizens)
    DIALOGUE_MANAGE = "dialogue.manage"
    PETITION_VIEW = "petition.view"
    PETITION_HANDLE = "petition.handle"
    PETITION_PERSONAL_VIEW = "petition.personal_view"
    SITUATION_REPORT = "situation.report"
    SUPERVISION_MANAGE = "supervision.manage"
    PROPAGANDA_LOG = "propaganda.log"


class Role(models.TextChoices):
    ADMIN = "admin", _("Quản trị hệ thống")
    COMMITTEE_OFFICER = "committee_officer", _("Cán bộ Ban Dân vận")
    LEADER = "leader", _("Lãnh đạo")
    FOCAL_POINT = "focal_point", _("Đầu mối đơn vị")
    TEAM_LEADER = "team_leader", _("Tổ trưởng Tổ Dân vận")
    COUNCIL_MEMBER = "council_member", _("Thành viên hội đồng thẩm định")


_READ = {Cap.UNIT_VIEW, Cap.PERSON_VIEW, Cap.PLAN_VIEW, Cap.REPORT_VIEW, Cap.EVENT_VIEW, Cap.MOVEMENT_VIEW}

ROLE_CAPS: dict[str, frozenset[Cap]] = {
    Role.ADMIN: frozenset(Cap),
    Role.COMMITTEE_OFFICER: frozenset(
        _READ
        | {
            Cap.UNIT_MANAGE,
            Cap.PERSON_MANAGE,
            Cap.DATA_IMPORT,
            Cap.AUDIT_VIEW,
            Cap.PLAN_EDIT,
            Cap.PLAN_ISSUE,
            Cap.TASK_UPDATE,
            Cap.CALL_MANAGE,
            Cap.SUBMISSION_REVIEW,
            Cap.EVENT_MANAGE,
            Cap.EVENT_CHECKIN,
            Cap.EVENT_RESPOND,
            Cap.EXEMPLAR_REGISTER,
            Cap.APPRAISAL_MANAGE,
            Cap.AWARD_MANAGE,
            Cap.CONTEST_MANAGE,
            Cap.CONTEST_ENTER,
            Cap.MEDAL_PROPOSE,
            Cap.MEDAL_REVIEW,
            Cap.SUBMISSION_EDIT,
        }
    ),
    Role.LEADER: frozenset(_READ | {Cap.AUDIT_VIEW, Cap.PLAN_ISSUE, Cap.SUBMISSION_REVIEW}),
    Role.FOCAL_POINT: frozenset(
        _READ
        | {
            Cap.PERSON_MANAGE,
            Cap.TASK_UPDATE,
            Cap.SUBMISSION_EDIT,
            Cap.EXEMPLAR_REGISTER,
            Cap.MEDAL_PROPOSE,
            Cap.CONTEST_ENTER,
            Cap.EVENT_RESPOND,
        }
    ),
    Role.TEAM_LEADER: frozenset(
        _READ
        | {
            Cap.PERSON_MANAGE,
            Cap.SUBMISSION_EDIT,
            Cap.EXEMPLAR_REGISTER,
            Cap.MEDAL_PROPOSE,
            Cap.CONTEST_ENTER,
            Cap.EVENT_RESPOND,
        }
    ),
    Role.COUNCIL_MEMBER: frozenset({Cap.UNIT_VIEW, Cap.APPRAISAL_SCORE, Cap.CONTEST_JUDGE}),
}

# Listening to the people, by role (folded into the table above). Officers record and route everything.
# Leaders chair dialogues and receive citizens: they read petitions with who raised them, and the situation
# reports. A department's or an organisation's focal point answers the petitions given to it (and must reach
# the citizen), reports the situation, logs propaganda and, in the Front and mass organisations, records
# supervision. A residential area's team leader hears people first: reports the situation, logs propaganda,
# reads the area's petitions but not who raised them. Council members get none.
_CITIZENS = {
    Role.COMMITTEE_OFFICER: {
        Cap.DIALOGUE_MANAGE,
        Cap.PETITION_VIEW,
        Cap.PETITION_HANDLE,
        Cap.PETITION_PERSONAL_VIEW,
        Cap.SITUATION_REPORT,
        Cap.SUPERVISION_MANAGE,
        Cap.PROPAGANDA_LOG,
    },
    Role.LEADER: {Cap.PETITION_VIEW, Cap.PETITION_PERSONAL_VIEW, Cap.SITUATION_REPORT},
    Role.FOCAL_POINT: {
        Cap.PETITION_VIEW,
        Cap.PETITION_HANDLE,
        Cap.PETITION_PERSONAL_VIEW,
        Cap.SITUATION_REPORT,
        Cap.SUPERVISION_MANAGE,
        Cap.PROPAGANDA_LOG,
    },
    Role.TEAM_LEADER: {Cap.PETITION_VIEW, Cap.SITUATION_REPORT, Cap.PROPAGANDA_LOG},
}
for _role, _caps in _CITIZENS.items():
    ROLE_CAPS[_role] = ROLE_CAPS[_role] | _caps

# The leaders' dashboard (danvan.site.dashboard): leaders and committee officers read their subtree's year.
for _role in (Role.COMMITTEE_OFFICER, Role.LEADER):
    ROLE_CAPS[_role] = ROLE_CAPS[_role] | {Cap.DASHBOARD_VIEW}

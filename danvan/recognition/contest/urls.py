"""Routes of the press contest."""

from django.urls import path

from . import views

urlpatterns = [
    path("cuoc-thi/", views.contest_list, name="contest_list"),
    path("cuoc-thi/moi/", views.contest_new, name="contest_new"),
    path("cuoc-thi/<int:pk>/", views.contest_detail, name="contest_detail"),
    path("cuoc-thi/<int:pk>/sua/", views.contest_edit, name="contest_edit"),
    path("cuoc-thi/<int:pk>/trang-thai/", views.contest_status, name="contest_status"),
    path("cuoc-thi/<int:pk>/tac-pham/moi/", views.contest_entry_new, name="contest_entry_new"),
    path(
        "cuoc-thi/<int:pk>/tac-pham/<int:entry_pk>/sua/", views.contest_entry_edit, name="contest_entry_edit"
    ),
    path(
        "cuoc-thi/<int:pk>/tac-pham/<int:entry_pk>/rut/",
        views.contest_entry_withdraw,
        name="contest_entry_withdraw",
    ),
    path(
        "cuoc-thi/<int:pk>/tac-pham/<int:entry_pk>/tep/", views.contest_entry_file, name="contest_entry_file"
    ),
    path("cuoc-thi/<int:pk>/vong/moi/", views.contest_round_new, name="contest_round_new"),
    path("cuoc-thi/<int:pk>/vong/<int:round_pk>/", views.contest_round_detail, name="contest_round_detail"),
    path("cuoc-thi/<int:pk>/vong/<int:round_pk>/sua/", views.contest_round_edit, name="contest_round_edit"),
    path("cuoc-thi/<int:pk>/vong/<int:round_pk>/cham/", views.contest_score, name="contest_score"),
    path(
        "cuoc-thi/<int:pk>/vong/<int:round_pk>/<slug:action>/",
        views.contest_round_action,
        name="contest_round_action",
    ),
    path("cuoc-thi/<int:pk>/giai/moi/", views.contest_prize_new, name="contest_prize_new"),
    path("cuoc-thi/<int:pk>/giai/<int:prize_pk>/sua/", views.contest_prize_edit, name="contest_prize_edit"),
    path("cuoc-thi/<int:pk>/trao-giai/<slug:action>/", views.contest_award, name="contest_award"),
    path("cuoc-thi/<int:pk>/ket-qua/", views.contest_results, name="contest_results"),
    path("cuoc-thi/<int:pk>/ket-qua.xlsx", views.contest_results_xlsx, name="contest_results_xlsx"),
]

"""Routes of the registry: models and exemplars, their files, awards."""

from django.urls import path

from .views import (
    attachment_file,
    award_document,
    award_list,
    exemplar_attach,
    exemplar_detail,
    exemplar_edit,
    exemplar_list,
    exemplar_new,
    exemplar_publish,
)

urlpatterns = [
    path("", exemplar_list, name="exemplar_list"),
    path("new/", exemplar_new, name="exemplar_new"),
    path("<int:pk>/", exemplar_detail, name="exemplar_detail"),
    path("<int:pk>/edit/", exemplar_edit, name="exemplar_edit"),
    path("<int:pk>/publish/", exemplar_publish, name="exemplar_publish"),
    path("<int:pk>/attach/", exemplar_attach, name="exemplar_attach"),
    path("<int:pk>/files/<int:attachment_pk>/", attachment_file, name="attachment_file"),
    path("awards/", award_list, name="award_list"),
    path("awards/<int:pk>/<str:name>.docx", award_document, name="award_document"),
]

from django.urls import path

from . import views

urlpatterns = [
    path("import/", views.import_start, name="import_start"),
    path("import/template/<str:kind>/", views.import_template, name="import_template"),
    path("import/<int:pk>/", views.import_preview, name="import_preview"),
    path("import/<int:pk>/confirm/", views.import_confirm, name="import_confirm"),
    path("export/units.xlsx", views.export_units, name="export_units"),
    path("export/people.xlsx", views.export_people, name="export_people"),
]

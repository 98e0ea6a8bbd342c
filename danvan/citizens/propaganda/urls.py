from django.urls import path

from . import views

urlpatterns = [
    path("tuyen-truyen/", views.entry_list, name="propaganda_list"),
    path("tuyen-truyen/moi/", views.entry_new, name="propaganda_new"),
    path("khau-hieu/", views.slogan_list, name="slogan_list"),
    path("khau-hieu/moi/", views.slogan_new, name="slogan_new"),
    path("khau-hieu/<int:pk>/dung-lai/", views.slogan_reuse, name="slogan_reuse"),
]

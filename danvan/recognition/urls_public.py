from . import views_public

app_name = "showcase"

urlpatterns = views_public.urlpatterns

from . import views, views_appraisal, views_contest, views_stats

app_name = "recognition"

urlpatterns = (
    views.urlpatterns + views_appraisal.urlpatterns + views_contest.urlpatterns + views_stats.urlpatterns
)

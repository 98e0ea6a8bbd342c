"""The movement's routes (namespace "recognition"): each subdomain brings its own."""

from . import views_appraisal, views_contest, views_stats
from .registry import urls as registry

app_name = "recognition"

urlpatterns = (
    registry.urlpatterns + views_appraisal.urlpatterns + views_contest.urlpatterns + views_stats.urlpatterns
)

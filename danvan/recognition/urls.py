"""The movement's routes (namespace "recognition"): each subdomain brings its own."""

from . import views_contest, views_stats
from .appraisal import urls as appraisal
from .registry import urls as registry

app_name = "recognition"

urlpatterns = (
    registry.urlpatterns + appraisal.urlpatterns + views_contest.urlpatterns + views_stats.urlpatterns
)

"""The movement's routes (namespace "recognition"): each subdomain brings its own."""

from . import views_stats
from .appraisal import urls as appraisal
from .contest import urls as contest
from .medals import urls as medals
from .registry import urls as registry

app_name = "recognition"

urlpatterns = (
    registry.urlpatterns
    + appraisal.urlpatterns
    + contest.urlpatterns
    + medals.urlpatterns
    + views_stats.urlpatterns
)

"""The movement's routes (namespace "recognition"): each subdomain brings its own. The public showcase has
its own namespace and mount point: danvan.recognition.showcase.urls."""

from .appraisal import urls as appraisal
from .contest import urls as contest
from .medals import urls as medals
from .registry import urls as registry
from .stats import urls as stats

app_name = "recognition"

urlpatterns = [
    *registry.urlpatterns,
    *appraisal.urlpatterns,
    *contest.urlpatterns,
    *medals.urlpatterns,
    *stats.urlpatterns,
]

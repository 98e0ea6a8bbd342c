"""What every page's navigation needs: the user's capabilities and their unread notices."""

from danvan.core import access
from danvan.core.access import Cap
from danvan.notifications.services import unread_count


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    caps = access.caps_at(user)
    return {"nav_caps": {cap.name: True for cap in caps}, "Cap": Cap, "unread_notices": unread_count(user)}

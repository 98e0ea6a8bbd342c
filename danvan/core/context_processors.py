from danvan.accounts.roles import Cap
from danvan.core import authz


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from danvan.notifications.services import unread_count

    caps = authz.caps_at(user)
    return {"nav_caps": {cap.name: True for cap in caps}, "Cap": Cap, "unread_notices": unread_count(user)}

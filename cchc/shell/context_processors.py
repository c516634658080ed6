"""What every page's shell needs: the navigation for the user's roles and the unread count."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from cchc.notifications.services import unread_count
from cchc.org.scope import scope_for
from cchc.shell.navigation import PUBLIC_ITEMS, items_for


def shell(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    signed_in = user is not None and user.is_authenticated
    nav = []
    for item in items_for(scope_for(user)) if signed_in else PUBLIC_ITEMS:
        url = reverse(item.url_name)
        nav.append({"label": item.label, "url": url, "icon": item.icon, "active": False})
    # The entry whose address is the longest prefix of the page is the current one
    # (/ho-so/viec-cua-toi/ is "My work", not "Dossiers").
    matches = [n for n in nav if request.path == n["url"] or (n["url"] != "/" and request.path.startswith(n["url"]))]
    if matches:
        max(matches, key=lambda n: len(n["url"]))["active"] = True
    return {
        "site_name": settings.CCHC_SITE_NAME,
        "nav_items": nav,
        "unread_notifications": unread_count(user=user) if signed_in else 0,
    }

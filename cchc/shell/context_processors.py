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
    items = items_for(scope_for(user)) if signed_in else list(PUBLIC_ITEMS)
    urls = [reverse(item.url_name) for item in items]
    # The entry whose address is the longest prefix of the page is the current one
    # (/ho-so/viec-cua-toi/ is "My work", not "Dossiers").
    matches = [u for u in urls if request.path == u or (u != "/" and request.path.startswith(u))]
    current = max(matches, key=len) if matches else None
    nav = [
        {"label": item.label, "url": url, "icon": item.icon, "active": url == current}
        for item, url in zip(items, urls, strict=True)
    ]
    return {
        "cchc_site_name": settings.CCHC_SITE_NAME,  # not "site_name": LoginView sets that to the host
        "nav_items": nav,
        "unread_notifications": unread_count(user=user) if signed_in else 0,
    }

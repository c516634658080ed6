from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from cchc.notifications.models import Notification
from cchc.notifications.services import notification_mark_read, unread_count
from cchc.org.http import AuthedRequest


@login_required
def inbox(request: AuthedRequest) -> HttpResponse:
    page = Paginator(Notification.objects.filter(recipient=request.user), 25).get_page(request.GET.get("page"))
    return render(request, "notifications/inbox.html", {"page": page})


@login_required
def bell(request: AuthedRequest) -> HttpResponse:
    return render(request, "components/bell.html", {"unread_notifications": unread_count(user=request.user)})


@login_required
@require_POST
def mark_read(request: AuthedRequest, pk: int | None = None) -> HttpResponse:
    notification_mark_read(user=request.user, notification_id=pk)
    target = request.POST.get("next", "")
    if pk is not None and not target:
        target = Notification.objects.filter(pk=pk, recipient=request.user).values_list("url", flat=True).first() or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("notifications:inbox")

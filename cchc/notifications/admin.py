from django.contrib import admin

from cchc.notifications.models import Notification
from cchc.org.admin_site import ReadOnlyAdmin


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ("title", "recipient", "created_at", "read_at", "emailed_at")
    list_filter = ("read_at", "emailed_at")
    search_fields = ("title", "event_key", "recipient__username")

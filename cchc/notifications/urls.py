from django.urls import path

from cchc.notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("chuong/", views.bell, name="bell"),
    path("da-doc/", views.mark_read, name="mark_all_read"),
    path("<int:pk>/da-doc/", views.mark_read, name="mark_read"),
]

from django.urls import path

from cchc.core import views

app_name = "core"
urlpatterns = [
    path("<uuid:pk>/", views.job_detail, name="job"),
]

from django.urls import path

from cchc.org import views

app_name = "org"
urlpatterns = [
    path("", views.units, name="units"),
    path("<int:pk>/", views.unit_detail, name="unit"),
]

from django.urls import path

from cchc.workdays import views

app_name = "workdays"
urlpatterns = [
    path("", views.year, name="year"),
    path("<int:year>/", views.year, name="year_of"),
    path("han-xu-ly/", views.due_date_calc, name="due_date"),
]

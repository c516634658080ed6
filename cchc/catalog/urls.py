from django.urls import path

from cchc.catalog import views

app_name = "catalog"
urlpatterns = [
    path("", views.procedure_list, name="list"),
    path("nhap/", views.procedure_import, name="import"),
    path("xuat.xlsx", views.procedure_export, name="export"),
    path("<str:code>/", views.procedure_detail, name="detail"),
]

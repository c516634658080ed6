from django.urls import path

from cchc.dossiers import views

app_name = "dossiers"
urlpatterns = [
    path("", views.dossier_list, name="list"),
    path("tiep-nhan/", views.intake, name="intake"),
    path("tiep-nhan/thanh-phan/", views.checklist, name="checklist"),
    path("viec-cua-toi/", views.my_work, name="my_work"),
    path("so-theo-doi/", views.tracking_book, name="tracking_book"),
    path("<str:code>/", views.dossier_detail, name="detail"),
    path("<str:code>/thao-tac/<str:action>/", views.dossier_act, name="act"),
    path("<str:code>/tai-lieu/", views.document_add, name="document_add"),
    path("<str:code>/tai-lieu/<int:pk>/", views.document_download, name="document"),
    path("<str:code>/mau/<str:kind>.<str:fmt>", views.dossier_form, name="form"),
]

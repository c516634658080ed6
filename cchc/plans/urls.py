from django.urls import path

from cchc.plans import import_views, views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("<int:pk>/sua/", views.plan_edit, name="edit"),
    path("<int:pk>/trang-thai/<str:status>/", views.plan_status, name="status"),
    path("<int:pk>/bao-cao.<str:fmt>", views.plan_report, name="report"),
    path("muc/<int:pk>/sua/", views.section_edit, name="section_edit"),
    path("chi-tieu/<int:pk>/", views.target_edit, name="target_edit"),
    path("nhiem-vu/", views.my_tasks, name="my_tasks"),
    path("nhiem-vu/<int:pk>/", views.task_detail, name="task"),
    path("nhiem-vu/<int:pk>/sua/", views.task_edit, name="task_edit"),
    path("nhiem-vu/<int:pk>/tien-do/", views.task_progress, name="task_progress"),
    path("nhiem-vu/<int:pk>/hoan-thanh/", views.task_complete, name="task_complete"),
    path("nhiem-vu/<int:pk>/khong-thuc-hien/", views.task_cannot, name="task_cannot"),
    path("nhiem-vu/<int:pk>/mo-lai/", views.task_reopen, name="task_reopen"),
    path("nhiem-vu/<int:pk>/phan-cong/", views.task_assign, name="task_assign"),
    path("nhiem-vu/<int:pk>/y-kien/", views.task_comment, name="task_comment"),
    path("nhiem-vu/<int:pk>/minh-chung/", views.evidence_upload, name="evidence_upload"),
    path("nhiem-vu/<int:pk>/lien-ket/", views.evidence_link, name="evidence_link"),
    path("minh-chung/<int:pk>/", views.evidence_download, name="evidence"),
    path("minh-chung/<int:pk>/go/", views.evidence_remove, name="evidence_remove"),
    path("nhap/", import_views.import_upload, name="import"),
    path("nhap/<uuid:pk>/", import_views.import_preview, name="import_preview"),
    path("nhap/<uuid:pk>/huy/", import_views.import_discard, name="import_discard"),
]

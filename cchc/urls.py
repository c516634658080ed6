from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from cchc.api.v1.api import api as api_v1
from cchc.dossiers import views_public as dossier_public
from cchc.shell import views as shell_views

urlpatterns = [
    path("", shell_views.home, name="home"),
    path("healthz", shell_views.healthz, name="healthz"),
    path("dang-nhap/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("doi-mat-khau/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("doi-mat-khau/xong/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("to-chuc/", include("cchc.org.urls")),
    path("lich-lam-viec/", include("cchc.workdays.urls")),
    path("thong-bao/", include("cchc.notifications.urls")),
    path("thu-tuc/", include("cchc.catalog.urls")),
    path("ho-so/", include("cchc.dossiers.urls")),
    path("tra-cuu/", dossier_public.lookup, name="lookup"),
    path("tra-cuu/danh-gia/", dossier_public.rate, name="rate"),
    path("ke-hoach/", include("cchc.plans.urls")),
    path("cong-viec-nen/", include("cchc.core.urls")),
    path("quan-tri/", admin.site.urls),
    path("api/v1/", api_v1.urls),
]

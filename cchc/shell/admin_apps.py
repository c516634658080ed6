from django.contrib.admin.apps import AdminConfig


class CchcAdminConfig(AdminConfig):
    """Django's admin, with CCHC's site: Vietnamese titles, open to administrators only."""

    default_site = "cchc.org.admin_site.CchcAdminSite"

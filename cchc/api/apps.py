from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "cchc.api"
    label = "api"
    verbose_name = _("REST API")

    def ready(self) -> None:
        from cchc.api.models import ApiToken
        from cchc.core import audit

        # Issuing or switching off a credential is a change an administrator must be able to trace.
        audit.track(ApiToken)

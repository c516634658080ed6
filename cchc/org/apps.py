from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgConfig(AppConfig):
    name = "cchc.org"
    label = "org"
    verbose_name = _("Organisation and people")

    def ready(self) -> None:
        from cchc.core import audit
        from cchc.org.models import Membership, Unit, User

        for model in (Unit, User, Membership):
            audit.track(model)

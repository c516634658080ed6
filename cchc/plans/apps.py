from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "cchc.plans"
    label = "plans"
    verbose_name = _("Administrative reform plan")

    def ready(self) -> None:
        from cchc.core import audit
        from cchc.plans.models import Evidence, Plan, Section, Target, Task

        # TaskEvent is the task's own history; comments are recorded there too.
        for model in (Plan, Section, Task, Target, Evidence):
            audit.track(model)

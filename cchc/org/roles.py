"""The roles of DESIGN.md and what each may do in general. Which units they act on is scope.py's job."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ONE_STOP_OFFICER = "one_stop_officer", _("One-stop officer")
    SPECIALIST = "specialist", _("Specialist")
    UNIT_HEAD = "unit_head", _("Unit head")
    DIRECTOR = "director", _("Director")
    CCHC_OFFICER = "cchc_officer", _("Administrative reform officer")
    APPRAISER = "appraiser", _("Appraiser (Department of Home Affairs)")
    ADMINISTRATOR = "administrator", _("Administrator")


# Roles that only read: they never change dossiers, tasks or scores of their scope.
READ_ONLY_ROLES = frozenset({Role.APPRAISER})
# Roles whose scope covers reading everything below their unit.
STAFF_ROLES = frozenset(Role) - {Role.APPRAISER}

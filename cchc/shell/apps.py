from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShellConfig(AppConfig):
    """The product's shell: page layout, navigation by role, home pages, error pages."""

    name = "cchc.shell"
    label = "shell"
    verbose_name = _("Pages")

"""Django's own strings that its Vietnamese catalogue lacks (Django 6.1), kept here so that
makemessages puts them in CCHC's catalogue, which Django reads before its own."""

from django.utils.translation import gettext_noop

DJANGO_STRINGS = (
    gettext_noop("- Select an option -"),
    gettext_noop("Show counts"),
    gettext_noop("Hide counts"),
    gettext_noop("Search %(name)s"),
    gettext_noop("Filter by %(field_name)s"),
    gettext_noop("Raw passwords are not stored, so there is no way to see the user’s password."),
)

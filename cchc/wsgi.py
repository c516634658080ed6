"""WSGI entry point (granian serves it: ./dev run)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cchc.settings.base")
application = get_wsgi_application()

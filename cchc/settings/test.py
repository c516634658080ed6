"""Test settings: base plus speed switches only. Behaviour must stay the same as in production."""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-with-enough-length-and-entropy-0123456789abcdef")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("CCHC_DEMO", "1")
os.environ.setdefault("CCHC_VAR_DIR", str(Path(tempfile.gettempdir()) / "cchc-test-var"))

from cchc.settings.base import *  # noqa: F403
from cchc.settings.base import STORAGES, TASKS, VAR_DIR

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Tasks run inline so tests see their effects; tests that exercise the queue swap the backend.
TASKS = {**TASKS, "default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
# Manifest storage needs collectstatic and its hashed URLs 404 under live_server (stack.md G15).
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
WHITENOISE_AUTOREFRESH = True
VAR_DIR.mkdir(parents=True, exist_ok=True)  # commands such as makemigrations --check open the database

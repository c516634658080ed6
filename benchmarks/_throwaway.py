"""A throwaway database for a benchmark: a temporary SQLite file, or `cchc_bench` on the PostgreSQL
server DATABASE_URL points to (created, migrated, dropped at the end). Nothing touches the
developer's own database."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.management import call_command
from django.db import connections

from cchc.settings.env import env_database
from cchc.workdays.services import forget_calendar

BENCH_DB = "cchc_bench"
# Static files are not collected for benchmarks; whitenoise says so once per process.
warnings.filterwarnings("ignore", message="No directory at")


def targets() -> list[str]:
    """SQLite always; PostgreSQL too when DATABASE_URL names a PostgreSQL server."""
    found = ["sqlite"]
    if os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        found.append("postgresql")
    return found


def _switch(config: dict[str, object]) -> None:
    connections["default"].close()
    del connections["default"]
    full = connections.configure_settings({"default": dict(config)})["default"]
    current = connections.settings["default"]
    current.clear()
    current.update(full)
    forget_calendar()


def _pg_admin_url() -> str:
    return os.environ["DATABASE_URL"]


def _pg_bench_url() -> str:
    parts = urlsplit(_pg_admin_url())
    return urlunsplit((parts.scheme, parts.netloc, f"/{BENCH_DB}", parts.query, parts.fragment))


def _pg(sql: str) -> None:
    import psycopg

    with psycopg.connect(_pg_admin_url().replace("postgres://", "postgresql://", 1), autocommit=True) as conn:
        conn.execute(sql)  # type: ignore[arg-type]


@contextmanager
def throwaway_database(kind: str) -> Iterator[str]:
    """Point Django's default connection at a new, migrated database of `kind`; yield its label."""
    original = dict(connections.settings["default"])
    debug, media = settings.DEBUG, settings.MEDIA_ROOT
    # DEBUG logs every query (and on SQLite quotes each one with a second query): not production.
    settings.DEBUG = False
    # Without DEBUG the manifest storage wants `collectstatic`; benchmarks measure Django, not it.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    folder = tempfile.mkdtemp(prefix="cchc-bench-")
    settings.MEDIA_ROOT = str(Path(folder) / "media")  # uploads of the demo year stay in the throwaway folder
    try:
        if kind == "sqlite":
            path = Path(folder) / "bench.sqlite3"
            _switch(env_database("CCHC_BENCH_NO_SUCH_VARIABLE", default=f"sqlite:///{path}"))
            label = f"SQLite {path}"
        else:
            _pg(f"DROP DATABASE IF EXISTS {BENCH_DB}")
            _pg(f"CREATE DATABASE {BENCH_DB}")
            _switch(env_database("CCHC_BENCH_NO_SUCH_VARIABLE", default=_pg_bench_url()))
            label = f"PostgreSQL {_pg_bench_url()}"
        started = time.perf_counter()
        call_command("migrate", verbosity=0)
        print(f"   [{label}: migrated in {time.perf_counter() - started:.1f} s]")
        yield label
    finally:
        connections.close_all()
        _switch(original)
        settings.DEBUG, settings.MEDIA_ROOT = debug, media
        if kind == "postgresql":
            _pg(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
        shutil.rmtree(folder, ignore_errors=True)


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    """p50, p95, p99 of `samples` (nearest rank), in the samples' unit."""
    ordered = sorted(samples)

    def rank(p: float) -> float:
        return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]

    return rank(50), rank(95), rank(99)

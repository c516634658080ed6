"""Latency of the pages people wait for, with a year of demo data, then with a larger volume.

- "my work" (/ho-so/viec-cua-toi/) for the one-stop officer (motcua) and a specialist (chuyenvien);
- the public lookup (POST /tra-cuu/ with code and secret) with random codes and their phone numbers.

The year is built through the services (cchc/demo/dossiers.py); the larger volume adds synthetic
dossiers in bulk (copies of the year's dossiers and events under new codes, mostly closed) for the
read benchmark only. Requests go through the whole WSGI stack with Django's test client.

    ./dev bench pages
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres ./dev bench pages
    BENCH_PAGES_SYNTHETIC=0 ./dev bench pages      # the demo year only
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from django.test import Client

from benchmarks._throwaway import percentiles, targets, throwaway_database

YEAR = int(os.environ.get("BENCH_PAGES_YEAR", "1500"))
SYNTHETIC = int(os.environ.get("BENCH_PAGES_SYNTHETIC", "50000"))
REQUESTS = int(os.environ.get("BENCH_PAGES_REQUESTS", "200"))


def _year() -> None:
    from cchc.demo.dossiers import load_demo_catalogue, load_demo_dossiers
    from cchc.demo.loader import load_organisation

    started = time.perf_counter()
    units = load_organisation()
    load_demo_catalogue(units)
    year = load_demo_dossiers(units, count=YEAR)
    print(f"   [demo year: {year.made} dossiers through the services in {time.perf_counter() - started:.1f} s]")


def _synthetic(count: int) -> None:
    """`count` more dossiers and their events, copied in bulk from the demo year under new codes."""
    from django.db import transaction

    from cchc.dossiers.models import Dossier, DossierEvent

    started = time.perf_counter()
    rng = random.Random(50_000)
    templates = list(Dossier.objects.prefetch_related("events"))
    closed = [t for t in templates if t.closed_at is not None]
    skip = {"id", "code", "idempotency_key"}
    fields = [f.attname for f in Dossier._meta.concrete_fields if f.attname not in skip]
    event_fields = [f.attname for f in DossierEvent._meta.concrete_fields if f.attname not in {"id", "dossier_id"}]
    made = 0
    with transaction.atomic():
        while made < count:
            batch = []
            sources = []
            for _ in range(min(2000, count - made)):
                source = rng.choice(templates)
                if source.closed_at is None and rng.random() < 0.8:
                    source = rng.choice(closed)
                shift = timedelta(days=-rng.randint(366, 4 * 365))  # earlier years: a department's history
                copy = Dossier(**{f: getattr(source, f) for f in fields})
                copy.code = f"SYN.{made:06d}-{source.code[-11:]}"
                for attname in ("submitted_at", "received_at", "due_at", "original_due_at", "step_due_at",
                                "result_ready_at", "returned_at", "closed_at", "paused_at"):  # fmt: skip
                    value = getattr(copy, attname)
                    if value is not None and source.closed_at is not None:
                        setattr(copy, attname, value + shift)
                batch.append(copy)
                sources.append((source, shift))
                made += 1
            Dossier.objects.bulk_create(batch, batch_size=500)
            events = []
            for copy, (source, shift) in zip(batch, sources, strict=True):
                for event in source.events.all():
                    clone = DossierEvent(**{f: getattr(event, f) for f in event_fields})
                    clone.dossier_id = copy.pk
                    if source.closed_at is not None:
                        clone.at = event.at + shift
                    events.append(clone)
            DossierEvent.objects.bulk_create(events, batch_size=2000)
    print(f"   [+{count:,} synthetic dossiers in bulk in {time.perf_counter() - started:.1f} s]")


def _request(client: Client, path: str, data: dict[str, str] | None, extra: dict[str, Any]) -> Any:
    return client.post(path, data, **extra) if data is not None else client.get(path, **extra)


def _measure(label: str, client: Client, paths: Sequence[tuple[str, dict[str, str] | None, dict[str, Any]]]) -> None:
    for path, data, extra in paths[:10]:
        _request(client, path, data, extra)  # warm up
    samples = []
    for path, data, extra in paths:
        started = time.perf_counter()
        response = _request(client, path, data, extra)
        samples.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{path}: {response.status_code}")
    p50, p95, p99 = percentiles(samples)
    print(f"      {label:<32} p50 {p50:6.1f} ms   p95 {p95:6.1f} ms   p99 {p99:6.1f} ms   ({len(samples)} requests)")


def _pages(volume: str) -> None:
    from cchc.dossiers.models import Dossier
    from cchc.org.models import User

    print(f"   {volume}:")
    for username in ("motcua", "chuyenvien"):
        client = Client(HTTP_HOST="localhost")
        client.force_login(User.objects.get(username=username))
        _measure(f"my work ({username})", client, [("/ho-so/viec-cua-toi/", None, {})] * REQUESTS)
    rng = random.Random(7)
    pairs = list(Dossier.objects.values_list("code", "applicant_phone"))
    lookups = []
    for i in range(REQUESTS):
        code, phone = rng.choice(pairs)
        # One address per request: the lookup is rate-limited per address.
        lookups.append(
            (
                "/tra-cuu/",
                {"code": code, "secret": phone},
                {"REMOTE_ADDR": f"10.{i // 65536}.{i // 256 % 256}.{i % 256}"},
            )
        )
    _measure("public lookup (code + phone)", Client(HTTP_HOST="localhost"), lookups)


def run() -> None:
    from cchc.dossiers.models import Dossier

    for kind in targets():
        with throwaway_database(kind) as label:
            print(f"{label.split()[0]}")
            _year()
            _pages(f"a year of demo data ({Dossier.objects.count():,} dossiers)")
            if SYNTHETIC:
                _synthetic(SYNTHETIC)
                _pages(f"with synthetic history ({Dossier.objects.count():,} dossiers)")
    print("reproduce: ./dev bench pages")
    print("  and on PostgreSQL too: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres ./dev bench pages")

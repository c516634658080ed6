"""Intake throughput through the API: POST /api/v1/dossiers with a bearer token, through the whole
WSGI stack (middleware, CSP, axes), on a throwaway SQLite file and — when DATABASE_URL points to
PostgreSQL — on a throwaway PostgreSQL database.

    ./dev bench intake
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres ./dev bench intake
"""

from __future__ import annotations

import os
import threading
import time

from django.test import Client

from benchmarks._throwaway import percentiles, targets, throwaway_database

REQUESTS = int(os.environ.get("BENCH_INTAKE_REQUESTS", "600"))
THREADS = 4


def _setup() -> tuple[str, list[dict[str, object]]]:
    from cchc.api.services import api_token_create
    from cchc.catalog.demo import load_sample_catalogue
    from cchc.catalog.models import Procedure
    from cchc.demo.loader import load_organisation
    from cchc.org.models import User

    units = load_organisation()
    load_sample_catalogue(units)
    _token, raw = api_token_create(user=User.objects.get(username="motcua"), name="bench")
    bodies = []
    for i, procedure in enumerate(Procedure.objects.prefetch_related("required_documents").order_by("code")):
        bodies.append(
            {
                "procedure": procedure.code,
                "channel": ("counter", "online", "post", "national_portal")[i % 4],
                "receive": i % 4 != 1,
                "applicant": {
                    "kind": "person",
                    "name": "Nguyễn Thị Thu Hương",
                    "id_number": f"0771{i:08d}",
                    "phone": "0912345678",
                    "address": "1 Lê Lợi, phường Vũng Tàu, TP Hồ Chí Minh",
                },
                "documents": [{"required_document_id": d.pk} for d in procedure.required_documents.all()],
            }
        )
    return f"Bearer {raw}", bodies


def _post(client: Client, body: dict[str, object], key: str) -> float:
    started = time.perf_counter()
    response = client.post("/api/v1/dossiers", body, content_type="application/json", headers={"Idempotency-Key": key})
    elapsed = time.perf_counter() - started
    if response.status_code != 201:
        raise SystemExit(f"intake failed: {response.status_code} {response.content[:300]!r}")
    return elapsed


def _sequential(bearer: str, bodies: list[dict[str, object]], n: int, tag: str) -> list[float]:
    client = Client(HTTP_AUTHORIZATION=bearer, HTTP_HOST="localhost")
    return [_post(client, bodies[i % len(bodies)], f"{tag}-{i}") for i in range(n)]


def _parallel(bearer: str, bodies: list[dict[str, object]], n: int) -> float:
    from django.db import connection

    def work(t: int) -> None:
        client = Client(HTTP_AUTHORIZATION=bearer, HTTP_HOST="localhost")
        try:
            for i in range(n // THREADS):
                _post(client, bodies[(t + i) % len(bodies)], f"par-{t}-{i}")
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(t,)) for t in range(THREADS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started


def run() -> None:
    from cchc.dossiers.models import Dossier

    for kind in targets():
        with throwaway_database(kind) as label:
            bearer, bodies = _setup()
            _sequential(bearer, bodies, 30, "warm")
            started = time.perf_counter()
            samples = _sequential(bearer, bodies, REQUESTS, "seq")
            total = time.perf_counter() - started
            p50, p95, p99 = percentiles([s * 1000 for s in samples])
            print(
                f"{label.split()[0]:<10} sequential: {REQUESTS} dossiers in {total:.1f} s = "
                f"{REQUESTS / total:.0f} dossiers/s (latency p50 {p50:.1f} ms, p95 {p95:.1f} ms, p99 {p99:.1f} ms)"
            )
            elapsed = _parallel(bearer, bodies, REQUESTS)
            print(
                f"{label.split()[0]:<10} {THREADS} threads: {REQUESTS} dossiers in {elapsed:.1f} s = "
                f"{REQUESTS / elapsed:.0f} dossiers/s"
            )
            codes = list(Dossier.objects.values_list("code", flat=True))
            assert len(codes) == len(set(codes)) == 30 + 2 * REQUESTS, "duplicate or missing codes"
    print("reproduce: ./dev bench intake")
    print("  and on PostgreSQL too: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres ./dev bench intake")

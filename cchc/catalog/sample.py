"""The sample catalogue of a Department of Science and Technology (data/sample_procedures.json).

The JSON is the researched source (docs/catalog-sample.md gives the sources); unit keys refer to the
demo units of cchc/demo/personas.py. Procedures whose national code could not be verified get a
provisional code TAM-nnn, shown as such in the catalogue.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from cchc.catalog.importers.rows import DocumentRow, FeeRow, ProcedureRow, StepRow

SAMPLE_JSON = Path(__file__).resolve().parent / "data" / "sample_procedures.json"
SAMPLE_XLSX = Path(__file__).resolve().parent / "data" / "sample_procedures.xlsx"


def sample_rows(unit_codes: dict[str, str]) -> list[ProcedureRow]:
    """The sample as import rows; `unit_codes` maps the JSON's unit keys to identifier codes."""
    entries = json.loads(SAMPLE_JSON.read_text(encoding="utf-8"))
    rows: list[ProcedureRow] = []
    provisional = 0
    for number, entry in enumerate(entries, start=2):
        code = entry["code"]
        if not code:
            provisional += 1
            code = f"TAM-{provisional:03d}"
        rows.append(
            ProcedureRow(
                row_number=number,
                code=code,
                name=entry["name"],
                field=entry["field"],
                level=entry.get("level") or "Cấp tỉnh",
                time_limit=Decimal(str(entry["time_limit"])),
                time_unit=entry["time_unit"],
                time_limit_text=entry.get("time_limit_text", ""),
                shortened_time_limit=Decimal(str(entry["shortened_time_limit"])),
                online_level=entry["online_level"],
                legal_basis=list(entry.get("legal_basis", [])),
                result_name=entry.get("result", ""),
                handling_unit_code=unit_codes[entry["handling_unit"]],
                status="active",
                national_code_confirmed=bool(entry["code"]),
                fees=[FeeRow(f["name"], int(f["amount_vnd"]), f.get("note", "")) for f in entry.get("fees", [])],
                documents=[
                    DocumentRow(d["name"], d.get("kind", "original"), int(d.get("count", 1)), d.get("form", ""))
                    for d in entry.get("documents", [])
                ],
                steps=[
                    StepRow(s["name"], unit_codes[s["unit"]], s["role"], Decimal(str(s["days"])))
                    for s in entry.get("steps", [])
                ],
            )
        )
    return rows

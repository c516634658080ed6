"""docs/workflows/dossier.md, drawn from the transition table (a test keeps the file in step)."""

from django.utils import translation

from cchc.dossiers.workflow import NATIONAL_CODE, TRANSITIONS, Status

HEADER = """# Dossier workflow

Generated from `cchc/dossiers/workflow.py` by `./dev manage workflow_doc`; do not edit by hand.

Each dossier has one status at a time; the national code (TT 22/2019, legal.md §1.2) is what the
National Public Service Portal and the 766 indicators read. Every action below appends one event
(who, unit, when, from, to, why, the step and its planned end) and runs in one transaction with a
row lock; an action from any other status is refused with a message and changes nothing.

"""


def render() -> str:
    with translation.override("vi"):
        lines = [HEADER, "## Statuses\n", "| status | code | national code | vi |", "|---|---|---|---|"]
        lines.extend(f"| {s.name} | `{s.value}` | {NATIONAL_CODE[s]} | {s.label} |" for s in Status)
        lines += [
            "",
            "## Actions\n",
            "| action | from | to | who | reason required | vi |",
            "|---|---|---|---|---|---|",
        ]
        for action, t in TRANSITIONS.items():
            sources = ", ".join(f"`{s.value}`" for s in Status if s in t.sources)
            target = f"`{t.target.value}`" if t.target else "(unchanged)"
            who = ", ".join(sorted(a.value for a in t.actors))
            reason = "yes" if t.needs_reason else ""
            lines.append(f"| `{action.value}` | {sources} | {target} | {who} | {reason} | {action.label} |")
        lines += [
            "",
            "## Who is who\n",
            "- **desk**: a one-stop officer of the receiving body.",
            "- **step**: someone holding the role the current process step names, in that step's unit, or the",
            "  head of that unit, or the director.",
            "- **consulted**: staff of the unit whose opinion was asked.",
            "- **head**: the head of the handling unit, or the director.",
            "",
            "## Rules that depend on the rule set in force at reception\n",
            "- supplement requests allowed (1), and within how many working days of reception (3);",
            "- after the documents arrive, the time limit restarts from zero (NĐ 61/2018 Art. 19(4)) or resumes;",
            "- the apology with a new date: at most once, at least one working day before the due date;",
            "- which form set prints (TT 01/2018 or TT 03/2025 numbering).",
            "",
        ]
    return "\n".join(lines)

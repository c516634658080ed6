"""Fill the standard forms from a dossier and its events (models → documents/data.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from cchc.catalog.models import DocumentKind
from cchc.core.errors import RuleViolation
from cchc.dossiers import deadlines, timing
from cchc.dossiers.documents import data as forms
from cchc.dossiers.models import Channel, Dossier, DossierEvent
from cchc.dossiers.workflow import Action, Status
from cchc.org.models import Unit

KIND_TEXT = {
    DocumentKind.ORIGINAL: "Bản chính",
    DocumentKind.COPY: "Bản sao",
    DocumentKind.CERTIFIED_COPY: "Bản sao chứng thực",
    DocumentKind.ELECTRONIC: "Bản điện tử",
}
CHANNEL_TEXT = {
    Channel.COUNTER: "Trực tiếp",
    Channel.POST: "Dịch vụ bưu chính công ích",
    Channel.ONLINE: "Trực tuyến",
    Channel.NATIONAL_PORTAL: "Trực tuyến (Cổng Dịch vụ công quốc gia)",
}
UNIT_TEXT = {"working_days": "ngày làm việc", "days": "ngày", "hours": "giờ làm việc"}
RESULT_TEXT = {"early": "Trước hạn", "on_time": "Đúng hạn", "late": "Quá hạn"}


def office(unit: Unit) -> forms.Office:
    """The receiving body as printed in the national header (place and parent body from settings)."""
    return forms.Office(
        parent_body=settings.CCHC_PARENT_BODY.upper(),
        body=unit.name.upper(),
        place=settings.CCHC_PLACE_NAME,
        desk_name=f"Bộ phận Một cửa {unit.name}",
        phone=settings.CCHC_DESK_PHONE,
        email=settings.CCHC_DESK_EMAIL,
        address=settings.CCHC_DESK_ADDRESS,
    )


def _local(moment: datetime | None) -> datetime | None:
    return timing.local(moment) if moment else None


def _applicant(d: Dossier) -> forms.Applicant:
    return forms.Applicant(
        name=d.applicant_name,
        kind="organisation" if d.applicant_kind == "organisation" else "person",
        id_number=d.applicant_id_number,
        address=d.applicant_address,
        phone=d.applicant_phone,
        email=d.applicant_email,
    )


def _last(d: Dossier, action: Action) -> DossierEvent:
    event = d.events.filter(action=action).order_by("-at", "-id").first()
    if event is None:
        raise RuleViolation(_("This form does not apply to the dossier yet."))
    return event


def _form_set(d: Dossier) -> forms.FormSet:
    return forms.FormSet(d.rule_set.form_set)


def _heading(d: Dossier) -> dict[str, Any]:
    """What every form about one dossier starts with: the circular, the office, the code, who, what."""
    return {
        "form_set": _form_set(d),
        "office": office(d.unit),
        "code": d.code,
        "applicant": _applicant(d),
        "procedure_name": d.procedure_name,
    }


def _limit_text(d: Dossier) -> str:
    return f"{d.time_limit.normalize():f} {UNIT_TEXT.get(d.time_unit, d.time_unit)}"


def receipt(d: Dossier) -> forms.ReceiptData:
    if d.received_at is None:
        raise RuleViolation(_("This form does not apply to the dossier yet."))
    officer = _last(d, Action.RECEIVE)
    local_received = _local(d.received_at)
    assert local_received is not None  # noqa: S101
    year_start = timezone.make_aware(datetime.combine(date(local_received.year, 1, 1), datetime.min.time()))
    number = Dossier.objects.filter(unit=d.unit, received_at__gte=year_start, received_at__lte=d.received_at).count()
    return forms.ReceiptData(
        **_heading(d),
        documents=[
            forms.DocumentLine(name=doc.name, form=KIND_TEXT.get(DocumentKind(doc.form), doc.form), count=doc.count)
            for doc in d.documents.filter(role="input").order_by("id")
        ],
        sets_count=d.sets_count,
        time_limit_text=_limit_text(d),
        received_at=local_received,
        due_at=_local(d.due_at),
        return_place=f"Bộ phận Một cửa {d.unit.name}",
        register_book=f"{local_received.year}",
        register_number=number,
        officer_name=officer.actor_name,
        channel_text=CHANNEL_TEXT.get(Channel(d.channel), ""),
    )


def supplement(d: Dossier) -> forms.SupplementData:
    event = _last(d, Action.REQUEST_SUPPLEMENT)
    return forms.SupplementData(
        **_heading(d),
        missing=[forms.DocumentLine(name=str(m)) for m in event.data.get("missing", [])],
        reason=event.reason,
        contact_phone=settings.CCHC_DESK_PHONE,
        officer_name=event.actor_name,
        issued_at=timing.local(event.at),
    )


def refusal(d: Dossier) -> forms.RefusalData:
    after = d.status == Status.REFUSED
    event = _last(d, Action.REFUSE if after else Action.REFUSE_INTAKE)
    return forms.RefusalData(
        **_heading(d),
        reasons=[line for line in event.reason.splitlines() if line.strip()],
        officer_name=event.actor_name,
        issued_at=timing.local(event.at),
        after_appraisal=after,
    )


def apology(d: Dossier) -> forms.ApologyData:
    event = _last(d, Action.APOLOGISE)
    old_due = datetime.fromisoformat(event.data["old_due"])
    new_due = datetime.fromisoformat(event.data["new_due"])
    number = DossierEvent.objects.filter(action=Action.APOLOGISE, at__year=event.at.year, at__lte=event.at).count()
    return forms.ApologyData(
        **_heading(d),
        received_at=_local(d.received_at) or old_due,
        old_due=_local(old_due) or old_due,
        reason=event.reason,
        new_due=_local(new_due) or new_due,
        signer_position="GIÁM ĐỐC",
        signer_name=event.actor_name,
        issued_at=_local(event.at) or old_due,
        number_text=f"{number:02d}/{settings.CCHC_DOC_SYMBOL}-MC",
    )


def stop_notice(d: Dossier) -> forms.StopNoticeData:
    event = _last(d, Action.WITHDRAW)
    return forms.StopNoticeData(
        **_heading(d),
        requested_at=timing.local(event.at),
        reason=event.reason,
        signer_name=event.actor_name,
        issued_at=timing.local(event.at),
    )


def control_sheet(d: Dossier) -> forms.ControlSheetData:
    """One row per hand-over between steps: who gave, who received, planned end against actual end."""
    events = list(
        d.events.filter(
            action__in=[
                Action.RECEIVE,
                Action.TRANSFER,
                Action.FORWARD,
                Action.APPROVE,
                Action.RETURN_RESULT,
                Action.REFUSE,
                Action.WITHDRAW,
            ]
        )
        .select_related("step_unit", "actor_unit")
        .order_by("at", "id")
    )
    units = {u.pk: u for u in Unit.objects.filter(pk__in=[int(s["unit_id"]) for s in d.steps])}
    rows: list[forms.ControlRow] = []
    for index, event in enumerate(events):
        following = events[index + 1] if index + 1 < len(events) else None
        finished = following.at if following else (d.closed_at if d.closed_at else None)
        planned = event.step_planned_end
        result = "Đang xử lý" if finished is None else RESULT_TEXT[deadlines.timeliness(finished, planned)]
        step_unit = event.step_unit.name if event.step_unit else ""
        from_unit = event.actor_unit.name if event.actor_unit else d.unit.name
        rows.append(
            forms.ControlRow(
                step_name=event.step_name or event.get_action_display(),
                from_unit=from_unit,
                to_unit=step_unit,
                handed_at=_local(event.at) or event.at,
                giver=event.actor_name,
                receiver=following.actor_name if following else "",
                planned_end=_local(planned),
                finished_at=_local(finished),
                result=result,
                note=event.reason[:200],
            )
        )
    coordinating = sorted({units[int(s["unit_id"])].name for s in d.steps} - {d.handling_unit.name})
    return forms.ControlSheetData(
        form_set=_form_set(d),
        office=office(d.unit),
        code=d.code,
        applicant_name=d.applicant_name,
        procedure_name=d.procedure_name,
        receipt_date=timing.local(d.received_at or d.submitted_at).date(),
        due_at=_local(d.due_at),
        handling_unit=d.handling_unit.name,
        coordinating_units=coordinating,
        rows=rows,
    )


def tracking_book(unit: Unit, date_from: date, date_to: date) -> forms.TrackingBookData:
    start = timezone.make_aware(datetime.combine(date_from, datetime.min.time()))
    end = timezone.make_aware(datetime.combine(date_to, datetime.max.time()))
    dossiers = (
        Dossier.objects.filter(unit=unit, received_at__range=(start, end))
        .select_related("handling_unit")
        .order_by("received_at", "id")
    )
    transfers = dict(
        DossierEvent.objects.filter(dossier__in=dossiers, action=Action.TRANSFER).values_list("dossier_id", "at")
    )
    rows = [
        forms.TrackingRow(
            number=number,
            code=d.code,
            procedure_name=d.procedure_name,
            sets_count=d.sets_count,
            applicant_name=d.applicant_name,
            applicant_contact=f"{d.applicant_address}; {d.applicant_phone}",
            handling_unit=d.handling_unit.name,
            received_at=timing.local(d.received_at or d.submitted_at),
            due_at=_local(d.due_at),
            transferred_at=_local(transfers.get(d.pk)),
            result_received_at=_local(d.result_ready_at),
            returned_at=_local(d.returned_at),
            note=str(Status(d.status).label) if d.status != Status.RETURNED else "",
        )
        for number, d in enumerate(dossiers, start=1)
    ]
    return forms.TrackingBookData(office=office(unit), date_from=date_from, date_to=date_to, rows=rows)


# Which forms a dossier can print now, in the order of the process.
def printable(d: Dossier) -> list[tuple[str, str]]:
    form_set = d.rule_set.form_set
    available: list[forms.FormKind] = []
    if d.received_at:
        available.append(forms.FormKind.RECEIPT)
    if d.supplement_count:
        available.append(forms.FormKind.SUPPLEMENT)
    if d.status in {Status.REFUSED, Status.REFUSED_AT_INTAKE}:
        available.append(forms.FormKind.REFUSAL)
    if d.apology_count:
        available.append(forms.FormKind.APOLOGY)
    if d.status == Status.WITHDRAWN:
        available.append(forms.FormKind.STOP_NOTICE)
    if d.received_at:
        available.append(forms.FormKind.CONTROL_SHEET)
    out = []
    for kind in available:
        spec = forms.form_spec(form_set, kind)
        title = spec.title if spec else "Thông báo dừng giải quyết hồ sơ"
        out.append((kind.value, f"{spec.label} — {title}" if spec else title))
    return out


def render(d: Dossier, kind: str, fmt: str) -> bytes:
    from cchc.dossiers.documents import docx_forms, pdf_forms

    fillers: dict[str, tuple[Callable[[Dossier], Any], Callable[[Any], bytes], Callable[[Any], bytes]]] = {
        "receipt": (receipt, docx_forms.receipt_docx, pdf_forms.receipt_pdf),
        "supplement": (supplement, docx_forms.supplement_docx, pdf_forms.supplement_pdf),
        "refusal": (refusal, docx_forms.refusal_docx, pdf_forms.refusal_pdf),
        "apology": (apology, docx_forms.apology_docx, pdf_forms.apology_pdf),
        "stop_notice": (stop_notice, docx_forms.stop_notice_docx, pdf_forms.stop_notice_pdf),
        "control_sheet": (control_sheet, docx_forms.control_sheet_docx, pdf_forms.control_sheet_pdf),
    }
    if kind not in fillers or fmt not in {"pdf", "docx"}:
        raise RuleViolation(_("Unknown form."))
    fill, as_docx, as_pdf = fillers[kind]
    data = fill(d)
    return as_pdf(data) if fmt == "pdf" else as_docx(data)

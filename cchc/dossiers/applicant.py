"""Checks and normalises what an applicant gives: ID or tax number, phone, e-mail (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

# Citizen ID (CCCD, 12 digits), old ID card (CMND, 9 digits), passport (a letter and 7 digits).
PERSON_ID = re.compile(r"^(\d{12}|\d{9}|[A-Z]\d{7})$")
# Enterprise/tax code: 10 digits, or 10 digits, a hyphen and 3 digits for a branch.
TAX_CODE = re.compile(r"^\d{10}(-\d{3})?$")
# Mobile numbers have 10 digits; landlines 11 (0 + area code + subscriber number).
PHONE = re.compile(r"^0\d{9,10}$")


@dataclass(frozen=True, slots=True)
class ApplicantInput:
    kind: str  # "person" | "organisation"
    name: str
    id_number: str
    phone: str
    address: str
    email: str = ""


def normalise_phone(raw: str) -> str:
    """ "+84 912 345 678", "0912.345.678" → "0912345678"."""
    digits = re.sub(r"[\s.\-()]", "", raw or "")
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) == 11:
        digits = "0" + digits[2:]
    return digits


def normalise_id(raw: str) -> str:
    return re.sub(r"\s", "", raw or "").upper()


def check_applicant(applicant: ApplicantInput) -> tuple[ApplicantInput, dict[str, str]]:
    """The applicant with normalised values, and the problems by field (empty when all is well)."""
    errors: dict[str, str] = {}
    name = " ".join((applicant.name or "").split())
    if len(name) < 2:
        errors["name"] = _("Enter the applicant's full name.")
    id_number = normalise_id(applicant.id_number)
    if applicant.kind == "person":
        if not PERSON_ID.match(id_number):
            errors["id_number"] = _(
                "A citizen ID has 12 digits (old ID cards 9 digits; passports a letter and 7 digits)."
            )
    elif applicant.kind == "organisation":
        if not TAX_CODE.match(id_number):
            errors["id_number"] = _("An enterprise or tax code has 10 digits, or 10 digits-3 digits for a branch.")
    else:
        errors["kind"] = _("Choose a person or an organisation.")
    phone = normalise_phone(applicant.phone)
    if not PHONE.match(phone):
        errors["phone"] = _("A phone number starts with 0 (or +84) and has 10 digits (mobile) or 11 (landline).")
    address = " ".join((applicant.address or "").split())
    if len(address) < 5:
        errors["address"] = _("Enter the applicant's address.")
    email = (applicant.email or "").strip()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors["email"] = _("Enter a valid e-mail address.")
    clean = ApplicantInput(
        kind=applicant.kind, name=name, id_number=id_number, phone=phone, address=address, email=email.lower()
    )
    return clean, errors

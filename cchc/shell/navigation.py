"""The navigation bar, as data: which entries each role sees. Later capabilities add entries here."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from cchc.org.roles import Role
from cchc.org.scope import Scope


@dataclass(frozen=True, slots=True)
class NavItem:
    label: str | Promise
    url_name: str
    icon: str
    roles: frozenset[Role] | None = None  # None: every signed-in person


ALL_STAFF = frozenset(Role) - {Role.APPRAISER}

NAV_ITEMS: tuple[NavItem, ...] = (
    NavItem(_("Home"), "home", "house"),
    NavItem(_("My work"), "dossiers:my_work", "inbox", ALL_STAFF - {Role.ADMINISTRATOR, Role.CCHC_OFFICER}),
    NavItem(_("Dossiers"), "dossiers:list", "folder2-open", ALL_STAFF | {Role.APPRAISER}),
    NavItem(_("Procedures"), "catalog:list", "journal-text", frozenset({Role.ONE_STOP_OFFICER, Role.ADMINISTRATOR})),
    NavItem(_("Organisation"), "org:units", "diagram-3", ALL_STAFF | {Role.APPRAISER}),
    NavItem(_("Calendar"), "workdays:year", "calendar3", None),
    NavItem(
        _("Reform plan"), "plans:list", "journal-check", frozenset({Role.CCHC_OFFICER, Role.DIRECTOR, Role.APPRAISER})
    ),
    NavItem(_("Reform tasks"), "plans:my_tasks", "list-check", frozenset({Role.UNIT_HEAD, Role.SPECIALIST})),
    NavItem(_("Administration"), "admin:index", "gear", frozenset({Role.ADMINISTRATOR})),
)


# What a citizen sees without signing in.
PUBLIC_ITEMS: tuple[NavItem, ...] = (
    NavItem(_("Look up a dossier"), "lookup", "search"),
    NavItem(_("Procedures"), "catalog:list", "journal-text"),
)


def items_for(scope: Scope) -> list[NavItem]:
    return [item for item in NAV_ITEMS if item.roles is None or scope.has_role(*item.roles)]

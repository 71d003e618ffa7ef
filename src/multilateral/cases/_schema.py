"""Column types of the shipped case tables: one schema per table, in one place.

A type is one of ``"text"``, ``"date"`` (ISO 8601 ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``),
``"integer"``, ``"number"``, ``"boolean"`` (``yes``/``no``) or a tuple of the allowed values
of a closed set (a category). An empty cell is a missing value for every type but text.
:func:`multilateral.cases.load_table` checks each row against its table's schema;
:func:`multilateral.cases.to_frame` converts the columns to pandas dtypes.
"""

from __future__ import annotations

from typing import TypeAlias

ColumnType: TypeAlias = str | tuple[str, ...]

#: The scalar type names (a tuple of values is a category).
TYPES: tuple[str, ...] = ("text", "date", "integer", "number", "boolean")

_SOURCED: dict[str, ColumnType] = {"source": "text", "url": "text"}
_NOTE: dict[str, ColumnType] = {"note": "text"}
_STATUS: dict[str, ColumnType] = {"status": "text"}
_GROUPINGS = ("g7", "g20", "quad", "aukus")
_MEKONG = ("lmc", "lmi", "musp")

SCHEMAS: dict[str, dict[str, ColumnType]] = {
    "aiib_events": {"event": "text", "date": "date", **_SOURCED, **_NOTE, **_STATUS},
    "aiib_shares": {
        "institution": ("AIIB", "IMF"), "member": "text",
        "measure": ("capital", "quota_after_2010_reform", "quota_before_2010_reform",
                    "supermajority", "votes"),
        "share": "number", "date": "date", **_SOURCED, **_NOTE, **_STATUS},
    "authorization_decisions": {
        "episode": "text", "decision": "text", "date": "date",
        "outcome": ("acted_with_authorization", "acted_without_authorization", "authorized",
                    "draft_withdrawn", "not_authorized"),
        "in_favour": "integer", "against": "integer", "abstaining": "integer",
        "permanent_not_in_favour": "text", **_SOURCED, **_NOTE, **_STATUS},
    "cbam_events": {"event": "text", "date": "date", "description": "text", **_SOURCED,
                    **_STATUS},
    "cbam_phase_in": {"year": "integer", "share": "number", "date": "date", **_SOURCED,
                      **_STATUS},
    "cbam_sectors": {"sector": "text", "date": "date", **_SOURCED, **_STATUS},
    "climate_emitters": {
        "entity": "text", "kind": ("country", "bloc", "residual"), "share": "number",
        "emissions_gtco2": "number", "date": "date", **_SOURCED, **_NOTE, **_STATUS},
    "climate_events": {"event": "text", "date": "date", "description": "text", **_SOURCED,
                       **_STATUS},
    "climate_global": {"quantity": "text", "value": "number", "unit": ("GtCO2",),
                       "date": "date", **_SOURCED, **_NOTE, **_STATUS},
    "crises": {
        "crisis": "text", "event": "text", "date": "date", "parties": "text",
        "mode": ("arbitration", "council", "direct_talks", "mediation", "none"),
        "third_party": "text",
        "outcome": ("agreement", "award", "award_accepted", "award_rejected",
                    "award_unimplemented", "ceasefire", "proposal", "referred", "settled",
                    "war"),
        "instrument": "text", **_SOURCED, "status": ("confirmed", "partly_confirmed"),
        **_NOTE},
    "eu_members": {"member": "text", "iso_code": "text", "date": "date", **_SOURCED,
                   **_STATUS},
    "forum_shopping": {
        "name": "text", "forum": ("cusfta", "nafta", "wto"), "reference": "text",
        "complainant": "text", "defendant": "text", "measure": "text", "date": "date",
        "date_kind": ("consultations", "final_report", "panel_request"), **_STATUS, **_NOTE,
        **_SOURCED},
    "great_powers": {"ccode": "integer", "state": "text", "start": "date", "end": "date",
                     "date": "date", **_NOTE, **_SOURCED, **_STATUS},
    "groupings_events": {"grouping": _GROUPINGS, "event": "text", "date": "date",
                         "description": "text", **_SOURCED, **_STATUS},
    "groupings_members": {
        "grouping": _GROUPINGS, "member": "text", "kind": ("country", "bloc"), "date": "date",
        "status": ("founder", "member", "participant", "suspended"), **_NOTE, **_SOURCED,
        "source_status": "text"},
    "imf_rules": {"rule": "text", "value": "number", "date": "date", **_SOURCED, **_NOTE,
                  **_STATUS},
    "imf_votes": {
        "member": "text", "iso_code": "text", "quota_sdr_millions": "number",
        "quota_percent": "number", "votes": "integer", "votes_percent": "number",
        "article_viii": "boolean", "date": "date", **_SOURCED, **_STATUS},
    "institutions_form": {"institution": ("g20", "nato", "quad", "wto"), "attribute": "text",
                          "value": "text", "date": "date", "confirmed": "boolean",
                          **_SOURCED, **_STATUS},
    "kyoto_paris_facts": {"fact": "text", "value": "number", "unit": "text", "date": "date",
                          "description": "text", **_SOURCED,
                          "status": ("confirmed", "unconfirmed"), **_NOTE},
    "mekong_events": {"forum": _MEKONG, "event": "text", "date": "date",
                      "description": "text", **_SOURCED, **_STATUS},
    "mekong_members": {"forum": _MEKONG, "member": "text", "role": ("member", "sponsor"),
                       "date": "date", **_NOTE, **_SOURCED, **_STATUS},
    "nato_hub_and_spokes": {
        "treaty": "text", "partners": "text",
        "kind": ("bilateral", "trilateral", "multilateral"), "date": "date",
        "in_force": "date", "ended": "date", **_NOTE, **_SOURCED, **_STATUS},
    "nato_members": {"member": "text", "date": "date", "enlargement": "text",
                     "founder": "boolean", **_NOTE, **_SOURCED, **_STATUS},
    "unsc_permanent": {"member": "text", "charter_name": "text", "date": "date", **_SOURCED,
                       **_NOTE, **_STATUS},
    "unsc_voting": {
        "period": ("pre-1965", "post-1965"), "matter": ("procedural", "substantive"),
        "seats": "integer", "permanent_seats": "integer", "elected_seats": "integer",
        "votes_required": "integer", "permanent_concurrence": "boolean", "date": "date",
        **_SOURCED, **_NOTE, **_STATUS},
}

"""The closed vocabularies every stage and reader shares: status, role, change kind and event kind.

Each is a `StrEnum`, so a member is its string ("party" == Status.PARTY) and outputs stay the words they
were. `participant_status` and "counted, else declared" are written here once; the store, the report, the
claims and the CLI import them rather than spell a status word themselves. Consent types (ratification,
accession...) are data, not code: the curated column table `pipeline/parse/columns.csv` is their one home.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from pipeline.frame_values import is_missing, to_date


class Status(StrEnum):
    """A participant's status in one treaty."""

    PARTY = "party"
    SIGNATORY = "signatory"  # signed, not (yet) a party
    WITHDRAWN = "withdrawn"  # the page brackets the action; the end note tells the story
    NO_ACTION = "no action"  # not listed on a page that lists its participants
    UNKNOWN = "unknown"  # the snapshot does not list participants: nobody can say


class Role(StrEnum):
    """What a column of a status page records (parse/columns.csv's `role`)."""

    SIGNATURE = "signature"
    CONSENT = "consent"
    PROVISIONAL = "provisional"
    NOTIFICATION = "notification"
    OTHER = "other"


class ChangeKind(StrEnum):
    """What a diff between two snapshots can say about one participant."""

    JOINED = "joined"
    SIGNED = "signed"
    WITHDREW = "withdrew"
    REMOVED_WITHOUT_NOTICE = "removed_without_notice"  # on one snapshot, gone from the next, nothing said
    RENAMED = "renamed"
    CORRECTED = "corrected"
    DECLARATIONS_CHANGED = "declarations_changed"
    FOOTNOTES_CHANGED = "footnotes_changed"
    # A declaration under an article that opens a complaint procedure (pipeline/parse/procedures.csv):
    # "article 22 of IV-9 (individual complaints)" appeared, or went.
    COMPETENCE_RECOGNISED = "competence_recognised"
    COMPETENCE_WITHDRAWN = "competence_withdrawn"

    @property
    def words(self) -> str:
        """The change in the words a reader expects (tables, the report)."""
        if self is ChangeKind.FOOTNOTES_CHANGED:
            return "footnote marks changed"
        if self is ChangeKind.COMPETENCE_RECOGNISED:
            return "accepted a complaint procedure"
        if self is ChangeKind.COMPETENCE_WITHDRAWN:
            return "no longer accepts a complaint procedure"
        return self.value.replace("_", " ")


class EventKind(StrEnum):
    """What a reader is told about (feeds, webhook, export): changes that are news, and the baseline."""

    JOINED = "joined"
    SIGNED = "signed"
    WITHDREW = "withdrew"
    REMOVED_WITHOUT_NOTICE = "removed_without_notice"
    RENAMED = "renamed"
    DECLARATIONS_CHANGED = "declarations_changed"
    COMPETENCE_RECOGNISED = "competence_recognised"
    COMPETENCE_WITHDRAWN = "competence_withdrawn"
    FIRST_SNAPSHOT = "first_snapshot"  # the baseline of a treaty: tracking started, not a change


def participant_status(row: Mapping[str, Any] | None, *, participants_listed: bool = True) -> Status:
    """The status of one participations row (None: the participant is not on the page).

    The UN brackets a withdrawn entry ("[26 Feb 1999 ]"); the store flags such a row `withdrawn`, and it
    counts neither as party nor as signatory.
    """
    if row is None:
        return Status.NO_ACTION if participants_listed else Status.UNKNOWN
    withdrawn = row.get("withdrawn")
    if not is_missing(withdrawn) and bool(withdrawn):
        return Status.WITHDRAWN
    if to_date(row.get("consent_date")) is not None:
        return Status.PARTY
    if to_date(row.get("signature_date")) is not None:
        return Status.SIGNATORY
    return Status.NO_ACTION


def counted_else_declared(counted: Any, declared: Any) -> int | None:
    """A total as the store gives it: counted from the participants table, else the page's declared one."""
    value = counted if not is_missing(counted) else declared
    return None if is_missing(value) else int(value)

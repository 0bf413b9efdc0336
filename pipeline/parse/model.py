"""The parsed form of one UNTC treaty status page: small frozen dataclasses, no behaviour beyond counting."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

# What a participants-table column records. Only "signature" and "consent" columns are counted
# (signatories, parties); provisional application and the like are kept but are not consent.
ROLE_SIGNATURE = "signature"
ROLE_CONSENT = "consent"
ROLE_PROVISIONAL = "provisional"
ROLE_NOTIFICATION = "notification"
ROLE_OTHER = "other"

SOURCE_HTML = "html"
SOURCE_XML = "xml"


class ParseError(ValueError):
    """A page that cannot be read as a treaty status page; the message names page, row and value."""


@dataclass(frozen=True)
class SourceRef:
    """Where the bytes came from: a URL or a path, and what we know of the capture."""

    location: str
    sha256: str | None = None
    fetched_at: datetime | None = None


@dataclass(frozen=True)
class Column:
    """One participants-table column: its header label, role and suffix legend (code -> action type).

    The legend's "" entry is the type of an unsuffixed date (e.g. "Ratification" in
    "Ratification, Accession(a), Succession(d)").
    """

    index: int
    label: str
    role: str
    legend: tuple[tuple[str, str], ...]

    def action_type(self, code: str) -> str | None:
        for c, t in self.legend:
            if c == code:
                return t
        return None


@dataclass(frozen=True)
class Action:
    """A dated action in one cell: e.g. 19 Sep 2002, accession (code "a"); withdrawn if bracketed."""

    date: date
    type: str
    code: str = ""
    withdrawn: bool = False


@dataclass(frozen=True)
class Participant:
    """One row of the participants table."""

    name: str  # as displayed, footnote markers removed, whitespace collapsed
    row: int  # 1-based data row on the page
    footnotes: tuple[str, ...] = ()
    has_declarations: bool = False
    signature: Action | None = None
    consent: Action | None = None
    provisional: Action | None = None
    others: tuple[Action, ...] = ()  # notifications, extensions, a second column of the same role

    @property
    def withdrawn(self) -> bool:
        """True if any entry of the row is bracketed (participation withdrawn or denounced)."""
        return any(a is not None and a.withdrawn for a in (self.signature, self.consent, self.provisional))

    @property
    def is_signatory(self) -> bool:
        return self.signature is not None and not self.signature.withdrawn

    @property
    def is_party(self) -> bool:
        return self.consent is not None and not self.consent.withdrawn


@dataclass(frozen=True)
class EndNote:
    number: str
    text: str


@dataclass(frozen=True)
class Declaration:
    """A declaration/reservation (kind "declaration"), objection (kind "objection") or declaration made
    under a named article (kind "under_article": the page's third grid, e.g. recognising a committee's
    competence to receive complaints) of one participant."""

    participant: str
    text: str
    kind: str = "declaration"


@dataclass(frozen=True)
class TreatyStatus:
    """Everything one status page says about one treaty, as of its status date."""

    mtdsg_no: str
    title: str
    source_kind: str  # SOURCE_HTML or SOURCE_XML
    chapter: str | None = None  # roman numeral, e.g. "IV"
    chapter_title: str | None = None
    conclusion: str | None = None
    entry_into_force: str | None = None
    registration: str | None = None
    status_as_at: datetime | None = None  # the page's own "STATUS AS AT" time (US Eastern), None for XML
    declared_signatories: int | None = None
    declared_parties: int | None = None
    # The status block as free text where it gives no plain "Signatories : N. Parties : N" (2018 XML:
    # "States parties having accepted the jurisdiction of the Court: 66.", "144 Members.", "Parties*"); a
    # number read from it is in declared_parties, and without one nothing can be compared ("n/a").
    declared_text: str | None = None
    columns: tuple[Column, ...] = ()
    participants: tuple[Participant, ...] = ()
    end_notes: tuple[EndNote, ...] = ()
    declarations: tuple[Declaration, ...] = ()
    reconciliation: tuple[str, ...] = ()  # one reason per difference between counted and declared
    source: SourceRef | None = field(default=None, compare=False)

    @property
    def counted_signatories(self) -> int:
        return sum(p.is_signatory for p in self.participants)

    @property
    def counted_parties(self) -> int:
        return sum(p.is_party for p in self.participants)

    @property
    def has_signature_column(self) -> bool:
        return any(c.role == ROLE_SIGNATURE for c in self.columns)

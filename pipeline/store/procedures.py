"""Who accepts each core human-rights treaty's complaint procedures, and who objected to whose
reservations: read from the stored declarations and participations of the latest snapshots."""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

import duckdb

from pipeline import mtdsg
from pipeline.normalise.countries import UnknownCountry, lookup_country, match_key, suggest
from pipeline.parse.endnotes import DATE_PATTERN, parse_day
from pipeline.parse.model import EndNote, ParseError
from pipeline.parse.procedures import (
    BY_DECLARATION,
    BY_PARTY,
    BY_PARTY_UNLESS_OPTED_OUT,
    CompetenceDeclaration,
    Procedure,
    load_procedures,
    read_competence,
    recognitions_in_text,
)
from pipeline.parse.reservations import read_withdrawals

# What one cell of the acceptance table says.
ACCEPTED = "yes"
NOT_ACCEPTED = "no"
NOT_PARTY = "not party"  # not a party to the core treaty (or the protocol) at that date
UNREAD = "unknown"  # a declaration whose text is not on the page: which article it recognises is unknown
ANSWERS = (ACCEPTED, NOT_ACCEPTED, NOT_PARTY, UNREAD)


@dataclass(frozen=True)
class Acceptance:
    """Whether one participant accepts one procedure of one core treaty on a date, since when, and why."""

    iso3: str
    name: str
    core: str  # the core treaty (MTDSG number), e.g. "IV-9"
    procedure: str  # individual | inter-state | inquiry
    accepted: str  # one of ANSWERS
    since: date | None
    basis: str
    mtdsg_no: str  # the treaty whose status page records it (the core treaty or its protocol)
    un_url: str

    def to_dict(self) -> dict[str, Any]:
        return record(self)


@dataclass(frozen=True)
class Objection:
    """One objection of one participant to another's reservation or declaration on one treaty."""

    mtdsg_no: str
    objecting_iso3: str | None
    objecting: str
    reserving_iso3: str | None
    reserving: str  # as the page names it ("the Libyan Arab Jamahiriya")
    objected_on: date | None
    heading: str  # "With regard to the reservations made by Maldives upon accession"
    un_url: str

    def to_dict(self) -> dict[str, Any]:
        return record(self)


def record(row: Acceptance | Objection | WithdrawnStatement) -> dict[str, Any]:
    """One answer as an output record: its fields in order, dates as ISO text."""
    return {
        f.name: (v.isoformat() if isinstance(v := getattr(row, f.name), date) else v) for f in fields(row)
    }


def columns(kind: type[Acceptance] | type[Objection] | type[WithdrawnStatement]) -> list[str]:
    """The fields of an output record, for a header when there are no rows."""
    return [f.name for f in fields(kind)]


def core_treaties() -> list[str]:
    """The core treaties of the procedures table, in the natural order of treaty numbers."""
    return mtdsg.sorted_numbers({p.core for p in load_procedures()})


def _rows(
    con: duckdb.DuckDBPyConnection, numbers: Iterable[str], kinds: tuple[str, ...]
) -> list[dict[str, Any]]:
    numbers = list(numbers)
    cur = con.execute(
        """SELECT 'participation' AS what, mtdsg_no, iso3, name, consent_date, withdrawn,
                  NULL AS kind, NULL AS ordinal, NULL AS text
           FROM participations WHERE valid_to IS NULL AND list_contains($m, mtdsg_no)
           UNION ALL
           SELECT 'declaration', mtdsg_no, iso3, participant, NULL, NULL, kind, ordinal, text
           FROM declarations
           WHERE valid_to IS NULL AND list_contains($m, mtdsg_no) AND list_contains($k, kind)""",
        {"m": numbers, "k": list(kinds)},
    )
    names = [d[0] for d in cur.description or ()]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def _not_recognised(text: str, articles: set[int]) -> bool:
    """A declaration that the participant does not recognise the competence an article gives ("The Chinese
    Government does not recognize the competence of the Committee against Torture as provided for in
    article 20"): the opt-out of an inquiry procedure."""
    for sentence in re.split(r"(?<=[.;:])\s+", text):
        if re.search(r"\b(?:not|no longer)\s+(?:to\s+)?(?:recogni[sz]e|accept)", sentence, re.I) and any(
            re.search(rf"\barticles?\b[^.;]{{0,40}}?\b{a}\b", sentence, re.I) for a in articles
        ):
            return True
    return False


def acceptances(
    con: duckdb.DuckDBPyConnection, *, on: date | None = None, iso3: str | None = None
) -> list[Acceptance]:
    """The acceptance table: one row per participant of a core treaty (or of its protocols) and per
    procedure of the table, as of `on` (None: as the latest snapshots show it).

    A procedure is accepted from the date its declaration gives, else (the grid's rule: "made upon
    ratification, accession or succession") from the participant's consent to the treaty; a procedure
    open to every party, from the consent. As of an earlier date the latest snapshot's records count from
    their dates, as deposits recorded late do. A participation that is withdrawn (bracketed) accepts
    nothing."""
    table = load_procedures()
    numbers = {p.mtdsg_no for p in table} | {p.core for p in table}
    rows = _rows(con, numbers, ("under_article", "declaration"))
    consent: dict[tuple[str, str], date | None] = {}
    names: dict[str, str] = {}
    for r in rows:
        if r["what"] == "participation":
            names.setdefault(r["iso3"], r["name"])
            if r["consent_date"] is not None and not r["withdrawn"]:
                consent[(r["mtdsg_no"], r["iso3"])] = r["consent_date"]
    declared: dict[tuple[str, str], list[CompetenceDeclaration]] = defaultdict(list)
    statements: dict[tuple[str, str], list[str]] = defaultdict(list)
    for r in rows:
        if r["what"] != "declaration" or r["iso3"] is None:
            continue
        key = (r["mtdsg_no"], r["iso3"])
        if r["kind"] == "declaration":
            statements[key].append(r["text"])
            # CMW keeps its article 76 and 77 declarations in the ordinary grid; other treaties' declarations
            # sometimes recognise a competence as well ("Upon ratification Declaration: ... recognizes").
            declared[key].extend(recognitions_in_text(r["mtdsg_no"], r["name"], r["text"]))
            continue
        try:
            declared[key].extend(read_competence(r["mtdsg_no"], r["name"], r["text"]))
        except ParseError as exc:  # the parse checks every entry; a stored one it refuses is a stale store
            raise ParseError(f"{exc} (import the page again)") from None
    who = sorted({i for _m, i in consent} if iso3 is None else {iso3})
    out: list[Acceptance] = []
    for code in who:
        for p in table:
            out.append(_cell(p, code, names.get(code, code), on, consent, declared, statements))
    return out


def _cell(
    p: Procedure,
    iso3: str,
    name: str,
    on: date | None,
    consent: dict[tuple[str, str], date | None],
    declared: dict[tuple[str, str], list[CompetenceDeclaration]],
    statements: dict[tuple[str, str], list[str]],
) -> Acceptance:
    def cell(accepted: str, since: date | None, basis: str) -> Acceptance:
        return Acceptance(
            iso3,
            name,
            p.core,
            p.procedure,
            accepted,
            since,
            basis,
            p.mtdsg_no,
            mtdsg.citable_url(p.mtdsg_no, None),
        )

    def by(day: date | None) -> bool:
        return day is not None and (on is None or day <= on)

    joined = consent.get((p.mtdsg_no, iso3))
    core_joined = consent.get((p.core, iso3))
    if p.mtdsg_no != p.core and p.how == BY_DECLARATION and not by(core_joined):
        return cell(NOT_PARTY, None, f"not a party to {p.core}")
    if not by(joined):
        if p.mtdsg_no != p.core and by(core_joined):
            return cell(NOT_ACCEPTED, None, f"not a party to the protocol {p.mtdsg_no}")
        return cell(NOT_PARTY, None, f"not a party to {p.mtdsg_no}")
    if p.how == BY_PARTY:
        return cell(ACCEPTED, joined, f"party to {p.mtdsg_no} since {joined}")
    if p.how == BY_PARTY_UNLESS_OPTED_OUT:
        opt = {a for a in (p.article, p.opt_out_article) if a is not None}
        if any(_not_recognised(t, opt) for t in statements.get((p.mtdsg_no, iso3), ())):
            return cell(
                NOT_ACCEPTED,
                None,
                f"declared that it does not recognise the competence under article {p.article}"
                f" (article {p.opt_out_article})",
            )
        return cell(ACCEPTED, joined, f"party to {p.mtdsg_no} since {joined}, no declaration opting out")
    found = [d for d in declared.get((p.mtdsg_no, iso3), ()) if d.article in (p.article, None)]
    made = [d for d in found if d.article == p.article]
    if made:
        first = min(made, key=lambda d: d.declared_on or joined or date.max)
        since = first.declared_on or joined
        if by(since):
            when = "made upon consent" if first.declared_on is None else f"of {first.declared_on}"
            return cell(ACCEPTED, since, f"declaration under article {p.article} of {p.mtdsg_no} ({when})")
        return cell(NOT_ACCEPTED, None, f"declaration under article {p.article} made later ({since})")
    if found:
        return cell(UNREAD, None, f"a declaration under article whose text is not on the page ({p.mtdsg_no})")
    return cell(NOT_ACCEPTED, None, f"no declaration under article {p.article} of {p.mtdsg_no}")


# An entry of the objections grid holds every objection of one participant, each opening with its date and
# usually a heading: "12 February 2010 With regard to the reservations made by Qatar upon accession:",
# "29 April 2010 Objection to the reservations made by Qatar upon accession:", "With regards to ...";
# some have none ("28 January 2010 "The Government of ... has examined the reservations made by the
# State of Qatar ...").
_DATE = DATE_PATTERN
_SEGMENT = re.compile(
    rf"(?:^|(?<=\s))(?={_DATE}\s+(?:With|In\s|Objection|Regarding|Concerning|[“\"]|The\s|\[))"
)
_LEADING = re.compile(rf"^\s*(?P<date>{_DATE})\b")
_HEADING = re.compile(
    r"(?P<heading>(?:With regards?|In regard|In respect|Regarding|Concerning|Objections?)\s+(?:to\s+)?"
    r"[^:“\"]{0,300}?\b(?:made|formulated|submitted)\s+(?:[^:“\"]{0,40}?\s)?by\s+(?P<who>[^:“\"]{1,200}?))"
    r"\s*(?=[:“\"]|$)"
)
_MADE_BY = re.compile(
    r"(?:reservations?|declarations?|statements?)\s+(?:[^.:]{0,60}?\s)?(?:made|formulated|submitted)\s+"
    r"(?:[^.:]{0,40}?\s)?by\s+(?P<who>[A-Z\w][^.:;,“\"]{1,80}?)"
    r"(?=\s+(?:upon|at|on|when|in|with|concerning|to|regarding)\b|[.:;,“\"]|$)"
)
_TRIM = re.compile(
    r"\s+(?:upon|at the time|on|when|in respect|with regard|concerning|regarding|to article)\b.*$", re.S
)
_TITLES = re.compile(r"^(?:the\s+)?(?:Governments?\s+of\s+)?(?:the\s+)?", re.I)
_FORMS = re.compile(
    r"^(?:[A-Z][a-z]+\s+){0,2}(?:State|Sultanate|Kingdom|Republic|Principality|Emirate|Federation)\s+of\s+"
    r"(?:the\s+)?"
)
_TAIL = re.compile(r"\s+(?:made|in its|con-?\s?cerning|as notified|until|which|and substitutes?)\b.*$", re.S)


def _reserving_names(who: str) -> list[str]:
    """ "Maldives upon accession" -> ["Maldives"]; "Bahrain upon accession and Qatar upon ratification" ->
    ["Bahrain", "Qatar"]; "Bangladesh, Djibouti and Kuwait" -> all three; "Trinidad and Tobago" stays
    whole (a name that resolves as it stands is not split)."""
    whole = _TITLES.sub("", _TRIM.sub("", who).strip(" .;[]")).strip()
    if whole and _code(whole) is not None:
        return [whole]
    out = []
    for part in re.split(r",\s*(?:and\s+)?(?:by\s+)?|\s+and\s+(?:by\s+)?(?=[A-Z])", who):
        part = _TITLES.sub("", _TRIM.sub("", part).strip(" .;[]")).strip()
        if part and part[0].isupper():
            out.append(part)
    return out


def _code(name: str) -> str | None:
    """A reserving participant as the objection names it ("the State of Qatar", "the Libyan Arab
    Jamahiriya", "Brunei Darussalem") -> its code, through the one country look-up; None if it names
    none. A misspelt name is taken only when one known name is very close to it."""
    for candidate in dict.fromkeys((name, _FORMS.sub("", name), _TAIL.sub("", name))):
        try:
            return lookup_country(candidate).iso3
        except UnknownCountry:
            continue
    key = match_key(name)
    for option in suggest(name, 1):
        if difflib.SequenceMatcher(None, key, match_key(option)).ratio() >= 0.85:
            return lookup_country(option).iso3
    return None


def read_objections(mtdsg_no: str, objecting: str, objecting_iso3: str | None, text: str) -> list[Objection]:
    """One objecting participant's entry of the objections grid, as one Objection per dated objection and
    reserving participant. A part that names no reserving participant gives a row with it unknown ("?"):
    nothing is dropped."""
    url = mtdsg.citable_url(mtdsg_no, None)
    out: list[Objection] = []
    for segment in _SEGMENT.split(text):
        if not segment.strip():
            continue
        lead = _LEADING.match(segment)
        day = parse_day(lead.group("date")) if lead else None
        head = _HEADING.search(segment[:500])
        found = head or _MADE_BY.search(segment)
        names = _reserving_names(found.group("who")) if found else []
        heading = (head.group("heading") if head else found.group(0) if found else segment[:120]).strip()
        for who in names or ["?"]:
            out.append(Objection(mtdsg_no, objecting_iso3, objecting, _code(who), who, day, heading, url))
    return out


def objections(
    con: duckdb.DuckDBPyConnection,
    mtdsg_no: str,
    *,
    by: str | None = None,
    against: str | None = None,
) -> list[Objection]:
    """The objections on a treaty's latest snapshot, as relations (objecting -> reserving participant),
    by objecting participant and date; `by` / `against` are ISO3 codes."""
    out: list[Objection] = []
    for r in _rows(con, [mtdsg_no], ("objection",)):
        if r["what"] != "declaration":
            continue
        out.extend(read_objections(mtdsg_no, r["name"], r["iso3"], r["text"]))
    if by is not None:
        out = [o for o in out if o.objecting_iso3 == by]
    if against is not None:
        out = [o for o in out if o.reserving_iso3 == against]
    out.sort(key=lambda o: (o.objected_on or date.min, o.objecting.casefold()))
    return out


@dataclass(frozen=True)
class WithdrawnStatement:
    """A reservation, declaration or objection withdrawn (in whole or in part), as an end note dates it."""

    mtdsg_no: str
    iso3: str | None
    participant: str
    notified_on: date
    what: str
    partial: bool
    note: str
    sentence: str
    un_url: str

    def to_dict(self) -> dict[str, Any]:
        return record(self)


def withdrawn_statements(
    con: duckdb.DuckDBPyConnection, mtdsg_no: str
) -> tuple[list[WithdrawnStatement], int]:
    """Withdrawals of reservations, declarations and objections the treaty's latest end notes report, by
    date; and how many sentences speak of one but could not be read as a dated withdrawal by a named
    participant (counted, so a reader knows to look at the notes)."""
    notes = [
        EndNote(number=str(n), text=str(t))
        for n, t in con.execute(
            "SELECT number, text FROM end_notes WHERE mtdsg_no = ? AND valid_to IS NULL", [mtdsg_no]
        ).fetchall()
    ]
    found, unread = read_withdrawals(notes)
    url = mtdsg.citable_url(mtdsg_no, None)
    out = [
        WithdrawnStatement(
            mtdsg_no,
            _code(w.participant),
            w.participant,
            w.notified_on,
            w.what,
            w.partial,
            w.note,
            w.sentence,
            url,
        )
        for w in found
    ]
    out.sort(key=lambda w: (w.notified_on, w.participant.casefold()))
    return out, len(unread)

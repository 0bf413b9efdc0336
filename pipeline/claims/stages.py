"""The stages after the first reading, in their order: those that date a text's claims from its words
(`after_reading`: the day before, "ago", a status date carried over, a fact box's footer, a note's date,
one figure told of each treaty of a list), and those that date them by the record (`record_dates`: an
ordinal's state, a named act, the opening for signature, the entry into force), which run when the store is
open to check the claims, never while the text is read."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from pipeline.claims.ago import ago_counts
from pipeline.claims.anchors import named_acts, opening_day, yearless_acts
from pipeline.claims.ceremony_days import ceremony_days
from pipeline.claims.dating import further_counts
from pipeline.claims.each_treaty import each_named
from pipeline.claims.entry_years import entry_years
from pipeline.claims.event_spans import after_event
from pipeline.claims.extract import Claim, Reading
from pipeline.claims.layout import as_given
from pipeline.claims.links import restated
from pipeline.claims.news_acts import included_news
from pipeline.claims.notes import note_dates
from pipeline.claims.ordinal_days import ordinal_days
from pipeline.claims.record_years import record_years
from pipeline.claims.relative_days import yesterday_counts
from pipeline.claims.running_totals import running_totals
from pipeline.claims.status_dates import (
    brought_to_day,
    carried_status_dates,
    footer_dates,
    marked_year,
    paragraph_days,
)
from pipeline.claims.store_view import StoreLike
from pipeline.claims.topics import banned_by_topic
from pipeline.claims.treaties import TitleIndex


def after_reading(
    reading: Reading, index: TitleIndex, written_on: date | None, original: str = ""
) -> Reading:
    """The reading with its claims (and the candidates the record may read) dated from the text's words.
    `original`: the text as given, whose note marks ("[12]") the reading blanked (positions are the same)."""
    text = reading.text
    noted = as_given(original, text)
    claims = ago_counts(yesterday_counts(further_counts(reading.claims, text), text, written_on))
    claims = carried_status_dates(brought_to_day(marked_year(claims, text), text), text)
    claims = each_named(note_dates(footer_dates(paragraph_days(claims, text), text), noted), text, index)
    claims = banned_by_topic(claims, index)  # "Cluster bombs have been banned by 100 countries": their ban
    # (a figure the record may read, told of several treaties, is a candidate for each)
    candidates = yesterday_counts(reading.candidates, text, written_on)
    candidates = each_named(note_dates(footer_dates(candidates, text), noted), text, index)
    return replace(reading, claims=tuple(claims), candidates=tuple(candidates))


def record_dates(claims: Sequence[Claim], text: str, store: StoreLike) -> list[Claim]:
    """The dates the record gives (an ordinal's state, a named act, the opening day, the entry into force)."""
    claims = included_news(named_acts(ordinal_days(claims, text, store), text, store), text, store)
    claims = running_totals(claims, text, store)
    claims = entry_years(opening_day(yearless_acts(claims, store, text), text, store), text, store)
    claims = after_event(claims, text, store)  # "A year after the treaty was adopted, 31 have ratified it"
    claims = ceremony_days(claims, store)  # "57 countries signed", in the days after the opening
    return restated(record_years(claims, store), text)


__all__ = ["after_reading", "record_dates"]

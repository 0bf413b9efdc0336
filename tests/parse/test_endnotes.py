"""Withdrawal effective dates from end notes: every phrasing of the saved pages, hand-written and real."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from pipeline.parse import parse_page, read_withdrawal, withdrawal_effects
from pipeline.parse.endnotes import EFFECT_PHRASINGS, note_events, same_participant
from pipeline.parse.model import TreatyStatus

# Every phrasing found in the end notes of the 437 saved pages (grep denounc|withdr|revok|revoc|effect),
# as (where it was found, a sentence in that phrasing, the participant, role, expected (date, rule)).
PHRASINGS = [
    (
        "XXVI-5 Estonia: 'took effect for <State> on'",
        "On 27 June 2025, the Government of the Republic of Estonia deposited with the Secretary-General a"
        " notification of withdrawal (See depositary notification C.N.360.2025.TREATIES-XXVI-5 of 3 July"
        " 2025). The withdrawal took effect for Estonia on 27 December 2025 in accordance with article 20 (3)"
        " of the Convention.",
        "Estonia",
        (date(2025, 12, 27), "effect"),
    ),
    (
        "XXVI-5 Poland: 'will take effect for <State> on'",
        "On 20 August 2025, the Government of Poland deposited with the Secretary-General a notification of"
        " withdrawal. The withdrawal will take effect for Poland on 20 February 2026 in accordance with"
        " article 20 (3) of the Convention, subject to the condition set forth in the said paragraph.",
        "Poland",
        (date(2026, 2, 20), "effect"),
    ),
    (
        "IV-5 Belarus: 'with effect from'",
        "On 8 November 2022, the Government of Belarus notified the Secretary-General of its denunciation of"
        " the Optional Protocol with effect from 8 February 2023 in accordance with article 12(1).",
        "Belarus",
        (date(2023, 2, 8), "effect"),
    ),
    (
        "XIX-37 Barbados: 'with effect from on' (sic)",
        "On 1 September 1994, the Government of Barbados notified the Secretary-General that it decided to"
        " denounce the International Sugar Agreement, 1992 with effect from on 1 October 1994.",
        "Barbados",
        (date(1994, 10, 1), "effect"),
    ),
    (
        "V-3 Madagascar: 'the denunciation took effect on'",
        "By a notification received by the Secretary-General on 2 April 1965, the Government of Madagascar"
        " denounced the Convention; the denunciation took effect on 2 April 1966.",
        "Madagascar",
        (date(1966, 4, 2), "effect"),
    ),
    (
        "XII-6 Bulgaria: 'the denunciation will take effect on'",
        "On 22 December 2008, the Secretary-General received from the Government of Bulgaria a notification of"
        " denunciation of the said Convention. In accordance with the provisions of article 50 (2) of the"
        " Convention, the denunciation will take effect on 22 December 2009.",
        "Bulgaria",
        (date(2009, 12, 22), "effect"),
    ),
    (
        "XIV-7 Poland: 'which shall take effect on'",
        "On 30 December 2016, the Government of Poland notified the Secretary-General of its decision to"
        " withdraw from the Statutes which shall take effect on 30 December 2017 in accordance with article 17.",
        "Poland",
        (date(2017, 12, 30), "effect"),
    ),
    (
        "VI-14 New Zealand: 'the denunciation to take effect on'",
        "The instrument of denunciation of the Protocol was deposited by the Government of New Zealand on 17"
        " December 1968 in respect of the metropolitan territory, the denunciation to take effect on 1 January"
        " 1969.",
        "New Zealand",
        (date(1969, 1, 1), "effect"),
    ),
    (
        "XVI-2 Luxembourg: 'take effect one year after ..., that is to say, on'",
        "On 12 July 2007, the Secretary-General received from the Government of Luxembourg a notification of"
        " denunciation under article 9 (1) of the Convention. In accordance with the provisions of article 9"
        " (1) of the Convention, the denunciation will take effect one year after the date of receipt of the"
        " said notification, that is to say, on 12 July 2008.",
        "Luxembourg",
        (date(2008, 7, 12), "effect"),
    ),
    (
        "XVI-2 Netherlands: '..., i.e., on'",
        "On 16 January 1992, the Secretary-General received from the Government of the Netherlands a"
        " notification of denunciation. In accordance with article 9 (1), the denunciation will take effect"
        " one year after the date of receipt of the said notification, i.e., on 16 January 1993.",
        "Netherlands",
        (date(1993, 1, 16), "effect"),
    ),
    (
        "X-8 Australia: 'will become effective for <State> on'",
        "On 1 September 2004, the Government of Australia informed the Secretary-General that it had decided"
        " to denounce the Agreement. The action will become effective for Australia on 31 July 2007, in"
        " accordance with its article 9, Section 1(b).",
        "Australia",
        (date(2007, 7, 31), "effect"),
    ),
    (
        "XIX-46 Canada: 'effective on'",
        "In a communication received on 14 January 2013, the Government of Canada informed the"
        " Secretary-General of the withdrawal of Canada form the Agreement effective on 14 April 2013.",
        "Canada",
        (date(2013, 4, 14), "effect"),
    ),
    (
        "hand-written: 'the withdrawal became effective on'",
        "On 3 March 2001, the Government of Chile notified the Secretary-General of its withdrawal from the"
        " Agreement. The withdrawal became effective on 3 March 2002.",
        "Chile",
        (date(2002, 3, 3), "effect"),
    ),
    (
        "XIV-7 Poland 2016 style: 'the date of effect being'",
        "On 15 May 2001, the Government of Brazil notified the Secretary-General that it had decided to"
        " withdraw from the Statutes, the date of effect being 14 May 2002.",
        "Brazil",
        (date(2002, 5, 14), "effect"),
    ),
    (
        "X-14 Colombia: notification plus the delay the note states",
        "On 9 November 2007, the Secretary-General received from the Government of Colombia a notification of"
        " denunciation. In accordance with the provisions of article XVIII (2) of the Agreement, the"
        " denunciation will take effect sixty days after the date of receipt of the said notification.",
        "Colombia",
        (date(2008, 1, 8), "notified+60 days"),
    ),
    (
        "IV-5 Jamaica: notification only",
        "On 23 October 1997, the Government of Jamaica notified the Secretary-General of its denunciation of"
        " the Protocol.",
        "Jamaica",
        (date(1997, 10, 23), "notified"),
    ),
    (
        "VIII-1 Denmark: 'A notification of denunciation was received on' + 'took effect on'",
        "A notification of denunciation was received on 16 August 1967. In communicating this notification,"
        " the Government of Denmark has informed the Secretary-General that the denunciation was intended to"
        " apply also in relation to the States parties to the 1923 Convention. The denunciation took effect on"
        " 16 August 1968.",
        "Denmark",
        (date(1968, 8, 16), "effect"),
    ),
    (
        "III-8 United States: 'a communication notifying its withdrawal' (notification only)",
        "On 7 March 2005, the Secretary-General received from the Government of the United States of America,"
        " a communication notifying its withdrawal from the Optional Protocol.",
        "United States of America",
        (date(2005, 3, 7), "notified"),
    ),
    (
        "X-9 note table with a date of effect",
        "The Secretary-General received instruments of denunciation of the Constitution from the following"
        " Governments on the dates indicated hereinafter: Participant: Date of notification: Date of effect:"
        " Depositary Notification: Canada 3 Dec 1992 31 Dec 1993 C.N.411.1992.TREATIES-4 United Kingdom 27"
        " Apr 2011 31 Dec 2012 C.N.232.2011.TREATIES-1",
        "United Kingdom of Great Britain and Northern Ireland",
        (date(2012, 12, 31), "effect"),
    ),
    (
        "XIX-37 note table 'States: Notification received on : Date of effect :'",
        "Notifications of withdrawal received by the following States on the dates indicated hereinafter:"
        " States: Notification received on : Date of effect : Barbados 1 Sep 1994 1 Oct 1994 Finland 27 Jun"
        " 1995 27 Jul 1995",
        "Finland",
        (date(1995, 7, 27), "effect"),
    ),
    (
        "XIX-21 note table 'Effective date:' with full and 'Sept' month names",
        "the following Governments had notified the Common Fund their decision to withdraw from the Common"
        " Fund. The withdrawal became effective on the dates specified by the Governments, as indicated"
        " hereinafter: Participant: Date of the notification: Effective date: Japan 7 Sept 2012 7 Sept 2013"
        " Austria 9 January 2015 10 January 2016",
        "Austria",
        (date(2016, 1, 10), "effect"),
    ),
    (
        "XIX-16 note table with notification dates only",
        "Notifications of withdrawal received by the following States on the dates indicated hereinafter:"
        " Participant: Date of the notification: India 25 Jul 1984 Sri Lanka 29 Sep 1982",
        "Sri Lanka",
        (date(1982, 9, 29), "notified"),
    ),
]


@pytest.mark.parametrize(("where", "text", "who", "expected"), PHRASINGS, ids=[p[0] for p in PHRASINGS])
def test_every_phrasing_of_the_saved_pages(where, text, who, expected):
    found = read_withdrawal(["1"], {"1": text}, participant=who, after=date(1950, 1, 1))
    assert found is not None, where
    assert (found.date, found.rule) == expected
    assert found.note == "1"


def test_every_effect_phrasing_has_a_case():
    cases = " ".join(text for _, text, _, _ in PHRASINGS)
    for name, pattern in EFFECT_PHRASINGS:
        assert pattern.search(cases), name


def test_the_statement_about_another_state_is_not_read_for_this_one():
    # XVI-2 note 7 is attached to Luxembourg but tells the United Kingdom's denunciation.
    text = (
        "On 24 December 1981, the Secretary-General received from the Government of the United Kingdom of"
        " Great Britain and Northern Ireland a notification of denunciation of the said Convention. In"
        " accordance with article 9 (2), the denunciation will take effect one year after the date of receipt"
        " of the said notification, that is to say, on 24 December 1982."
    )
    assert read_withdrawal(["7"], {"7": text}, participant="Luxembourg") is None
    found = read_withdrawal(
        ["7"], {"7": text}, participant="United Kingdom of Great Britain and Northern Ireland"
    )
    assert found is not None and found.date == date(1982, 12, 24)


def test_a_withdrawal_withdrawn_or_suspended_never_took_effect():
    brazil = (
        "On 15 May 2001, the Government of Brazil notified the Secretary-General that it had decided to"
        " withdraw from the Statutes, the date of effect being 14 May 2002. Subsequently, in a communication"
        " received on 9 May 2002, the Government of Brazil notified the Secretary-General that it had decided"
        " to withdraw its notification of withdrawal of 15 May 2001."
    )
    assert read_withdrawal(["3"], {"3": brazil}, participant="Brazil") is None
    trinidad = (
        "On 27 March 1997, the Government of Trinidad and Tobago notified the Secretary-General of its"
        " denunciation of the Agreement. The withdrawal was to take effect on 27 September 1997. On 26"
        " September 1997, the Government of Trinidad and Tobago notified the Secretary-General of its decision"
        " to suspend the withdrawal from the Agreement."
    )
    assert read_withdrawal(["11"], {"11": trinidad}, participant="Trinidad and Tobago") is None


def test_withdrawn_signature_and_revoked_ratification_are_per_role():
    signature = (
        "On 6 May 2002, the Government of the United States of America informed the Secretary-General that"
        " it does not intend to become a party to the Statute, and withdrew its signature."
    )
    notes = {"1": signature}
    assert read_withdrawal(["1"], notes, role="signature").date == date(2002, 5, 6)
    assert read_withdrawal(["1"], notes, role="consent") is None
    revoked = (
        "On 2 November 2023, the Government of the Russian Federation notified the Secretary-General of the"
        " revocation of its instrument of ratification of the Treaty."
    )
    notes = {"2": revoked}
    assert read_withdrawal(["2"], notes, role="consent").rule == "notified"
    assert read_withdrawal(["2"], notes, role="signature") is None


def test_reservation_withdrawals_are_not_participation_withdrawals():
    text = (
        "On 6 February 1998, the Government of Malaysia notified the Secretary-General of a partial withdrawal"
        " of its reservation in respect of article 2(f)."
    )
    assert note_events(text) == []


def test_the_latest_effect_wins_and_earlier_ones_are_ignored():
    # IV-5 Trinidad and Tobago: denounced 1998, re-acceded the same day, denounced again in 2000.
    text = (
        "On 26 May 1998 the Government of Trinidad and Tobago informed the Secretary-General of its decision to"
        " denounce the Optional Protocol with effect from 26 August 1998. On 26 August 1998, the Government of"
        " Trinidad and Tobago re-acceded to the Optional Protocol with a reservation. On 27 March 2000, the"
        " Government of Trinidad and Tobago notified the Secretary-General that it had decided to denounce the"
        " Optional Protocol for the second time with effect from 27 June 2000."
    )
    found = read_withdrawal(["1"], {"1": text}, participant="Trinidad and Tobago", after=date(1980, 11, 14))
    assert (found.date, found.rule, found.notified) == (date(2000, 6, 27), "effect", date(2000, 3, 27))
    assert read_withdrawal(["1"], {"1": text}, after=date(2001, 1, 1)) is None


def test_names_are_matched_loosely_but_not_across_states():
    assert same_participant("Republic of Estonia", "Estonia")
    assert same_participant("United Kingdom", "United Kingdom of Great Britain and Northern Ireland")
    assert same_participant("Plurinational State of Bolivia", "Bolivia (Plurinational State of)")
    assert not same_participant(
        "United States of America", "United Kingdom of Great Britain and Northern Ireland"
    )
    assert not same_participant("Niger", "Nigeria")


# --- the real saved pages ---------------------------------------------------------------------------


def _parse(path: Path) -> TreatyStatus:
    return parse_page(path.read_bytes())


def test_ottawa_and_oslo_withdrawals_take_effect_after_six_months(html_dir):
    ottawa = _parse(html_dir / "XXVI-5.html")
    by_name = {ottawa.participants[row - 1].name: e for (row, role), e in withdrawal_effects(ottawa).items()}
    assert by_name["Estonia"].date == date(2025, 12, 27) and by_name["Estonia"].rule == "effect"
    assert by_name["Finland"].date == date(2026, 1, 10)
    assert by_name["Latvia"].date == date(2025, 12, 27)
    assert by_name["Lithuania"].date == date(2025, 12, 27)
    assert by_name["Estonia"].notified == date(2025, 6, 27)
    oslo = _parse(html_dir / "XXVI-6.html")
    effects = withdrawal_effects(oslo)
    assert {role for _, role in effects} == {"signature", "consent", "provisional"}
    assert {e.date for e in effects.values()} == {date(2025, 3, 6)}


def test_corpus_withdrawals_are_dated(untc_pages):
    """How many bracketed (withdrawn) actions of the 437 pages carry an effective date, only a notification
    date, or nothing (no note, or a note that does not tell the withdrawal)."""
    counts: Counter[str] = Counter()
    for path in sorted(untc_pages.glob("*/*")):
        if path.suffix not in (".html", ".xml"):
            continue
        for effect in withdrawal_effects(_parse(path)).values():
            counts["nothing" if effect is None else effect.rule.split("+")[0]] += 1
    assert sum(counts.values()) == 118
    assert counts["effect"] >= 93 and counts["notified"] <= 17 and counts["nothing"] <= 8, counts

"""Thirty-first pass (issue 21). One test per rule, on hand-written sentences of the shapes that dev/ took when
re-read in other words (a dash for a comma, an "as of" moved to the sentence's end, contractions, one line a
paragraph with no blank line between)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.claims.readers import checks as _checks
from tests.claims.readers import report as _report

OPIC = "the Optional Protocol to the Convention on the Rights of the Child on a communications procedure"

# A headline over its story's first paragraph, with no blank line between them.
SOUTH_SUDAN = (
    "South Sudan becomes 195th State to ratify Convention on the Rights of the Child\n"
    "JUBA, South Sudan, May 5, 2015 – UNICEF today welcomed South Sudan's ratification of the Convention "
    "on the Rights of the Child, and urged the Government to make child rights its cornerstone.\n"
)


def test_a_relative_clause_opened_by_a_dash_is_of_its_own_day_as_one_opened_by_a_comma(eval_db: Path) -> None:
    for mark in (",", " —", " –", " -"):
        said = f"Twenty States have signed {OPIC}{mark} which opened for signature yesterday in Geneva.\n"
        # the count is of the text's own day; "yesterday" is the opening's
        assert _checks(eval_db, said, date(2012, 2, 29)) == [(20, "signatories", "IV-11-d", "2012-02-29")]
    # told of the count itself, "yesterday" dates it
    own = f"Twenty States signed {OPIC} yesterday in Geneva.\n"
    assert _checks(eval_db, own, date(2012, 2, 29)) == [(20, "signatories", "IV-11-d", "2012-02-28")]


def test_an_entry_into_force_told_after_a_dash_is_not_the_ordinal_consents(eval_db: Path) -> None:
    for mark in (",", " —"):
        said = (
            f"China has become the 107th country to join the Arms Trade Treaty{mark} which was approved by the "
            "UN in April 2013 and came into force in December 2014.\n"
        )
        found = _report(eval_db, said, date(2020, 7, 7))
        # a count of parties on China's accession day, not the consent that brought the treaty into force
        assert [(c.claim.figure, c.claim.kind, c.claim.measure) for c in found.checks] == [
            (107, "count", "parties")
        ]
        assert found.checks[0].claim.claimed_on == date(2020, 7, 6)


def test_an_as_of_date_closing_the_sentence_dates_a_count_told_currently(eval_db: Path) -> None:
    iccpr = "the International Covenant on Civil and Political Rights"
    said = f"A total of 152 States are currently parties to {iccpr} as of June 2004.\n"
    assert _checks(eval_db, said, date(2024, 4, 3)) == [(152, "parties", "IV-4", "2004-06-30")]
    # without it, "currently" is the text's own day
    now = f"A total of 152 States are currently parties to {iccpr}.\n"
    assert _checks(eval_db, now, date(2024, 4, 3)) == [(152, "parties", "IV-4", "2024-04-03")]


def test_contractions_read_as_their_long_forms(eval_db: Path) -> None:
    enmod = "the Convention on the Prohibition of Military or Any Other Hostile Use of Environmental Modification Techniques"
    for negation in ("have not", "haven't", "haven’t"):
        said = f"{enmod[0].upper()}{enmod[1:]} was signed by 48 states; 16 of the signatories {negation} ratified.\n"
        assert (16, "signed_not_party", "XXVI-1") in [c[:3] for c in _checks(eval_db, said, date(2022, 1, 1))]
    for negation in ("has not", "hasn't"):
        # "eight states must ratify it" is what is missing, not the number that brought it into force
        said = (
            f"However, the Comprehensive Nuclear-Test-Ban Treaty {negation} yet entered into force, as eight "
            "states must ratify it before it can take effect.\n"
        )
        assert _report(eval_db, said, date(2022, 1, 1)).checks == ()


def test_a_heading_over_a_line_of_prose_is_a_paragraph_of_its_own_without_a_blank_line(eval_db: Path) -> None:
    story = SOUTH_SUDAN
    # the headline's ordinal is of South Sudan's accession, which the record dates, not of the dateline's day
    assert _checks(eval_db, story, date(2015, 5, 5)) == [(195, "parties", "IV-11", "2015-01-23")]
    assert _checks(eval_db, story.replace("\n", "\n\n", 1), date(2015, 5, 5)) == [
        (195, "parties", "IV-11", "2015-01-23")
    ]


def test_a_fact_box_condition_told_in_words_is_the_threshold_as_in_digits(eval_db: Path) -> None:
    for told in ("20 ratifications", "twenty ratifications", "Ratifications by twenty states"):
        box = (
            "International Convention on the Protection of the Rights of All Migrant Workers and Members of "
            f"Their Families\nCondition | {told} |\n"
        )
        found = _report(eval_db, box, date(2024, 1, 1))
        assert [(c.claim.figure, c.claim.kind, c.verdict) for c in found.checks] == [
            (20, "threshold", "threshold right")
        ]
    # a delay in words is not the condition's number
    delay = "Ottawa Treaty\nCondition | six months after 40 ratifications |\n"
    assert [c.claim.figure for c in _report(eval_db, delay, date(2024, 1, 1)).checks] == [40]


def test_a_day_told_with_its_article_is_read_as_one_told_without(eval_db: Path) -> None:
    for day in ("19 September 2007", "the 19th of September 2007"):
        box = f"Comprehensive Nuclear-Test-Ban Treaty\nParties 140 (as of {day})\n"
        assert _checks(eval_db, box, date(2009, 1, 1)) == [(140, "parties", "XXVI-4", "2007-09-19")]
    # a statement's head names its own day, with its article or without
    for day in ("1 August 2019", "the 1st of August 2019"):
        said = (
            f"Thursday, {day} marks the ninth year since the Convention on Cluster Munitions entered into force."
            "\n\nDuring this period, 120 States have committed to the goals of the Convention, 106 as States "
            "Parties and 14 as signatories.\n"
        )
        assert [c[3] for c in _checks(eval_db, said)] == ["2019-08-01", "2019-08-01"]


NAV = "Skip to main content\nMenu\nSearch\n\n"


def test_a_pages_navigation_lines_do_not_hide_its_heading(eval_db: Path) -> None:
    box = (
        "Optional Protocol to the Convention on the Rights of Persons with Disabilities\n\n"
        "Condition 10 ratifications and entry into force of the Convention on the Rights of Persons with "
        "Disabilities\nSignatories 92\n"
    )
    for page in (box, NAV + box):
        # the protocol the page is about, not its parent named in passing in a row
        assert [(c[0], c[2]) for c in _checks(eval_db, page, date(2016, 1, 1))] == [
            (10, "IV-15-a"),
            (92, "IV-15-a"),
        ]


def test_a_headline_under_navigation_lines_is_dated_as_its_body(eval_db: Path) -> None:
    story = (
        "67 countries sign Arms Trade Treaty\n\n"
        "On 3 June 2013, more than 67 countries signed the Arms Trade Treaty at the UN in New York.\n"
    )
    for page in (story, NAV + story):
        assert [c[3] for c in _checks(eval_db, page, date(2013, 6, 10))] == ["2013-06-03", "2013-06-03"]


def test_the_entry_into_force_told_after_a_byline_line_is_the_sentence_after_the_count(eval_db: Path) -> None:
    tpnw = "Treaty on the Prohibition of Nuclear Weapons"
    for between in ("", "By Staff Writer\n", "Photo: file image\n"):
        story = (
            f"UN {tpnw} - reaches 50 ratifications!\n{between}\n"
            f"The UN {tpnw} will come into effect in 90 days, on 22 January 2021, and be binding international law.\n"
        )
        found = _report(eval_db, story, date(2020, 10, 26))
        # the 50 consents that brought it into force (its day, the UN's), not a count of the text's day
        assert [(c.claim.figure, c.claim.kind) for c in found.checks] == [(50, "threshold")]


def test_a_sites_notice_about_itself_is_chrome_too(eval_db: Path) -> None:
    notice = (
        "We use cookies to improve your experience on our website. By continuing to browse, you agree to our "
        "use of cookies.\n\nAccept\n\n"
    )
    box = (
        "Optional Protocol to the Convention on the Rights of Persons with Disabilities\n\n"
        "Condition 10 ratifications and entry into force of the Convention on the Rights of Persons with "
        "Disabilities\nSignatories 92\n"
    )
    assert [c[2] for c in _checks(eval_db, notice + box, date(2016, 1, 1))] == ["IV-15-a", "IV-15-a"]
    # a first sentence of the text's own, naming no treaty, still leaves the text without a heading's treaty
    prose = "Disability rights matter to everyone, everywhere.\n\n" + box
    assert [c[2] for c in _checks(eval_db, prose, date(2016, 1, 1))] == ["IV-15", "IV-15-a"]


def test_an_e_mails_quotation_marks_are_read_past(eval_db: Path) -> None:
    said = (
        "On 3 June 2013, more than 67 countries signed the Arms Trade Treaty in New York.\n\n"
        "Treaty on the Prohibition of Nuclear Weapons\nCondition | Ratifications by fifty states |\n"
    )
    quoted = "\n".join("> " + line if line else ">" for line in said.split("\n"))
    twice = "\n".join("> > " + line if line else "> >" for line in said.split("\n"))
    for text in (said, quoted, twice):
        found = _report(eval_db, text, date(2021, 1, 1))
        assert [(c.claim.figure, c.mtdsg_no, c.claim.kind) for c in found.checks] == [
            (67, "XXVI-8", "count"),
            (50, "XXVI-9", "threshold"),
        ]


def test_a_treatys_title_over_its_adoption_day_with_spaces_on_the_blank_line_between(eval_db: Path) -> None:
    for blank in ("", " ", "\t"):
        page = (
            f"International Convention on the Elimination of All Forms of Racial Discrimination\n{blank}\n"
            f"21 Dec 1965\n{blank}\nThe Convention entered into force on January 4, 1969, and has 182 parties.\n"
        )
        # the title's date is the adoption's, not the text's: the count is undated
        assert _checks(eval_db, page) == [(182, "parties", "IV-2", None)]


def test_markdown_heading_marks_are_read_past(eval_db: Path) -> None:
    # a fact box's first row made a heading ("# Signatories | 133 |") over the text that names its treaty
    box = (
        "{}Signatories | 133 |\nParties | 162 (Complete List) |\n\n"
        "The Ottawa Treaty aims at eliminating anti-personnel landmines around the world.\n"
    )
    for mark in ("", "# ", "### "):
        found = _report(eval_db, box.format(mark), date(2022, 8, 31))
        assert [(c.claim.figure, c.claim.measure, c.mtdsg_no, c.claim.source) for c in found.checks] == [
            (133, "signatories", "XXVI-5", "infobox"),
            (162, "parties", "XXVI-5", "infobox"),
        ]
    # a hash inside a line is no heading's mark
    assert [c[0] for c in _checks(eval_db, "The Ottawa Treaty (#1 on our list) has 164 parties.\n")] == [164]


def test_a_months_abbreviation_ends_no_sentence_for_what_reads_within_one(eval_db: Path) -> None:
    for day in ("January 4, 1969", "Jan. 4, 1969", "4 Jan. 1969"):
        said = (
            "The International Convention on the Elimination of All Forms of Racial Discrimination was adopted "
            f"in 1965. It came into effect on {day}, after being ratified by 27 countries.\n"
        )
        found = _report(eval_db, said, date(2020, 1, 1))
        # the number of consents that brought it into force, not a count on the day of its entry into force
        assert [(c.claim.figure, c.claim.kind) for c in found.checks] == [(27, "threshold")]
    # the day is still read: "Sept. 30, 2019"
    assert _checks(eval_db, "As of Sept. 30, 2019, the Arms Trade Treaty had 105 States Parties.\n") == [
        (105, "parties", "XXVI-8", "2019-09-30")
    ]


def test_a_sign_for_more_than_is_no_quotation_mark() -> None:
    from pipeline.claims.layout import plain_marks

    # a quotation mark is blanked, keeping every position; ">150" (more than 150) is kept as written
    assert (
        plain_marks("> 150 States\n>> 151 States\n>150 States\n")
        == "  150 States\n   151 States\n>150 States\n"
    )
    assert plain_marks("## Status\n#1 priority\n") == "   Status\n#1 priority\n"


def test_an_indented_heading_over_a_line_of_prose_is_a_paragraph_of_its_own(eval_db: Path) -> None:
    story = SOUTH_SUDAN
    indented = "\n".join("    " + line if line else line for line in story.split("\n"))
    assert _checks(eval_db, "Intro\n\n" + indented, date(2015, 5, 5)) == [
        (195, "parties", "IV-11", "2015-01-23")
    ]

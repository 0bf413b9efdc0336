"""Small hand-written UNTC-shaped pages for edge cases (the markup mirrors the real pages' anatomy)."""

from __future__ import annotations

P = "ctl00_ctl00_ContentPlaceHolder1_ContentPlaceHolderInnerPage_"


def status_page(
    *,
    mtdsg_no: str = "IV-99",
    header: list[str] | None = None,
    rows: list[list[str]] | None = None,
    status: str | None = "Signatories :\n 2.    Parties :\n 1",
    status_at: str = "03-02-2026 10:16:18 EDT",
    title: str = "Convention on Testing",
    notes: list[tuple[str, str]] | None = None,
    declarations: list[tuple[str, str]] | None = None,
    prefix: str = P,
    table: bool = True,
) -> bytes:
    """A status page; `rows` are lists of raw cell HTML (the first is the participant cell)."""
    header = header or ["Participant", "Signature", "Ratification, Accession(a), Succession(d)"]
    rows = rows if rows is not None else []
    head = "".join(f'<td valign="bottom">{h}<br></td>' for h in header)
    body = "".join(
        f'<tr class="{"trBWhite" if i % 2 == 0 else "trBGGrey"}">'
        + "".join(f"<td>{c}</td>" for c in r)
        + "</tr>"
        for i, r in enumerate(rows)
    )
    grid = (
        f'<table id="{prefix}tblgrid" class="table"><tr class="thead-one">{head}</tr>{body}</table>'
        if table
        else ""
    )
    status_html = f'<div id="{prefix}rptStatus_ctl00_tcText">{status}</div>' if status is not None else ""
    notes_html = ""
    if notes:
        notes_html = (
            f'<table id="{prefix}dgNotesAll">'
            + "".join(
                f"<tr><td><div id='{prefix}dgNotesAll_ctl{i + 2:02d}_divNotesAll' class='divNotesAll'>"
                f"<a name='{n}'>{n}</a><index></index>{t}</div></td></tr>"
                for i, (n, t) in enumerate(notes)
            )
            + "</table>"
        )
    dec_html = "".join(
        f'<div id="{prefix}dgDec_ctl{i + 2:02d}_divParticipant">{who}</div>'
        f"<div id=\"{prefix}dgDec_ctl{i + 2:02d}_divText\"><p class='invisible'>{who}</p>{text}</div>"
        for i, (who, text) in enumerate(declarations or [])
    )
    num, _, rest = mtdsg_no.partition("-")
    page = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>UNTC</title></head><body>
<form name="aspnetForm" method="post" action="./ViewDetails.aspx?src=TREATY&amp;mtdsg_no={mtdsg_no}&amp;chapter=4&amp;clang=_en" id="aspnetForm">
<div id="{prefix}div3">STATUS AS AT : {status_at}</div>
<div id="{prefix}rptHead_ctl00_tcHead">CHAPTER {num}</div>
<div id="{prefix}rptHead_ctl00_tcText">HUMAN RIGHTS</div>
<div id="{prefix}rptTreaty_ctl00_tcTreaty">
   {rest}
   {title}
</div>
<div id="{prefix}rptTreaty_ctl00_tcText">New York, 1 January 2000</div>
<div id="{prefix}rptEIF_ctl00_tcText">1 January 2001, in accordance with article 9.</div>
{status_html}
{grid}
{notes_html}
{dec_html}
</form></body></html>"""
    return page.encode("utf-8")


def cell(day: str, mon: str, year: str, code: str = "", *, bracket: bool = False) -> str:
    """A date cell as UNTC writes it: &nbsp; before one-digit days, a TAB before the year, <br> after."""
    d = f" &nbsp;{day}" if len(day) == 1 else day
    inner = f"{d} {mon}\t {year} {code}"
    return f"[{inner}]<br>" if bracket else f"{inner}<br>"


EMPTY = "&nbsp;"

"""`treaties check-claims`: formats, --treaty, --annotate, and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app
from tests.claims.conftest import KEEPERS

runner = CliRunner()


def _write(tmp_path: Path, text: str) -> Path:
    f = tmp_path / "summary.md"
    f.write_text(text, encoding="utf-8")
    return f


def test_text_report(keepers_db: Path, tmp_path: Path) -> None:
    f = _write(tmp_path, f"As of December 2020, the {KEEPERS} had been ratified by 4 countries.\n")
    result = runner.invoke(app, ["check-claims", str(f), "--db", str(keepers_db)])
    assert result.exit_code == 0, result.output
    assert "summary.md: 1 claim" in result.output
    assert "verdict: correct at its date, now stale" in result.output


def test_json_and_annotate(keepers_db: Path, tmp_path: Path) -> None:
    f = _write(tmp_path, "The convention has been ratified by 4 countries as of 2020.\n")
    out = tmp_path / "annotated.md"
    args = ["check-claims", str(f), "--db", str(keepers_db), "--treaty", "IV-90"]
    result = runner.invoke(app, [*args, "--format", "json", "--annotate", str(out)])
    assert result.exit_code == 0, result.output
    [claim] = json.loads(result.output)["claims"]
    assert (claim["mtdsg_no"], claim["treaty_link"], claim["figure_now"]) == ("IV-90", "override", 5)
    assert [s["name"] for s in claim["since"]] == ["Peru", "Japan"]
    annotated = out.read_text(encoding="utf-8")
    assert "**ratified by 4 countries**[^claim-1]" in annotated
    assert "[^claim-1]: IV-90: 5 parties as at 2026-02-03" in annotated


def test_markdown_report(keepers_db: Path, tmp_path: Path) -> None:
    f = _write(tmp_path, f"The {KEEPERS} has 5 parties.\n")
    result = runner.invoke(app, ["check-claims", str(f), "--db", str(keepers_db), "--format", "markdown"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# Claims in summary.md")
    assert "undated: now 5" in result.output


def test_no_claim_is_a_clear_message_and_exit_0(keepers_db: Path, tmp_path: Path) -> None:
    f = _write(tmp_path, "Nothing to see here.\n")
    out = tmp_path / "annotated.md"
    result = runner.invoke(app, ["check-claims", str(f), "--db", str(keepers_db), "--annotate", str(out)])
    assert result.exit_code == 0
    assert "summary.md: no treaty figures found (nothing to check)" in result.output
    assert not out.exists()


def test_unknown_treaty_is_one_line(keepers_db: Path, tmp_path: Path) -> None:
    f = _write(tmp_path, "It has 5 parties.\n")
    result = runner.invoke(app, ["check-claims", str(f), "--db", str(keepers_db), "--treaty", "IV-99"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "error: treaty 'IV-99' (IV-99) is not in the database; did you mean IV-90, IV-90-a?"
    ]


def test_missing_file_and_missing_db(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check-claims", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1 and "error: no such file" in result.output
    f = _write(tmp_path, "It has 5 parties.\n")
    result = runner.invoke(app, ["check-claims", str(f), "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert result.output.startswith(f"error: no database at {tmp_path / 'none.duckdb'}")
    assert len(result.output.strip().splitlines()) == 1


def test_annotate_refuses_to_overwrite_the_input(keepers_db: Path, tmp_path: Path) -> None:
    f = _write(tmp_path, f"As of December 2020, the {KEEPERS} had been ratified by 4 countries.\n")
    before = f.read_text(encoding="utf-8")
    result = runner.invoke(app, ["check-claims", str(f), "--db", str(keepers_db), "--annotate", str(f)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"error: --annotate {f} is the input file: choose another path for the annotated copy"
    ]
    assert f.read_text(encoding="utf-8") == before


def test_an_annotated_copy_checked_again_gives_the_same_claims(keepers_db: Path, tmp_path: Path) -> None:
    f = _write(tmp_path, f"As of December 2020, the {KEEPERS} had been ratified by 4 countries.\n")
    out = tmp_path / "annotated.md"
    runner.invoke(app, ["check-claims", str(f), "--db", str(keepers_db), "--annotate", str(out)])
    again = runner.invoke(app, ["check-claims", str(out), "--db", str(keepers_db), "--format", "json"])
    assert again.exit_code == 0, again.output
    claims = json.loads(again.output)["claims"]
    assert [(c["figure"], c["claimed_on"]) for c in claims] == [(4, "2020-12-31")]


def test_written_on_dates_undated_claims(keepers_db: Path, tmp_path: Path) -> None:
    f = _write(tmp_path, f"The {KEEPERS} has 4 parties.\n")
    args = ["check-claims", str(f), "--db", str(keepers_db), "--format", "json"]
    result = runner.invoke(app, [*args, "--written-on", "2020-06-30"])
    [claim] = json.loads(result.output)["claims"]
    assert (claim["claimed_on"], claim["date_source"], claim["verdict"]) == (
        "2020-06-30",
        "written-on",
        "correct at its date, now stale",
    )
    bad = runner.invoke(app, [*args, "--written-on", "June 2020"])
    assert bad.exit_code == 1
    assert bad.output.strip() == "error: --written-on 'June 2020' is not a date (YYYY-MM-DD)"


def test_file_or_eval(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check-claims"])
    assert result.exit_code == 1
    assert result.output.strip() == "error: give a text FILE to check, or --eval DIR (not both)"
    bad = runner.invoke(app, ["check-claims", "--eval", str(tmp_path), "--db", str(tmp_path / "x")])
    assert bad.exit_code == 1 and len(bad.output.strip().splitlines()) == 1


def test_figures_not_checked_in_json_text_and_annotate(keepers_db: Path, tmp_path: Path) -> None:
    f = _write(tmp_path, f"Since last year, 3 states have ratified the {KEEPERS}. It has 5 parties.\n")
    out = tmp_path / "annotated.md"
    base = ["check-claims", str(f), "--db", str(keepers_db)]
    result = runner.invoke(app, [*base, "--format", "json", "--annotate", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert [c["figure"] for c in report["claims"]] == [5]
    [unread] = report["unread"]
    assert unread == {
        "figure": 3,
        "line": 1,
        "reason": "yearly change",
        "sentence": f"Since last year, 3 states have ratified the {KEEPERS}.",
    }
    annotated = out.read_text(encoding="utf-8")
    assert "Since last year, 3[^unread-1] states" in annotated
    assert "[^unread-1]: not checked (yearly change)" in annotated
    assert not list(tmp_path.glob(".*.tmp"))  # written aside, then renamed
    text = runner.invoke(app, base)
    assert "figures not checked (1):" in text.output and "line 1: 3 (yearly change)" in text.output
    markdown = runner.invoke(app, [*base, "--format", "markdown"])
    assert "## Figures not checked" in markdown.output and "| 1 | 3 | yearly change |" in markdown.output


def test_a_text_with_only_unread_figures_says_so(keepers_db: Path, tmp_path: Path) -> None:
    f = _write(tmp_path, f"Of the 12 Nordic states, 3 have ratified the {KEEPERS}.\n")
    result = runner.invoke(app, ["check-claims", str(f), "--db", str(keepers_db)])
    assert result.exit_code == 0, result.output
    assert "no treaty figures found (nothing to check)" in result.output
    assert "line 1: 12 (subset)" in result.output and "line 1: 3 (subset)" in result.output


def test_a_long_list_of_newcomers_is_cut_with_a_count_and_all_shows_it(eval_db: Path, tmp_path: Path) -> None:
    text = tmp_path / "t.txt"
    text.write_text(
        "The Convention on the Rights of Persons with Disabilities had been ratified by 20 countries as of"
        " May 2008.\n"
    )
    cut = CliRunner().invoke(app, ["check-claims", str(text), "--db", str(eval_db)])
    joined = next(line for line in cut.output.splitlines() if "joined since 2008-05-31" in line)
    total = int(joined.split("(")[1].split(")")[0])
    assert total > 10 and f"and {total - 10} more (--all lists them)" in joined
    whole = CliRunner().invoke(app, ["check-claims", str(text), "--all", "--db", str(eval_db)])
    every = next(line for line in whole.output.splitlines() if "joined since 2008-05-31" in line)
    assert (
        "more (--all" not in every and every.count("(ratification") + every.count("(accession") >= total - 5
    )


def test_a_dash_reads_the_text_from_standard_input(keepers_db: Path) -> None:
    text = f"As of December 2020, the {KEEPERS} had been ratified by 4 countries.\n"
    result = runner.invoke(
        app, ["check-claims", "-", "--db", str(keepers_db), "--format", "json"], input=text
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["file"] == "stdin"
    assert [c["figure"] for c in report["claims"]] == [4]
    bad = runner.invoke(app, ["check-claims", "-", "--db", str(keepers_db)], input=b"\xff\xfe\xfa")
    assert bad.exit_code != 0 and "standard input is not UTF-8" in bad.output


def test_the_table_folds_to_a_terminal_and_stays_whole_in_a_pipe(keepers_db: Path, tmp_path: Path) -> None:
    from pipeline.claims.render import wrap_report

    f = _write(tmp_path, f"As of December 2020, the {KEEPERS} had been ratified by 4 countries.\n")
    args = ["check-claims", str(f), "--db", str(keepers_db)]
    piped = runner.invoke(app, args)  # CliRunner's output is no terminal: one line per field
    assert piped.exit_code == 0, piped.output
    assert max(len(line) for line in piped.output.splitlines()) > 60
    terminal = runner.invoke(app, args, env={"TTY_COMPATIBLE": "1", "COLUMNS": "60"})
    assert terminal.exit_code == 0, terminal.output
    lines = terminal.output.splitlines()
    # every line fits, but the UN's address, which is one word and stays whole to be copied
    assert [line for line in lines if len(line) > 60] == [
        line for line in lines if line.strip().startswith("https://") and len(line.split()) == 1
    ]
    assert any(line.strip().startswith("https://") for line in lines)
    assert " ".join(terminal.output.split()) == " ".join(piped.output.split())  # folded, nothing lost
    # A continuation goes under the text after its label; a word longer than the width is never broken.
    long_line = "   now:     5 parties, status as at 2026-02-03, https://example.invalid/" + "x" * 70
    assert wrap_report(long_line, 40).splitlines() == [
        "   now:     5 parties, status as at",
        "            2026-02-03,",
        "            https://example.invalid/" + "x" * 70,
    ]

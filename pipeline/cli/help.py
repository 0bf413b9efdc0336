"""How the command line helps and refuses: commands grouped by job, what each writes, plain help with one
placeholder style, and usage errors as one line."""

from __future__ import annotations

import inspect
import re
import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer._click import exceptions as click_exceptions
from typer.core import TyperCommand, TyperGroup

# The commands by job, in the order `treaties --help` lists them; the benchmark last. A command missing
# here is listed under "Other" (a test keeps the table whole).
COMMAND_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Get the data", ("refresh", "crawl", "import", "watch", "demo", "mirror")),
    ("Ask the database", ("status", "asof", "diff", "country", "snapshots")),
    ("Beyond ratification", ("procedures", "objections", "reservations")),
    ("Write outputs", ("report", "export", "check-claims")),
    ("Check and repair", ("parse", "names", "verify-raw", "drop-snapshot")),
    ("Measure", ("bench",)),
)

# What each command writes (its help ends with it): a reader can tell a question from a change.
COMMAND_WRITES: dict[str, str] = {
    "refresh": "the database (--db), the raw store (TREATIES_RAW_DIR or data/raw) and, unless "
    "--no-reports, the report site (--out); posts change events to --notify.",
    "crawl": "the database (--db) and the raw store (TREATIES_RAW_DIR or data/raw).",
    "import": "the database (--db) and the raw store (TREATIES_RAW_DIR or data/raw).",
    "watch": "every cycle, what refresh writes (database, raw store, report site and feeds), and the "
    "data package with --export; posts change events to --notify.",
    "demo": "the database (--db), the raw store and the report site (--out) with screenshots when "
    "Chromium is installed.",
    "mirror": "nothing: it serves the saved pages on 127.0.0.1 until stopped.",
    "status": "nothing: it reads the database and prints.",
    "asof": "nothing: it reads the database and prints.",
    "diff": "nothing: it reads the database and prints.",
    "country": "nothing: it reads the database and prints.",
    "snapshots": "nothing: it reads the database and prints.",
    "procedures": "nothing: it reads the database and prints.",
    "objections": "nothing: it reads the database and prints.",
    "reservations": "nothing: it reads the database and prints.",
    "report": "the site into --out (TREATIES_REPORTS_DIR or reports/): only files whose bytes changed, "
    "never into a non-empty folder it did not make; screenshots under --out/screenshots.",
    "export": "treaties, latest_status and matrix as Parquet and CSV, datapackage.json and "
    "CHANGELOG.md into --out (TREATIES_PROCESSED_DIR or data/processed).",
    "check-claims": "nothing but its report, and with --annotate a Markdown copy of the text.",
    "parse": "nothing: it reads the pages and prints.",
    "names": "nothing: it reads the pages and prints.",
    "verify-raw": "nothing, or with --fix removes altered and stray objects from the raw store.",
    "drop-snapshot": "the database: the snapshot and its row versions go; the raw page stays.",
    "bench": "a temporary folder, removed at the end; prints a table and a JSON line.",
}

# The placeholder of each of click's parameter types, by its name (typer's types are click's).
_TYPE_PLACEHOLDERS = {
    "str": "TEXT",
    "text": "TEXT",
    "int": "INTEGER",
    "integer": "INTEGER",
    "int range": "INTEGER",
    "float": "NUMBER",
    "float range": "NUMBER",
    "path": "PATH",
    "date": "DATE",
}


def _placeholder(param: Any, ctx: Any) -> str:
    """One placeholder style: UPPER-CASE words (TREATY, PATH, DATE), choices as [a|b], flags none."""
    if param.metavar:
        return str(param.metavar)
    if getattr(param, "is_flag", False):
        return ""
    choices = getattr(param.type, "choices", None)
    if choices:
        return "[" + "|".join(str(getattr(c, "value", c)) for c in choices) + "]"
    name = str(param.type.name)
    shown = _TYPE_PLACEHOLDERS.get(name.lower(), name.upper())
    return shown + ("..." if getattr(param, "multiple", False) or param.nargs != 1 else "")


def _argument_name(param: Any) -> str:
    name = str(param.metavar or param.name).upper()
    return name + ("..." if param.nargs != 1 else "")


class TreatiesCommand(TyperCommand):
    """A command whose help has one placeholder style, no box drawing, and says what it writes."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = ["[OPTIONS]"] if any(p.param_type_name == "option" for p in self.get_params(ctx)) else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = _argument_name(param)
                pieces.append(name if param.required else f"[{name}]")
        return pieces

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self.format_usage(ctx, formatter)
        if self.help:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(inspect.cleandoc(self.help))
        writes = COMMAND_WRITES.get(str(self.name))
        if writes:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(f"Writes: {writes}")
        arguments, options = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            text = record[1]
            if param.param_type_name == "argument":
                arguments.append((_argument_name(param), text))
                continue
            names = ", ".join(sorted(param.opts, key=lambda o: (o.startswith("--"), o)))
            if param.secondary_opts:
                names += " / " + ", ".join(param.secondary_opts)
            placeholder = _placeholder(param, ctx)
            options.append((f"{names} {placeholder}".rstrip(), text))
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


class TreatiesGroup(TyperGroup):
    """The `treaties` command: commands grouped by job, and every usage error as `error: ...` plus the
    usage line, exit 2 (never a box, never a traceback)."""

    def list_commands(self, ctx: Any) -> list[str]:
        listed = [name for _, names in COMMAND_GROUPS for name in names if name in self.commands]
        return listed + sorted(set(self.commands) - set(listed))

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if type(command) is TyperCommand:
            command.__class__ = TreatiesCommand  # same object, our help formatting
        return command

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        sections: list[tuple[str, list[str]]] = [
            (t, [n for n in names if n in self.commands]) for t, names in COMMAND_GROUPS
        ]
        known = {n for _, names in sections for n in names}
        others = sorted(set(self.commands) - known)
        if others:
            sections.insert(-1, ("Other", others))
        width = max(len(n) for n in self.commands) if self.commands else 0
        for title, names in sections:
            rows = []
            for name in names:
                command = self.get_command(ctx, name)
                if command is None or command.hidden:
                    continue
                rows.append((name.ljust(width), command.get_short_help_str(160)))
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click_exceptions.NoArgsIsHelpError as exc:
            print(exc.format_message())
            sys.exit(2)
        except click_exceptions.UsageError as exc:
            print(f"error: {usage_message(exc)}", file=sys.stderr)
            usage = self._usage_of(exc, list(sys.argv[1:] if args is None else args), prog_name)
            if usage:
                print(usage, file=sys.stderr)
            sys.exit(2)
        except click_exceptions.ClickException as exc:
            print(f"error: {_sentence(exc.format_message())}", file=sys.stderr)
            sys.exit(exc.exit_code)
        except typer.Abort:
            print("error: aborted", file=sys.stderr)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)

    def _usage_of(self, exc: Any, args: list[str], prog_name: str | None) -> str | None:
        """The usage line of the command the error is about (some parser errors carry no context)."""
        if exc.ctx is not None:
            return str(exc.ctx.get_usage())
        name = next((a for a in args if a in self.commands), None)
        command = self.get_command(None, name) if name else None
        if command is None:
            return None
        try:
            with command.make_context(f"{prog_name or 'treaties'} {name}", [], resilient_parsing=True) as ctx:
                return str(ctx.get_usage())
        except Exception:  # noqa: BLE001 - the usage line is a courtesy; the error line is already out
            return None


def _sentence(text: str) -> str:
    """A message as the tail of an `error:` line: first letter small (unless a name), no final stop."""
    text = " ".join(text.split()).removesuffix(".")
    return text[:1].lower() + text[1:] if text[:2].istitle() or text[:2].islower() else text


def usage_message(exc: Any) -> str:
    """A usage error in words: which argument or option, and what is wrong with it."""
    param = getattr(exc, "param", None)
    if isinstance(exc, click_exceptions.MissingParameter) and param is not None:
        if param.param_type_name == "argument":
            return f"missing argument {_argument_name(param)}"
        return f"missing option {' / '.join(param.opts)}"
    if isinstance(exc, click_exceptions.BadParameter) and param is not None:
        where = _argument_name(param) if param.param_type_name == "argument" else " / ".join(param.opts)
        message = str(exc.message).removeprefix("Value error, ")
        choices = re.fullmatch(r"'(.*)' is not one of (.*?)\.?", message)
        if choices:
            message = f"{choices[1]!r} is not one of {choices[2].replace(chr(39), '')}"
        number = re.fullmatch(r"(.*) is not a valid (int|integer|float)( range)?\.?", message)
        if number:
            message = f"{number[1]} is not a {'number' if number[2] == 'float' else 'whole number'}"
        return f"{where}: {_sentence(message)}"
    if isinstance(exc, click_exceptions.NoSuchOption):
        text = f"no such option {exc.option_name}"
        if exc.possibilities:
            text += f" (did you mean {', '.join(sorted(exc.possibilities))}?)"
        return text
    return _sentence(exc.format_message())

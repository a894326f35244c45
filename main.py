"""Deal Tracker's switchboard: `parse`, `import`, `export`, `deals`, `feeds`, `watch` and `report` run core only; no subcommand opens the window."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from core import watch_cli
from core.text_safety import json_safe, one_line, printable

COMMANDS = ("parse", "import", "export", "deals", "feeds", "watch", "report")


def _iso_date(text: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date of the form YYYY-MM-DD: {text!r}") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="deal-tracker", description="Keep the business deals you read about.")
    sub = parser.add_subparsers(dest="command")
    parse = sub.add_parser("parse", help="print the deals of article files, without storing them")
    parse.add_argument("--json", action="store_true", help="print the extraction contract's JSON (the default)")
    parse.add_argument("--published", type=_iso_date, help="the date the articles came out (YYYY-MM-DD)")
    parse.add_argument("files", nargs="+", metavar="FILE")
    imp = sub.add_parser("import", help="parse articles and store their deals")
    imp.add_argument("--db", help="the database file (default: your data folder's deals.db)")
    imp.add_argument("--published", type=_iso_date, help="the date the articles came out (YYYY-MM-DD)")
    imp.add_argument("sources", nargs="+", metavar="FILE_OR_URL")
    exp = sub.add_parser("export", help="write every deal as CSV, JSON or an Excel workbook (xlsx)")
    exp.add_argument("--db")
    exp.add_argument("--format", choices=("csv", "json", "xlsx"), required=True)
    exp.add_argument("-o", "--output", help="the file to write (default: standard output; xlsx needs a file)")
    deals = sub.add_parser("deals", help="list the stored deals in the terminal")
    deals.add_argument("--db")
    deals.add_argument("--search", default="", help="only deals matching these words")
    from core.feeds.cli import add_parser as add_feeds_parser
    from core.report_cli import add_parser as add_report

    add_feeds_parser(sub)
    watch_cli.add_parser(sub)
    add_report(sub)
    return parser


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="deal-tracker", description="Open the Deal Tracker window.",
        epilog="Commands without the window: " + ", ".join(COMMANDS) + " (try 'deal-tracker parse --help').")
    parser.add_argument("database", nargs="?", help="a database file to open")
    parser.add_argument("--db", dest="db", help="a database file to open")
    parser.add_argument("--data-dir", help="where the default database and backups live")
    parser.add_argument("--self-test", action="store_true",
                        help="open the window offscreen on a throwaway database, import a sample, exit 0 if it worked")
    return parser


def default_db_path() -> Path:
    """The default database in the user's data folder, as the window would choose it without Qt."""
    from core.paths import default_data_dir

    return default_data_dir() / "deals.db"


def _open_store(path: str | None, *, backup: bool = False, create: bool = False):  # -> core.store.Store
    """Open the database of a command; only `import` (`create`) makes one, and refuses a read-only file."""
    from core.errors import DatabaseError, DealsError
    from core.store import Store

    target = Path(path) if path else default_db_path()
    if create and not target.parent.is_dir():
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(f"Could not create the folder {target.parent}: {exc.strerror or exc}.") from exc
    existed = target.is_file() and target.stat().st_size > 0
    store = Store.open(target, create=create)
    if store.note:
        print(f"deal-tracker: {store.note}", file=sys.stderr)
    if store.read_only:
        if create:
            store.close()
            raise DatabaseError(f"Could not import into {target}: {store.read_only}. Nothing was imported.")
        print(f"deal-tracker: {target} opened read-only: {store.read_only}.", file=sys.stderr)
    if backup and existed:
        from core.store.file import backup_if_due

        try:
            backup_if_due(target)
        except DealsError as exc:  # a missed backup must not stop the user's work
            print(f"deal-tracker: warning: {printable(str(exc))}", file=sys.stderr)
    return store


def _cmd_parse(args: argparse.Namespace) -> int:
    from core.errors import DealsError
    from core.extract import parse_path

    results, failed = [], False
    for name in args.files:
        try:
            results.append(parse_path(name, published=args.published).to_contract())
        except DealsError as exc:
            print(f"deal-tracker: {printable(str(exc))}", file=sys.stderr)
            results.append({"title": None, "published": args.published, "publisher": None, "deals": [],
                            "error": str(exc)})
            failed = True
    out = results[0] if len(results) == 1 else results
    sys.stdout.write(json_safe(json.dumps(out, ensure_ascii=False, indent=2)) + "\n")
    return 1 if failed else 0


def _cmd_import(args: argparse.Namespace) -> int:
    from core.importer import import_sources

    store = _open_store(args.db, backup=True, create=True)
    try:
        # Each input's line as it finishes: a long batch shows its progress, and an interrupted one what it did.
        results = import_sources(store, args.sources, published=args.published,
                                 on_result=lambda r: print(printable(f"{r.source}: {r.describe()}"), flush=True))
        watch_cli.report_new(store, [i for r in results if r.outcome for i in r.outcome.added])
    finally:
        store.close()
    added = sum(len(r.outcome.added) for r in results if r.outcome)
    merged = len({i for r in results if r.outcome for i in r.outcome.merged})
    again = sum(1 for r in results if r.outcome and r.outcome.already_imported)
    refused = sum(1 for r in results if r.error)
    summary = f"{added} deal{'s' if added != 1 else ''} added from {len(results) - refused} of {len(results)} inputs"
    if merged:
        summary += f"; {merged} existing deal{'s' if merged != 1 else ''} gained a source"
    if again:
        summary += f"; {again} already imported"
    print(summary)
    return 1 if refused else 0


def _cmd_export(args: argparse.Namespace) -> int:
    from core.export import export_to, write_csv, write_json

    if args.format == "xlsx" and not args.output:
        # A workbook is a zip file: on a terminal it is noise, so it needs a file of its own.
        print("deal-tracker: export --format xlsx needs a file to write: add -o deals.xlsx", file=sys.stderr)
        return 2
    store = _open_store(args.db)
    try:
        if args.output:
            count = export_to(args.output, store, args.format)
            print(f"{count} deals written to {printable(args.output)}", file=sys.stderr)
        else:
            (write_csv if args.format == "csv" else write_json)(store, sys.stdout)
    finally:
        store.close()
    return 0


def _cmd_deals(args: argparse.Namespace) -> int:
    from core.model import DealQuery

    store = _open_store(args.db)
    try:
        query = DealQuery(search=args.search)
        ids = store.deal_ids(query, 0, 10_000)
        rows = store.deal_rows(ids)
        widths = (6, 12, 14, 48, 22)
        print(f"{'id':>6}  {'date':12}  {'type':14}  {'title':48}  {'value':22}")
        for deal_id in ids:
            row = rows[deal_id]
            value = f"{row.currency or ''} {row.value:,.0f}" if row.value is not None else ""
            shown = (row.date or "")[:{"month": 7, "quarter": 4, "half": 4, "year": 4}.get(row.date_precision or "", 10)]
            title = one_line(row.title)[:widths[3]]
            print(printable(f"{row.id:>6}  {shown:12}  {row.type:14}  {title:48}  {value:22}"))
        print(f"{store.count_deals(query)} deals")
    finally:
        store.close()
    return 0


def _cmd_feeds(args: argparse.Namespace) -> int:
    from core.feeds.cli import run

    return run(args, _open_store)


def _cmd_report(args: argparse.Namespace) -> int:
    from core.report_cli import run

    return run(args, _open_store)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv == ["--reader-process"]:  # core.budget.READER_ARGUMENT: a bundle starting its own reader
        from core.budget import serve

        serve()
        return 0
    if argv and argv[0] in COMMANDS:
        from core.errors import DealsError

        args = _parser().parse_args(argv)
        handler = {"parse": _cmd_parse, "import": _cmd_import, "export": _cmd_export, "deals": _cmd_deals,
                   "feeds": _cmd_feeds, "watch": lambda a: watch_cli.run(a, _open_store),
                   "report": _cmd_report}[args.command]
        try:
            return handler(args)
        except DealsError as exc:
            print(f"deal-tracker: {printable(str(exc))}", file=sys.stderr)
            return 1
        except BrokenPipeError:
            return 0
        except OSError as exc:  # standard output on a full disk, a closed terminal
            reason = exc.strerror or str(exc) or type(exc).__name__
            print(f"deal-tracker: {printable(reason)}", file=sys.stderr)
            return 1
        except KeyboardInterrupt:  # Ctrl-C: each article is stored whole or not at all, so say no more
            print("deal-tracker: interrupted", file=sys.stderr)
            return 130
    args = _gui_parser().parse_args(argv)
    if args.self_test:
        from gui.self_test import run_self_test

        return run_self_test()
    from gui.app import run

    return run(args.db or args.database, args.data_dir)


if __name__ == "__main__":
    sys.exit(main())

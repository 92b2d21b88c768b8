import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from concord.agreements.rules import RuleError, run


class Command(BaseCommand):
    help = (
        "Answer an entry-into-force question: FILE.json holds {rule, parties, actions} and "
        "optionally signatories and as_of (see docs/entry-into-force.md); prints the answer as "
        "JSON. '-' reads standard input."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")

    def handle(self, *args: Any, file: str, **options: Any) -> None:
        try:
            raw = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from error
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            raise CommandError(
                f"{file} is not UTF-8: byte {error.start} (line {line}) is 0x{raw[error.start]:02x}"
            ) from None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise CommandError(f"{file} is not valid JSON: {error}") from error
        except RecursionError:
            raise CommandError(f"{file} is nested too deeply to be a question") from None
        try:
            result = run(data, as_of=timezone.localdate())
        except RuleError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False, indent=2))

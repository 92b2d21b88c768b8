"""Options shared by the early-warning commands: months and the detector's thresholds."""

import re
from dataclasses import fields
from typing import Any

from django.core.management.base import CommandError, CommandParser

from concord.monitoring import rules


def month(text: str) -> int:
    match = re.fullmatch(r"(\d{4})-(\d{2})", text)
    if not match or not 1 <= int(match[2]) <= 12:
        raise CommandError(f"{text!r} is not a month (YYYY-MM).")
    return rules.month_index(int(match[1]), int(match[2]))


def add_threshold_arguments(parser: CommandParser) -> None:
    for f in fields(rules.Thresholds):
        parser.add_argument(
            f"--{f.name.replace('_', '-')}",
            dest=f.name,
            type=type(f.default),
            default=f.default,
            help=f"default {f.default}",
        )


def thresholds(options: dict[str, Any]) -> rules.Thresholds:
    try:
        return rules.Thresholds(**{f.name: options[f.name] for f in fields(rules.Thresholds)})
    except ValueError as error:
        raise CommandError(str(error)) from error

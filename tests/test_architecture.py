"""The shape of the code, held by tests so that it does not drift (docs/architecture.md): small
functions and modules, one lock and one transition helper, every declared status table enforced, and
no app writing another app's tables. The import contracts in pyproject.toml hold the dependencies."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from radon.complexity import cc_visit

ROOT = Path(__file__).resolve().parent.parent
MAX_COMPLEXITY = 15
MAX_LINES = 500
# Long on purpose: texts and facts of the demo world (migrations, history, are never edited).
LONG_ALLOWED = {
    "concord/publications/demo_texts.py",
    "concord/documents/demo_texts.py",
    "concord/operations/demo_facts.py",
}


def python_files(*roots: str) -> list[Path]:
    return sorted(
        p
        for root in roots
        for p in (ROOT / root).rglob("*.py")
        if "migrations" not in p.parts and ".venv" not in p.parts
    )


def relative(path: Path) -> str:
    return str(path.relative_to(ROOT))


CODE = python_files("concord", "config", "tests", "bench", "scripts")
PRODUCT = [p for p in python_files("concord") if "tests" not in p.parts]


def test_no_function_is_more_complex_than_fifteen():
    too_complex = [
        f"{relative(path)}:{block.lineno} {block.name} ({block.complexity})"
        for path in CODE
        for block in cc_visit(path.read_text(encoding="utf-8"))
        if block.complexity > MAX_COMPLEXITY
    ]
    assert too_complex == []


def test_no_module_is_longer_than_five_hundred_lines():
    long = [
        f"{relative(path)} ({n})"
        for path in CODE
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
        and relative(path) not in LONG_ALLOWED
    ]
    assert long == []


SKIP = re.compile(r"#\s*fmt:\s*skip")


def test_the_formatter_is_skipped_only_with_a_reason_on_the_line_before():
    unexplained = []
    for path in CODE:
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            if SKIP.search(line) and not lines[number - 1].strip().startswith("#"):
                unexplained.append(f"{relative(path)}:{number + 1}")
    assert unexplained == []


# Row locks outside core.actions.lock, each with its reason.
OWN_LOCKS = {
    "concord/core/actions.py",  # the one lock helper
    "concord/audit/services.py",  # the audit chain's head: one writer at a time
    "concord/consultations/deadlines.py",  # many stages at once, skipping those being closed by hand
}


def test_rows_are_locked_through_the_one_helper():
    others = [
        relative(path)
        for path in PRODUCT
        if "select_for_update(" in path.read_text(encoding="utf-8")
        and relative(path) not in OWN_LOCKS
    ]
    assert others == []


def test_statuses_change_through_transition_only():
    """A status set by hand (`obj.status = …` or `update(status=…)`) would bypass the table."""
    allowed = {
        "concord/core/actions.py",
        "concord/consultations/deadlines.py",  # many stages in a few UPDATEs, each checked by the table
        "concord/documents/finality.py",  # pending amendments lapse together, as the table allows
    }
    assignments = re.compile(r"\.status = |update\([^)]*\bstatus=")
    by_hand = [
        relative(path)
        for path in PRODUCT
        if "demo" not in path.name
        and assignments.search(path.read_text(encoding="utf-8"))
        and relative(path) not in allowed
    ]
    assert by_hand == []


def declared_flows() -> list[tuple[str, str]]:
    flows = []
    for path in (ROOT / "concord").glob("*/states.py"):
        flows += [
            (path.parent.name, name)
            for name in re.findall(r"^(\w+_FLOW) = Flow\(", path.read_text(encoding="utf-8"), re.M)
        ]
    return flows


@pytest.mark.parametrize(("app", "flow"), declared_flows())
def test_every_declared_status_table_is_enforced(app, flow):
    users = [
        relative(path)
        for path in (ROOT / "concord" / app).rglob("*.py")
        if path.name != "states.py"
        and "tests" not in path.parts
        and flow in path.read_text(encoding="utf-8")
    ]
    assert users, f"{app}: {flow} is declared but no service moves a status by it"


WRITES = {
    "create",
    "get_or_create",
    "update_or_create",
    "bulk_create",
    "bulk_update",
    "update",
    "delete",
}


def foreign_models(tree: ast.Module, app: str) -> set[str]:
    """Names a module imports from another app's models."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            parts = node.module.split(".")
            if (
                len(parts) == 3
                and parts[0] == "concord"
                and parts[2] == "models"
                and parts[1] != app
            ):
                names |= {alias.asname or alias.name for alias in node.names}
    return names


def writes_through(tree: ast.Module, names: set[str]) -> list[int]:
    """Lines where `Name.objects…write(…)` is called for one of `names`."""
    lines = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr not in WRITES:
            continue
        chain = node.func.value
        while isinstance(chain, ast.Call | ast.Attribute):
            chain = chain.func if isinstance(chain, ast.Call) else chain.value
        if isinstance(chain, ast.Name) and chain.id in names:
            lines.append(node.lineno)
    return lines


def test_no_app_writes_through_another_apps_models():
    found = []
    for path in PRODUCT:
        app = path.relative_to(ROOT / "concord").parts[0]
        if path.name == "demo.py" or "demo" in path.parent.parts:
            continue  # the demo world (a module or a package) is built across apps, like fixtures
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [
            f"{relative(path)}:{line}" for line in writes_through(tree, foreign_models(tree, app))
        ]
    assert found == []


def test_the_write_check_sees_a_write_through_another_apps_model():
    tree = ast.parse(
        "from concord.organization.models import MemberState\n"
        "MemberState.objects.filter(iso2='KZ').update(name_en='x')\n"
    )
    assert writes_through(tree, foreign_models(tree, "consultations")) == [2]
    assert writes_through(tree, foreign_models(tree, "organization")) == []

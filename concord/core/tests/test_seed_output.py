"""`make run` prints what a newcomer needs: `seed_demo` says the demo is ready and lists the accounts
with their password; what each module made is listed only with -v 2."""

from __future__ import annotations

import io

from django.core.management import call_command


def test_seed_demo_prints_the_accounts_and_nothing_else(db):
    out = io.StringIO()
    call_command("seed_demo", password="persona-password-1", stdout=out)
    text = out.getvalue()
    assert text.startswith("Demo data ready.")
    assert "persona-password-1" in text and "kz_rep" in text and "analyst" in text
    assert "Monitoring:" not in text and "Publications:" not in text

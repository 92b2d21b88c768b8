from __future__ import annotations

import io
from decimal import Decimal as D

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from concord.audit.models import Entry
from concord.core.errors import Conflict, DomainError, NotAllowed
from concord.operations import selectors, services
from concord.operations.models import Figure, NationalReport
from concord.operations.spreadsheets import write_template
from concord.operations.states import ReportStatus
from concord.organization.models import MemberState

from .conftest import csv_file, line


def figures(report):
    return {
        (
            f.agency.code if f.agency else "",
            f.indicator.code,
            f.item.code if f.item else "",
        ): f.value
        for f in report.figures.select_related("agency", "indicator", "item")
    }


def test_template_round_trip_gives_back_the_same_figures(stage, kz, kazakh_representative):
    """Template → filled in → imported → the figures read back are those typed, in either language
    and either format."""
    for language in ("ru", "en"):
        for kind in ("xlsx", "csv"):
            rows = selectors.template_rows(stage, kz, language)
            assert rows and {r[0] for r in rows} == {"KZ-MVD", "KZ-KNB", "KZ-AFM"}
            expected = {}
            for i, row in enumerate(rows):
                if i % 3 == 0:
                    row[6] = i + 1 if row[7] in ("", "USD") else f"{i},5"
                    expected[(row[0], row[2], row[4])] = (
                        D(i + 1) if row[7] in ("", "USD") else D(f"{i}.5")
                    )
            content = write_template(rows, language=language, kind=kind)
            report, count, _warnings = services.import_report(
                stage, kz, io.BytesIO(content), actor=kazakh_representative
            )
            assert count == len(expected)
            assert figures(report) == expected


def test_units_are_converted_on_import(stage, kz, kazakh_representative):
    report, count, warnings = services.import_report(
        stage,
        kz,
        csv_file(
            [
                line("drugs", "1,5", "t", "heroin", "KZ-MVD"),
                line("drugs", 250, "g", "opium", "KZ-MVD"),
                line("cash", "913 000", "KZT", agency="KZ-KNB"),
                line("drug-crimes", 12, agency="KZ-MVD"),
            ]
        ),
        actor=kazakh_representative,
    )
    assert count == 4 and warnings == []
    got = figures(report)
    assert got[("KZ-MVD", "drugs", "heroin")] == D(1500)
    assert got[("KZ-MVD", "drugs", "opium")] == D("0.25")
    assert got[("KZ-KNB", "cash", "")] == D(
        "2000.877"
    )  # 913,000 KZT at 456.3 per US$ (rate of 2023, the latest before June 2026)
    assert report.figures.get(indicator__code="drugs", item__code="heroin").entered == "1,5 t"


def test_implausible_values_are_imported_with_a_warning(stage, kz, kazakh_representative):
    _report, count, warnings = services.import_report(
        stage, kz, csv_file([line("drugs", 200000, "kg")]), actor=kazakh_representative
    )
    assert (
        count == 1
        and len(warnings) == 1
        and warnings[0].row == 2
        and "unusually high" in warnings[0].why
    )


def test_every_problem_is_reported_and_nothing_is_applied(stage, kz, kazakh_representative):
    services.import_report(
        stage, kz, csv_file([line("drug-crimes", 5)]), actor=kazakh_representative
    )
    before = figures(services.current_report(stage, kz))
    bad = csv_file(
        [
            line("drugs", 10, "kg", "heroin"),  # row 2: fine
            line("nonsense", 1),  # 3: unknown indicator
            line("drugs", 5, "USD"),  # 4: wrong unit
            line("drugs", -5, "kg"),  # 5: negative
            line("drugs", "lots", "kg"),  # 6: not a number
            line("drugs", 10, "kg", "heroin"),  # 7: duplicate of row 2
            line("drugs", 1, "kg", "cocoa"),  # 8: unknown breakdown
            line("drug-crimes", 1, agency="RU-MVD"),  # 9: another state's agency
            line("drug-crimes", 1, "kg"),  # 10: a count takes no unit
            line("drugs", 3, "furlong"),  # 11: unknown unit
        ],
        delimiter=";",
    )
    with pytest.raises(services.ImportRejected) as error:
        services.import_report(stage, kz, bad, actor=kazakh_representative)
    problems = {(p.row, p.column) for p in error.value.problems}
    assert problems == {
        (3, "indicator"),
        (4, "unit"),
        (5, "value"),
        (6, "value"),
        (7, "indicator"),
        (8, "item"),
        (9, "agency"),
        (10, "unit"),
        (11, "unit"),
    }
    assert figures(services.current_report(stage, kz)) == before


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\x01\x02garbage",
        b"PK\x03\x04 truncated zip",
        "кириллица;без;заголовков\n".encode("cp1251"),
        b"%PDF-1.4\n%\xe2\xe3",
        b"Agency code,Value\nKZ-MVD,1\n",
    ],
)
def test_files_that_are_not_the_template_are_refused_clearly(
    stage, kz, kazakh_representative, content
):
    with pytest.raises(DomainError) as error:
        services.import_report(stage, kz, io.BytesIO(content), actor=kazakh_representative)
    assert error.value.field == "file" and error.value.status == 400
    assert not Figure.objects.filter(report__stage=stage).exists()


def test_a_truncated_xlsx_is_refused(stage, kz, kazakh_representative):
    content = write_template(selectors.template_rows(stage, kz, "en"), language="en", kind="xlsx")
    for cut in (len(content) // 3, len(content) - 10):
        with pytest.raises(DomainError):
            services.import_report(
                stage, kz, io.BytesIO(content[:cut]), actor=kazakh_representative
            )


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(
        st.binary(max_size=2000),
        st.text(max_size=500).map(str.encode),
        st.lists(st.lists(st.text(max_size=12), max_size=9), max_size=8).map(
            lambda rows: csv_file(
                [["Agency code", "Indicator code", "Breakdown code", "Value", "Unit"], *rows]
            ).getvalue()
        ),
    )
)
def test_fuzzed_uploads_never_fail_unexpectedly_and_never_save_partially(
    stage, kz, kazakh_representative, content
):
    try:
        services.import_report(stage, kz, io.BytesIO(content), actor=kazakh_representative)
    except DomainError:
        assert not Figure.objects.filter(report__stage=stage).exists()
    else:
        pass  # a fuzzed file may be a valid (empty or tiny) report; then it was applied whole
    Figure.objects.filter(report__stage=stage).delete()


def test_the_workflow_from_draft_to_consolidated_and_the_results(
    stage, kz, kazakh_representative, kazakh_coordinator, secretariat_officer
):
    report, _n, _w = services.import_report(
        stage,
        kz,
        csv_file([line("drugs", 120, "kg", "heroin"), line("drug-crimes", 7)]),
        actor=kazakh_representative,
    )
    assert selectors.results(secretariat_officer, stage.operation, stage=stage).reported == []
    report = services.submit_report(report, actor=kazakh_representative)
    with pytest.raises(DomainError):  # a submitted report is not edited
        services.import_report(
            stage, kz, csv_file([line("drug-crimes", 8)]), actor=kazakh_representative
        )
    report = services.approve_report(report, actor=kazakh_coordinator)
    assert (
        selectors.results(secretariat_officer, stage.operation, stage=stage).reported == []
    )  # not consolidated yet
    report = services.consolidate_report(report, actor=secretariat_officer)
    res = selectors.results(secretariat_officer, stage.operation, stage=stage)
    totals = {r.indicator.code: r.total for r in res.reported}
    assert totals == {"drugs": D(120), "drug-crimes": D(7)}
    verbs = set(
        Entry.objects.filter(
            object_type="operations.nationalreport", object_id=str(report.pk)
        ).values_list("verb", flat=True)
    )
    assert {
        "operations.report.import",
        "operations.report.submitted",
        "operations.report.approved",
        "operations.report.consolidated",
    } <= verbs


def test_a_correction_is_a_new_revision_that_replaces_the_old_once_consolidated(
    stage, kz, kazakh_representative, kazakh_coordinator, secretariat_officer
):
    report, _n, _w = services.import_report(
        stage, kz, csv_file([line("drug-crimes", 7)]), actor=kazakh_representative, submit=True
    )
    services.consolidate_report(
        services.approve_report(report, actor=kazakh_coordinator), actor=secretariat_officer
    )
    correction = services.start_correction(report, actor=kazakh_representative)
    assert correction.revision == 2 and figures(correction) == {("", "drug-crimes", ""): D(7)}
    services.set_figure(
        correction, {"indicator": "drug-crimes", "value": "9"}, actor=kazakh_representative
    )

    def total():
        return {
            r.indicator.code: r.total
            for r in selectors.results(secretariat_officer, stage.operation, stage=stage).reported
        }

    assert total() == {"drug-crimes": D(7)}  # the consolidated revision still counts
    services.submit_report(correction, actor=kazakh_representative)
    services.consolidate_report(
        services.approve_report(correction, actor=kazakh_coordinator), actor=secretariat_officer
    )
    assert total() == {"drug-crimes": D(9)}
    report.refresh_from_db()
    assert report.status == ReportStatus.SUPERSEDED and figures(report) == {
        ("", "drug-crimes", ""): D(7)
    }


def test_an_approved_report_is_never_edited_in_place(
    stage, kz, kazakh_representative, kazakh_coordinator
):
    report, _n, _w = services.import_report(
        stage, kz, csv_file([line("drug-crimes", 7)]), actor=kazakh_representative, submit=True
    )
    services.approve_report(report, actor=kazakh_coordinator)
    for change in (
        lambda: services.set_figure(
            report, {"indicator": "drug-crimes", "value": "1"}, actor=kazakh_representative
        ),
        lambda: services.import_report(
            stage, kz, csv_file([line("drug-crimes", 1)]), actor=kazakh_representative
        ),
    ):
        with pytest.raises(DomainError, match="start a correction"):
            change()
    assert figures(NationalReport.objects.get(pk=report.pk)) == {("", "drug-crimes", ""): D(7)}


def test_two_people_editing_the_same_draft_do_not_overwrite_each_other(
    stage, kz, kazakh_representative
):
    report = services.open_draft(stage, kz, actor=kazakh_representative)
    seen = report.version
    services.set_figure(
        report,
        {"indicator": "drug-crimes", "value": "1"},
        actor=kazakh_representative,
        version=seen,
    )
    with pytest.raises(Conflict):
        services.set_figure(
            report,
            {"indicator": "drug-crimes", "value": "2"},
            actor=kazakh_representative,
            version=seen,
        )
    with pytest.raises(Conflict):
        services.import_report(
            stage, kz, csv_file([line("drug-crimes", 3)]), actor=kazakh_representative, version=seen
        )
    assert figures(services.current_report(stage, kz)) == {("", "drug-crimes", ""): D(1)}


def test_only_the_states_own_delegation_files_and_approves(
    stage,
    kz,
    russian_representative,
    kazakh_representative,
    kazakh_coordinator,
    secretariat_officer,
    armenian_representative,
):
    with pytest.raises(NotAllowed):
        services.import_report(
            stage, kz, csv_file([line("drug-crimes", 1)]), actor=russian_representative
        )
    with pytest.raises(NotAllowed):  # Armenia does not take part in this stage
        services.open_draft(
            stage, MemberState.objects.get(iso2="AM"), actor=armenian_representative
        )
    report, _n, _w = services.import_report(
        stage, kz, csv_file([line("drug-crimes", 1)]), actor=kazakh_representative, submit=True
    )
    for outsider in (russian_representative, secretariat_officer):
        with pytest.raises(NotAllowed):
            services.approve_report(report, actor=outsider)
    approved = services.approve_report(report, actor=kazakh_coordinator)
    with pytest.raises(NotAllowed):  # the state does not consolidate its own report
        services.consolidate_report(approved, actor=kazakh_representative)


def test_the_demo_reproduces_the_published_totals(secretariat_officer):
    from concord.operations.models import Operation

    def totals(code, stage_en):
        op = Operation.objects.get(code=code)
        res = selectors.results(secretariat_officer, op, stage=op.stages.get(name_en=stage_en))
        return {r.indicator.code: r.total for r in res.reported}, {
            res.items[k].code if k else "": v
            for r in res.reported
            if r.indicator.code in ("drugs", "violations")
            for k, v in r.by_item.items()
        }

    red_dune, parts = totals("channel", "Red Dune")
    assert (
        red_dune == {"drugs": D(9000)} and parts["opiates"] == D(5000) and parts["heroin"] == D(38)
    )
    interception, parts = totals("channel", "Interception")
    assert (
        interception["drugs"] == D(897)
        and parts["mephedrone"] == D("61.5")
        and interception["websites"] == 444
    )
    assert interception["ammunition"] == 2773 and interception["detained"] == 399
    outpost, parts = totals("channel", "Mountain Outpost")
    assert (
        outpost["drugs"] == D(1742) and outpost["officers"] == 17000 and parts["mephedrone"] == 832
    )
    illegal, parts = totals("illegal", "Illegal 2018")
    assert (
        illegal["violations"] == 143000
        and parts["labour"] == 33000
        and illegal["fines"] == D(5_000_000)
    )
    proxi, _ = totals("proxi", "2009 – May 2017")
    assert proxi == {
        "resources-identified": 80000,
        "resources-blocked": 33500,
        "criminal-cases": 15000,
    }
    assert not Operation.objects.get(code="mercenary").stages.exists()


def test_an_older_revision_cannot_be_consolidated_after_its_correction(
    stage, kz, kazakh_representative, kazakh_coordinator, secretariat_officer
):
    report, _n, _w = services.import_report(
        stage, kz, csv_file([line("drug-crimes", 7)]), actor=kazakh_representative, submit=True
    )
    services.approve_report(report, actor=kazakh_coordinator)
    correction = services.start_correction(report, actor=kazakh_representative)
    services.set_figure(
        correction, {"indicator": "drug-crimes", "value": "8"}, actor=kazakh_representative
    )
    services.approve_report(
        services.submit_report(correction, actor=kazakh_representative), actor=kazakh_coordinator
    )
    services.consolidate_report(correction, actor=secretariat_officer)
    with pytest.raises(DomainError, match="later revision"):
        services.consolidate_report(
            NationalReport.objects.get(pk=report.pk), actor=secretariat_officer
        )
    assert NationalReport.objects.get(pk=report.pk).status == ReportStatus.SUPERSEDED
    totals = {
        r.indicator.code: r.total
        for r in selectors.results(secretariat_officer, stage.operation, stage=stage).reported
    }
    assert totals == {"drug-crimes": D(8)}


def test_problems_name_the_right_column_in_every_language(stage, kz, kazakh_representative):
    from django.utils import translation

    for language in ("ru", "en"):
        with translation.override(language), pytest.raises(services.ImportRejected) as error:
            services.import_report(
                stage,
                kz,
                csv_file(
                    [
                        line("cash", 5, "KGZ"),
                        line("drugs", 5, "USD"),
                        line("drug-crimes", "1,5"),
                        line("drug-crimes", 1, agency="AM-POLICE"),
                    ]
                ),
                actor=kazakh_representative,
            )
        assert [(p.row, p.column) for p in error.value.problems] == [
            (2, "unit"),
            (3, "unit"),
            (4, "value"),
            (5, "agency"),
        ]


def _xlsx(rows: list[list[object]], *, cached: dict[str, str] | None = None) -> io.BytesIO:
    """The report template as XLSX with `rows` after the header. openpyxl writes formulas without
    values, as a program that does not calculate would; `cached` adds the value a spreadsheet
    program saves beside each (by cell, e.g. {"G2": "5"})."""
    import re
    import zipfile

    from openpyxl import Workbook

    from concord.operations.spreadsheets import header_row

    book = Workbook()
    sheet = book.active
    sheet.append(header_row("en"))
    for row in rows:
        sheet.append(row)
    plain = io.BytesIO()
    book.save(plain)
    out = io.BytesIO()
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                for cell, value in (cached or {}).items():
                    data = re.sub(
                        rf'(<c r="{cell}"[^>]*>)<f>([^<]*)</f><v\s*/?>(</v>)?'.encode(),
                        rf"\1<f>\2</f><v>{value}</v>".encode(),
                        data,
                    )
            target.writestr(item, data)
    out.seek(0)
    return out


def test_formulas_are_read_as_the_values_saved_with_them(stage, kz, kazakh_representative):
    content = _xlsx(
        [line("drugs", "=2000+500", "kg", "heroin"), line("drugs", "=1+1", "t", "opium")],
        cached={"G2": "2500", "G3": "2"},
    )
    report, count, _w = services.import_report(stage, kz, content, actor=kazakh_representative)
    assert count == 2
    assert figures(report) == {("", "drugs", "heroin"): D(2500), ("", "drugs", "opium"): D(2000)}


def test_a_formula_saved_without_its_value_is_refused_by_its_cell_and_the_draft_stays(
    stage, kz, kazakh_representative
):
    report, _c, _w = services.import_report(
        stage, kz, csv_file([line("drugs", "7", "kg", "heroin")]), actor=kazakh_representative
    )
    content = _xlsx(
        [line("drugs", "12", "kg", "heroin"), line("drugs", "=G2*2", "kg", "opium")],
    )
    with pytest.raises(DomainError) as error:
        services.import_report(stage, kz, content, actor=kazakh_representative)
    assert error.value.code == "uncalculated_formula" and error.value.field == "file"
    assert "G3" in str(error.value.message)
    assert figures(report) == {("", "drugs", "heroin"): D(7)}


@pytest.mark.parametrize("kind", ["csv", "xlsx", "json"])
def test_an_import_with_no_figures_leaves_the_draft_as_it_was(
    stage, kz, kazakh_representative, kind
):
    report, _c, _w = services.import_report(
        stage, kz, csv_file([line("drugs", "7", "kg", "heroin")]), actor=kazakh_representative
    )
    with pytest.raises(DomainError) as error:
        if kind == "json":
            services.import_rows(stage, kz, iter([]), actor=kazakh_representative)
        else:
            empty = csv_file([line("drugs", "", "kg")]) if kind == "csv" else _xlsx([])
            services.import_report(stage, kz, empty, actor=kazakh_representative)
    assert error.value.code == "nothing_to_import"
    assert error.value.field == ("figures" if kind == "json" else "file")
    assert figures(report) == {("", "drugs", "heroin"): D(7)}

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import multiprocessing
import re
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.models import Sum
from hypothesis import given
from hypothesis import strategies as st

from concord.audit.models import Entry
from concord.core.actors import SYSTEM
from concord.monitoring.codes import Verb
from concord.monitoring.countries import DATA, codes
from concord.monitoring.importers import (
    EventRow,
    NotCsv,
    RowsRejected,
    events,
    import_events,
    import_yearly,
    process,
    rows,
    writer,
)
from concord.monitoring.models import Event, YearlyRecord
from concord.monitoring.provinces import province

GED = DATA / "ged_syria_2018_2019.csv"
HEADER = next(csv.reader(GED.open(encoding="utf-8")))


def ged_file(tmp_path, rows, name="ged.csv", header=HEADER):
    path = tmp_path / name
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def ged_row(**values):
    base = dict(
        zip(
            HEADER,
            next(r for i, r in enumerate(csv.reader(GED.open(encoding="utf-8"))) if i == 1),
            strict=True,
        )
    )
    base.update({k: str(v) for k, v in values.items()})
    return [base[h] for h in HEADER]


def test_the_demo_holds_the_real_ged_rows(db):
    """The demo imported both real files: 16,566 events, 112,337 deaths (best), all in Syria."""
    syria = Event.objects.filter(source="ucdp-ged", country="SYR")
    assert syria.count() == 16566 and syria.aggregate(d=Sum("best"))["d"] == 112337
    assert set(syria.values_list("country", flat=True).distinct()) == {"SYR"}
    assert syria.filter(violence=1).count() == 11507 and syria.filter(violence=3).count() == 482


def test_reimporting_updates_instead_of_duplicating(db):
    report = import_events(GED, "ucdp-ged", actor=SYSTEM)
    assert (report.read, report.imported, report.updated, report.rejected) == (4809, 0, 4809, 0)
    assert Event.objects.filter(source="ucdp-ged", country="SYR").count() == 16566


def test_a_zipped_file_is_read(db, tmp_path):
    archive = tmp_path / "ged.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(GED, "ged_syria_2018_2019.csv")
    assert import_events(archive, "ucdp-ged", actor=SYSTEM).updated == 4809


def last_audit():
    return Entry.objects.order_by("-seq").first()


def test_a_bad_row_among_good_ones_imports_nothing_and_every_bad_row_is_reported(
    db, tmp_path, monkeypatch
):
    monkeypatch.setattr(events, "BATCH", 2)  # duplicates across batches too
    path = ged_file(
        tmp_path,
        [
            ged_row(id=900001),  # line 2: good
            ged_row(id=900002, date_start="2019-02-30", date_end="2019-02-30"),  # 3: no such day
            ged_row(id=900003, latitude="95.1"),  # 4: impossible coordinate
            ged_row(id=900001),  # 5: duplicate of line 2 (another batch)
            ged_row(id=900004, country="Atlantis", country_id=""),  # 6: unknown country
            ged_row(id=900005, best="-3"),  # 7: negative deaths
            ged_row(
                id=900006, date_start="2019-03-02", date_end="2019-03-01"
            ),  # 8: ends before it starts
            ged_row(id=900007, type_of_violence="7"),  # 9: no such type
            ged_row(id=900008),  # 10: good
            ged_row(id=900008),  # 11: duplicate in the same batch
        ],
    )
    with pytest.raises(RowsRejected, match="8 bad rows of 10") as caught:
        import_events(path, "ucdp-ged", actor=SYSTEM)
    report = caught.value.report
    assert (report.read, report.rejected) == (10, 8)
    # rows are checked as read; duplicates of an earlier batch when their batch is written
    assert sorted((p.line, p.column) for p in report.problems) == [
        (3, "date_start"),
        (4, "latitude"),
        (5, "id"),
        (6, "country"),
        (7, "best"),
        (8, "date_end"),
        (9, "type_of_violence"),
        (11, "id"),
    ]
    assert not Event.objects.filter(source_id__startswith="90000").exists()
    entry = last_audit()
    assert entry.verb == Verb.IMPORT_EVENTS and "failed, nothing imported" in entry.summary
    assert entry.changes["outcome"] == "failed" and entry.changes["rejected"] == 8


def test_every_bad_row_is_counted_and_the_command_prints_the_first_hundred(db, tmp_path):
    path = ged_file(tmp_path, [ged_row(id=901000 + i, best="x") for i in range(150)])
    err = io.StringIO()
    with pytest.raises(CommandError, match=r"150 bad rows of 150.*line 2, best"):
        call_command("import_events", "--format", "ucdp-ged", str(path), stderr=err)
    lines = err.getvalue().splitlines()
    assert len(lines) == 101 and lines[0] == "line 2, best: not a whole number ('x')"
    assert "50 more bad rows" in lines[-1]


def damaged_zip(tmp_path, n, compression):
    """A zip of n good rows whose member is damaged two thirds of the way in."""
    plain = ged_file(tmp_path, [ged_row(id=940000 + i) for i in range(n)])
    archive = tmp_path / "ged.zip"
    with zipfile.ZipFile(archive, "w", compression) as z:
        z.write(plain, "ged.csv")
    data = bytearray(archive.read_bytes())
    middle = len(data) * 2 // 3
    if compression == zipfile.ZIP_STORED:  # a letter changed: the checksum fails at the end
        at = data.index(b"Syria", middle)
        data[at] = ord("X")
    else:
        data[middle : middle + 64] = bytes(64)
    archive.write_bytes(bytes(data))
    return archive


@pytest.mark.parametrize("compression", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_a_zip_damaged_after_many_rows_imports_nothing_and_says_so(
    db, tmp_path, monkeypatch, compression
):
    monkeypatch.setattr(events, "BATCH", 100)  # many batches written before the damage is met
    archive = damaged_zip(tmp_path, 3000, compression)
    before = Event.objects.count()
    with pytest.raises(CommandError, match="nothing imported") as caught:
        call_command("import_events", "--format", "ucdp-ged", str(archive))
    if compression == zipfile.ZIP_STORED:
        assert re.search(
            r"damaged or cut off; reading stopped after line [\d,]+: Bad CRC-32", str(caught.value)
        )
    assert Event.objects.count() == before
    entry = last_audit()
    assert entry.changes["outcome"] == "failed" and str(archive) in entry.summary


def test_bytes_that_are_not_utf8_are_refused_with_their_line_and_byte(db, tmp_path):
    path = ged_file(tmp_path, [ged_row(id=950001), ged_row(id=950002), ged_row(id=950003)])
    data = path.read_bytes()
    lines = data.split(b"\n")
    lines[3] = lines[3].replace(b"Syria", "Syri\u00e9".encode("cp1252"), 1)  # line 4, Windows-1252
    data = b"\n".join(lines)
    path.write_bytes(data)
    offset = data.index(b"\xe9")
    with pytest.raises(NotCsv, match=rf"line 4, byte {offset:,} \(0xE9\): not UTF-8"):
        import_events(path, "ucdp-ged", actor=SYSTEM)
    assert not Event.objects.filter(source_id__startswith="95000").exists()
    assert last_audit().changes["outcome"] == "failed"
    header = tmp_path / "header.csv"
    header.write_bytes(b"id,d\xe9but\n1,2\n")
    with pytest.raises(NotCsv, match=r"line 1, byte 4 \(0xE9\)"):
        import_events(header, "ucdp-ged", actor=SYSTEM)


def test_a_byte_order_mark_is_accepted(db, tmp_path):
    path = ged_file(tmp_path, [ged_row(id=960001)])
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert import_events(path, "ucdp-ged", actor=SYSTEM).imported == 1


def acled_file(tmp_path, ids):
    path = tmp_path / "acled.csv"
    rows = "".join(
        f"{i},2022-01-05,Battles,Military Forces of Kazakhstan,1,Rioters,5,Kazakhstan,398,Almaty,3\n"
        for i in ids
    )
    path.write_text(
        "event_id_cnty,event_date,event_type,actor1,inter1,actor2,inter2,country,iso,admin1,fatalities\n"
        + rows,
        encoding="utf-8",
    )
    return path


def test_a_first_import_inserts_plain_rows_and_a_later_one_upserts(db, tmp_path, monkeypatch):
    """No ACLED events are stored: the first import takes the plain way (executemany INSERT on
    SQLite, COPY into the table on PostgreSQL); the second finds them and updates."""
    monkeypatch.setattr(events, "BATCH", 2)
    plain, upserted = [], []
    monkeypatch.setattr(writer.Writer, "_insert", spy(writer.Writer._insert, plain))
    monkeypatch.setattr(writer.Writer, "_upsert", spy(writer.Writer._upsert, upserted))
    path = acled_file(tmp_path, [f"KAZ{i}" for i in range(5)])
    assert import_events(path, "acled", actor=SYSTEM).imported == 5
    assert (len(plain), len(upserted)) == (3, 0)
    report = import_events(path, "acled", actor=SYSTEM)
    assert (report.imported, report.updated, len(upserted)) == (0, 5, 3)
    assert Event.objects.filter(source="acled").count() == 5
    assert last_audit().changes == {
        "outcome": "applied",
        "read": 5,
        "imported": 0,
        "updated": 5,
        "rejected": 0,
    }


def test_a_plain_insert_that_meets_an_id_of_an_earlier_batch_reports_it(db, tmp_path, monkeypatch):
    monkeypatch.setattr(events, "BATCH", 2)
    path = acled_file(tmp_path, ["KAZ1", "KAZ2", "KAZ3", "KAZ1", "KAZ4"])
    with pytest.raises(RowsRejected) as caught:
        import_events(path, "acled", actor=SYSTEM)
    assert [(p.line, p.column, p.value) for p in caught.value.report.problems] == [
        (5, "id", "KAZ1")
    ]
    assert not Event.objects.filter(source="acled").exists()


def spy(method, calls):
    def called(self, *args):
        calls.append(args)
        return method(self, *args)

    return called


def test_a_yearly_table_with_a_bad_row_imports_nothing(db, tmp_path):
    source = (DATA / "ucdp_prio_acd_v25_1_region.csv").read_text(encoding="utf-8").splitlines()
    header = next(csv.reader([source[0]]))
    row = next(csv.reader([source[1]]))
    row[header.index("year")] = "year one"
    path = tmp_path / "acd.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([header, *csv.reader(source[2:]), row])
    YearlyRecord.objects.filter(dataset="acd").delete()
    with pytest.raises(CommandError, match="1 bad row of"):
        call_command("import_ucdp_yearly", str(path))
    assert not YearlyRecord.objects.filter(dataset="acd").exists()
    entry = last_audit()
    assert entry.verb == Verb.IMPORT_YEARLY and entry.changes["outcome"] == "failed"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02\x03binary", "binary"),
        (b"PK\x03\x04broken", "zip"),
        (b"id;date\n1;2", "missing columns"),
        ("\xff\xfe\xfa".encode("latin-1") * 50, "UTF-8"),
    ],
)
def test_files_that_cannot_be_read_import_nothing(db, tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    before = Event.objects.count()
    with pytest.raises(NotCsv, match=message):
        import_events(path, "ucdp-ged", actor=SYSTEM)
    assert Event.objects.count() == before


def test_acled_format_with_its_column_mapping(db, tmp_path):
    path = tmp_path / "acled.csv"
    path.write_text(
        "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,inter1,actor2,inter2,interaction,"
        "country,iso,admin1,admin2,latitude,longitude,geo_precision,fatalities,civilian_targeting\n"
        "KAZ1,2022-01-05,2022,1,Violence against civilians,Attack,Unidentified Armed Group,3,Civilians,7,37,Kazakhstan,398,Almaty,,43.25,76.95,1,4,Civilian targeting\n"
        "KAZ2,6 January 2022,2022,1,Battles,Armed clash,Military Forces of Kazakhstan,1,Rioters,5,15,Kazakhstan,398,Almaty,,43.25,76.95,1,12,\n"
        "KAZ3,2022-01-07,2022,1,Protests,Peaceful protest,Protesters,6,,0,60,Kazakhstan,398,Aktobe,,50.28,57.16,1,0,\n",
        encoding="utf-8",
    )
    report = import_events(path, "acled", actor=SYSTEM)
    assert (report.imported, report.rejected) == (3, 0)
    events = {e.source_id: e for e in Event.objects.filter(source="acled")}
    assert (
        events["KAZ1"].violence == 3
        and events["KAZ1"].civilians == 4
        and events["KAZ1"].country == "KAZ"
    )
    assert (
        events["KAZ2"].violence == 1
        and events["KAZ2"].best == 12
        and str(events["KAZ2"].date_start) == "2022-01-06"
    )
    assert events["KAZ3"].violence is None and events["KAZ3"].adm_1 == "Aktobe"


def test_the_yearly_tables_are_imported_and_reimported(db):
    counts = dict(
        YearlyRecord.objects.values_list("dataset").annotate(n=Sum(1)).values_list("dataset", "n")
    )
    assert counts == {"acd": 571, "brd": 487, "nonstate": 252, "onesided": 161}
    dataset, report = import_yearly(DATA / "ucdp_prio_acd_v25_1_region.csv", actor=SYSTEM)
    assert dataset == "acd" and (report.imported, report.updated, report.rejected) == (0, 571, 0)
    kg_tj = YearlyRecord.objects.filter(dataset="acd", conflict_id="13324").values_list(
        "year", flat=True
    )
    assert set(kg_tj) == {2021, 2022}
    assert set(
        YearlyRecord.objects.get(dataset="acd", conflict_id="13324", year=2021)
        .countries.strip(",")
        .split(",")
    ) == {"KGZ", "TJK"}


def test_country_codes_from_every_key():
    assert (
        codes().iso3(gw=652) == "SYR"
        and codes().iso3(gw=365) == "RUS"
        and codes().iso3(gw=680) == "YEM"
    )
    assert (
        codes().iso3(name="Russia (Soviet Union)") == "RUS"
        and codes().iso3(name="Казахстан") == "KAZ"
    )
    assert codes().iso3(n3="398") == "KAZ" and codes().iso3(name="Atlantis") is None


def test_the_commands_report_and_exit_non_zero_on_bad_rows_and_unreadable_files(db, tmp_path):
    out, err = io.StringIO(), io.StringIO()
    path = ged_file(tmp_path, [ged_row(id=910001), ged_row(id=910002, best="x")])
    with pytest.raises(CommandError, match="nothing imported: 1 bad row of 2"):
        call_command("import_events", "--format", "ucdp-ged", str(path), stdout=out, stderr=err)
    assert "line 3, best: not a whole number" in err.getvalue()
    assert not Event.objects.filter(source_id="910001").exists()
    call_command(
        "import_events",
        "--format",
        "ucdp-ged",
        str(ged_file(tmp_path, [ged_row(id=910001)])),
        stdout=out,
    )
    assert "read 1, imported 1, updated 0, rejected 0" in out.getvalue()
    bad = tmp_path / "x.csv"
    bad.write_bytes(b"\x00\x00")
    with pytest.raises(CommandError, match="nothing imported"):
        call_command("import_events", "--format", "acled", str(bad))
    with pytest.raises(CommandError, match="not a UCDP yearly table"):
        call_command("import_ucdp_yearly", str(GED))
    out = io.StringIO()
    call_command("import_ucdp_yearly", str(DATA / "onesided_v23_1_region.csv"), stdout=out)
    assert "(onesided): read 161, imported 0, updated 161, rejected 0" in out.getvalue()


def test_the_import_writes_every_column_of_an_event():
    """The upsert's columns are EventRow's fields: a field added to Event must be added there."""
    assert set(EventRow._fields) == {f.column for f in Event._meta.concrete_fields} - {"id"}


def test_a_row_longer_than_its_header_does_not_fill_missing_columns(db, tmp_path):
    """GED 19.1 has no conflict_dset_id: a stray extra field must not become it."""
    path = ged_file(tmp_path, [[*ged_row(id=920001, conflict_new_id="", dyad_new_id=""), "stray"]])
    assert import_events(path, "ucdp-ged", actor=SYSTEM).imported == 1
    event = Event.objects.get(source_id="920001")
    assert event.conflict_id == "" and event.dyad_id == ""


@pytest.mark.parametrize(
    ("reader", "value", "expected"),
    [
        (lambda v: rows.read_date(v, "d"), "2019-03-01", dt.date(2019, 3, 1)),
        (lambda v: rows.read_date(v, "d"), " 2019-03-01 ", dt.date(2019, 3, 1)),
        (lambda v: rows.read_date(v, "d"), "2019-03-01 00:00:00.000", dt.date(2019, 3, 1)),
        (lambda v: rows.read_date(v, "d"), "01 March 2019", dt.date(2019, 3, 1)),
        (lambda v: rows.read_count(v, "c"), "12", 12),
        (lambda v: rows.read_count(v, "c"), " 12 ", 12),
        (lambda v: rows.read_count(v, "c"), "12.0", 12),
        (lambda v: rows.read_count(v, "c"), "", 0),
        (lambda v: rows.read_small(v, "s", 1, 5), "3", 3),
        (lambda v: rows.read_small(v, "s", 1, 5), "3.0", 3),
        (lambda v: rows.read_small(v, "s", 1, 5), " ", None),
        (lambda v: rows.read_coordinate(v, "x", 90), "-33.5", -33.5),
        (lambda v: rows.read_coordinate(v, "x", 90), " 12 ", 12.0),
        (lambda v: rows.read_coordinate(v, "x", 90), "", None),
    ],
)
def test_cells_are_read_in_their_common_and_their_odd_spellings(reader, value, expected):
    assert reader(value) == expected


@pytest.mark.parametrize(
    ("reader", "value", "why"),
    [
        (lambda v: rows.read_date(v, "d"), "2019-02-30", "not a date"),
        (lambda v: rows.read_date(v, "d"), "", "not a date"),
        (lambda v: rows.read_count(v, "c"), "-1", "out of range"),
        (lambda v: rows.read_count(v, "c"), "1e3", "not a whole number"),
        (lambda v: rows.read_count(v, "c"), "10000001", "out of range"),
        (lambda v: rows.read_small(v, "s", 1, 5), "6", "between 1 and 5"),
        (lambda v: rows.read_small(v, "s", 1, 5), "x", "not a number"),
        (lambda v: rows.read_coordinate(v, "x", 90), "90.5", "outside ±90"),
        (lambda v: rows.read_coordinate(v, "x", 90), "nan", "outside ±90"),
        (lambda v: rows.read_coordinate(v, "x", 90), "north", "not a number"),
    ],
)
def test_bad_cells_say_why(reader, value, why):
    with pytest.raises(rows.RowError, match=why):
        reader(value)


@given(st.text(max_size=30))
def test_a_cell_reader_returns_a_value_in_range_or_says_why(value):
    for reader, check in [
        (lambda v: rows.read_date(v, "d"), lambda r: isinstance(r, dt.date)),
        (lambda v: rows.read_count(v, "c"), lambda r: 0 <= r <= 10_000_000),
        (lambda v: rows.read_small(v, "s", 1, 5), lambda r: r is None or 1 <= r <= 5),
        (lambda v: rows.read_coordinate(v, "x", 90), lambda r: r is None or -90 <= r <= 90),
    ]:
        with contextlib.suppress(rows.RowError):
            assert check(reader(value))


def test_a_failure_in_the_reading_process_is_raised_in_the_importing_one():
    def produce():
        yield 1
        raise NotCsv("broken at line 3")

    with process.in_another_process(produce) as items:
        assert next(items) == 1
        with pytest.raises(NotCsv, match="broken at line 3"):
            next(items)
    assert not multiprocessing.active_children()


def test_the_reading_process_stops_when_the_import_does():
    def endless():
        while True:
            yield "row"

    with process.in_another_process(endless) as items:
        assert next(items) == "row"
    assert not multiprocessing.active_children()


def test_on_postgresql_an_import_clears_the_old_versions_of_the_rows_it_updated(
    transactional_db, tmp_path
):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite updates rows in place; VACUUM is PostgreSQL's")

    def vacuums():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = %s",
                [Event._meta.db_table],
            )
            return cursor.fetchone()[0]

    path = ged_file(tmp_path, [ged_row(id=930000 + i) for i in range(50)])
    before = vacuums()
    import_events(path, "ucdp-ged", actor=SYSTEM)
    assert import_events(path, "ucdp-ged", actor=SYSTEM).updated == 50
    assert vacuums() == before + 2


@pytest.mark.parametrize(
    ("country", "name", "expected"),
    [
        ("UKR", "Kharkiv Oblast", "Kharkiv"),
        ("UKR", "Kharkiv oblast", "Kharkiv"),
        ("UKR", "Donetsk oblast", "Donets'k"),
        ("UKR", "Khmelnytskyi oblast", "Khmel'nyts'kyy"),
        ("UKR", "Kiev Special Republican city", "Kiev City"),
        ("RUS", "Belgorod Oblast", "Belgorod"),
        ("SYR", "Aleppo Governorate", "Aleppo Governorate"),  # no Syrian boundaries are shipped
        ("SYR", "Aleppo  governorate", "Aleppo Governorate"),
        ("UKR", "", ""),
    ],
)
def test_provinces_are_one_name_matched_to_the_shipped_boundaries(country, name, expected):
    assert province(country, name) == expected

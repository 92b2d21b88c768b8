"""The Kazakhstan deployment of January 2022 (forces-and-relations.md), recorded step by step through
the services, and one clearly marked demo request whose decision clock is running now.

What the notes give is recorded as such: the request on the evening of 5 January, the CSC decision in
the night (dated 6 January) under Article 4 of the Collective Security Treaty, the first units on the
evening of 6 January, the online CSC session of 10 January (2,030 personnel, 250 equipment), the
mission declared complete on 11 January, the withdrawal 13–19 January (the Armenian, Belarusian,
Kyrgyz and Tajik contingents left on 14 January), 14 strategic sites, the temporary headquarters, more
than 108 flights, no losses; Armenia 100 and Kyrgyzstan 150 personnel (8 armoured vehicles).
What they do not give is marked demo: the hours of the day (approximate), the Russian, Belarusian and
Tajik strengths (estimates summing to the published total), the other contingents' arrival days, the
sites' coordinates and which contingent guarded which site, the lead state. The commander, the day
the UN Security Council was informed and the report's document are not in the notes: they stay
unrecorded (the report is recorded as made, with no reference)."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone

from concord.accounts.models import User
from concord.consultations import closing
from concord.consultations import services as consultation_services
from concord.consultations.models import Consultation
from concord.consultations.states import ConsentMode, StageMode
from concord.organization.models import MemberState

from .. import deployments as services
from ..models import Contingent, Deployment, Formation
from ..states import LogKind

ALMATY = ZoneInfo("Asia/Almaty")  # UTC+6 in January 2022
# Sources are outlet names and addresses only: they read the same in both languages. What is known
# of each figure (and what is a demo estimate) is said in the texts and the demo marks.
OUTLETS = "urdupoint.com; en.armradio.am; sb.by"
SOURCES = f"{OUTLETS}; kremlin.ru (10.01.2022)"
TITLE_EN = "Collective peacekeeping forces in Kazakhstan, January 2022"
DEMO_TITLE_EN = "Request of Tajikistan for assistance (demo)"


def _at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    """A moment of January 2022, Almaty time."""
    return dt.datetime(2022, 1, day, hour, minute, tzinfo=ALMATY)


def _user(name: str) -> User:
    return User.objects.get(username=name)


# iso2: (offered/deployed personnel, equipment or None, arrived (day, hour), demo strength?, source)
# The Russian, Belarusian and Tajik strengths are demo estimates (no source); the Russian units'
# arrival on the evening of 6 January and the Armenian and Kyrgyz figures (the national ministries of
# defence, as the press reported them) are from the outlets.
CONTINGENTS: dict[str, tuple[int, int | None, tuple[int, int], bool, str]] = {
    "RU": (1450, 222, (6, 19), True, OUTLETS),
    "BY": (200, 20, (7, 10), True, ""),
    "AM": (100, None, (7, 14), False, OUTLETS),
    "KG": (150, 8, (7, 16), False, OUTLETS),
    "TJ": (130, 0, (7, 18), True, ""),
}

# name_ru, name_en, guarded by (demo), latitude, longitude (approximate, demo; none where unnamed)
SITES: list[tuple[str, str, str, float | None, float | None]] = [
    ("Электростанция, Алматы (1)", "Power plant, Almaty (1)", "RU", 43.30, 76.90),
    ("Электростанция, Алматы (2)", "Power plant, Almaty (2)", "AM", 43.33, 76.79),
    ("Водоканал, Алматы", "Water utility, Almaty", "KG", 43.25, 76.93),
    ("Телекоммуникационный центр, Алматы (1)", "Telecom centre, Almaty (1)", "RU", 43.24, 76.95),
    ("Телекоммуникационный центр, Алматы (2)", "Telecom centre, Almaty (2)", "BY", 43.26, 76.91),
    ("Хлебозавод, Алматы", "Bread plant, Almaty", "AM", 43.28, 76.87),
    ("Аэродром: аэропорт Алматы", "Airfield: Almaty airport", "RU", 43.352, 77.040),
    ("Аэродром (в источниках не назван)", "Airfield (not named in the sources)", "RU", None, None),
    *[
        (
            f"Стратегический объект {n} (в источниках не назван)",
            f"Strategic site {n} (not named in the sources)",
            iso2,
            None,
            None,
        )
        for n, iso2 in zip(range(9, 15), ["RU", "RU", "RU", "BY", "TJ", "TJ"], strict=True)
    ],
]

# (kind, day, hour, ru, en, demo)
LOG = [
    (
        LogKind.NOTE,
        5,
        21,
        "Время суток указано приблизительно; дни предложений и принятия контингентов и день доклада "
        "(19 января) — демонстрационные.",
        "The hours of the day are approximate; the days of the offers, of the acceptances and of the "
        "report (19 January) are demo dates.",
        True,
    ),
    (
        LogKind.NOTE,
        7,
        12,
        "Временный штаб — в Военном институте Сухопутных войск, Алматы.",
        "Temporary headquarters at the Military Institute of the Ground Forces, Almaty.",
        False,
    ),
    (
        LogKind.SESSION,
        10,
        14,
        "Внеочередная сессия СКБ в режиме видеоконференции: развёрнуто 2030 военнослужащих и "
        "250 единиц техники.",
        "Extraordinary CSC session online: 2,030 personnel and 250 items of equipment deployed.",
        False,
    ),
    (
        LogKind.NOTE,
        10,
        18,
        "Переброска: более 108 рейсов (день дан приблизительно).",
        "Airlift: more than 108 flights (the day is approximate).",
        False,
    ),
    (
        LogKind.NOTE,
        11,
        11,
        "Миссия объявлена выполненной.",
        "The mission is declared complete.",
        False,
    ),
    (LogKind.NOTE, 13, 10, "Начало вывода контингентов.", "The withdrawal begins.", False),
    (
        LogKind.NOTE,
        19,
        19,
        "Вывод завершён. Потерь нет.",
        "The withdrawal is complete. No losses.",
        False,
    ),
    (
        LogKind.NOTE,
        6,
        3,
        "Ведущее государство указано как Россия, направившая крупнейший контингент (демо: в "
        "источниках не названо); командующий в использованных источниках не назван.",
        "Lead state recorded as Russia, which sent the largest contingent (demo: not named in the "
        "sources); the commander is not named in the sources used.",
        True,
    ),
]


def seed() -> list[str]:
    made = []
    if not Deployment.objects.filter(title_en=TITLE_EN).exists():
        kazakhstan_2022()
        made.append(f"  deployment: {TITLE_EN}")
    if not Deployment.objects.filter(title_en=DEMO_TITLE_EN).exists():
        live_demo_request()
        made.append(f"  deployment: {DEMO_TITLE_EN} (clock running)")
    return made


def kazakhstan_2022() -> Deployment:
    states = {s.iso2: s for s in MemberState.objects.all()}
    secretariat, staff = _user("secretariat"), _user("staff")
    d = services.request_deployment(
        states["KZ"],
        actor=_user("kz_rep"),
        requested_at=_at(5, 21),
        letter_reference_ru="Обращение Президента Республики Казахстан",
        letter_reference_en="Appeal of the President of Kazakhstan",
        request_text_ru="Обращение к государствам — членам ОДКБ о помощи в связи с угрозой "
        "безопасности.",
        request_text_en="Appeal to the CSTO member states for assistance in the face of a threat "
        "to security.",
        formation=Formation.objects.filter(code="peacekeeping").first(),
        title_ru="Коллективные миротворческие силы в Казахстане, январь 2022 г.",
        title_en=TITLE_EN,
        demo=True,
        source=SOURCES,
    )
    _decide_in_consultation(d, secretariat)
    d = services.decide_deployment(
        d,
        actor=secretariat,
        decided_at=_at(6, 1),
        decision_reference_ru="Решение СКБ о направлении Коллективных миротворческих сил ОДКБ",
        decision_reference_en="CSC decision to send the CSTO Collective Peacekeeping Forces",
        legal_basis_ru="Статья 4 Договора о коллективной безопасности",
        legal_basis_en="Article 4 of the Collective Security Treaty",
        tasks_ru="Охрана важных государственных и стратегических объектов",
        tasks_en="Protection of important state and strategic sites",
        area_ru="Республика Казахстан",
        area_en="Republic of Kazakhstan",
        duration_ru="Ограниченный период",
        duration_en="A limited period",
    )
    contingents = _generate_force(d, states, staff)
    _on_the_ground(d, contingents, staff)
    d.refresh_from_db()
    d = services.complete_deployment(
        d,
        actor=secretariat,
        decided_at=_at(11, 12),
        decision_reference_ru="Решение СКБ о завершении операции (документ не найден; дата по "
        "объявлению 11 января)",
        decision_reference_en="CSC decision to complete the operation (document not found; "
        "dated by the declaration of 11 January)",
    )
    for iso2 in ("AM", "BY", "KG", "TJ"):
        services.withdraw_contingent(contingents[iso2], actor=staff, withdrawn_at=_at(14, 12))
    services.withdraw_contingent(contingents["RU"], actor=staff, withdrawn_at=_at(19, 18))
    d.refresh_from_db()
    return services.record_report(d, actor=secretariat, reported_at=_at(19, 20))


def _decide_in_consultation(d: Deployment, secretariat: User) -> None:
    """The emergency consultation the request opened, decided by the CSC in the night: every member
    joins by correspondence, and the stage closes adopted."""
    consultation = Consultation.objects.get(pk=d.consultation_id or 0)
    stage = consultation_services.open_stage(
        consultation,
        actor=secretariat,
        now=_at(5, 22),
        mode=StageMode.WRITTEN,
        consent=ConsentMode.EXPLICIT,
    )
    for iso2 in ("AM", "BY", "KZ", "KG", "RU", "TJ"):
        consultation_services.record_position(
            stage,
            actor=_user(f"{iso2.lower()}_rep"),
            stance="join",
            version_id=stage.version_id,
            now=_at(6, 0, 30),
        )
    closing.close_stage(stage, actor=secretariat, now=_at(6, 1))


def _generate_force(
    d: Deployment, states: dict[str, MemberState], staff: User
) -> dict[str, Contingent]:
    found = {}
    for iso2, (strength, equipment, _arrived, demo, source) in CONTINGENTS.items():
        c = services.offer_contingent(
            d,
            states[iso2],
            actor=_user(f"{iso2.lower()}_rep"),
            offered=strength,
            offered_at=_at(6, 2),
            demo=demo,
            source=source,
        )
        found[iso2] = services.accept_contingent(
            c, actor=staff, accepted_at=_at(6, 3), strength=strength, equipment=equipment
        )
    services.set_command(d, actor=staff, lead_state=states["RU"])
    for iso2, (_s, _e, (day, hour), _demo, _source) in CONTINGENTS.items():
        services.record_arrival(found[iso2], actor=staff, arrived_at=_at(day, hour))
    return found


def _on_the_ground(d: Deployment, contingents: dict[str, Contingent], staff: User) -> None:
    for name_ru, name_en, iso2, lat, lon in SITES:
        services.protect_site(
            d,
            actor=staff,
            name_ru=name_ru,
            name_en=name_en,
            since=_at(8, 10),
            contingent=contingents[iso2],
            latitude=lat,
            longitude=lon,
            demo=True,
        )
    for kind, day, hour, ru, en, demo in LOG:
        services.log_entry(
            d,
            actor=staff,
            kind=kind,
            at=_at(day, hour),
            text_ru=ru,
            text_en=en,
            source="" if demo else SOURCES,
            demo=demo,
        )


def live_demo_request(now: dt.datetime | None = None) -> Deployment:
    """An invented request (titled demo) made a few hours ago, so the crisis page has a live case with
    its decision clock running."""
    now = now or timezone.now()
    tajikistan = MemberState.objects.get(iso2="TJ")
    options: dict[str, Any] = {
        "title_ru": "Запрос Таджикистана о содействии (демо)",
        "title_en": DEMO_TITLE_EN,
        "demo": True,
    }
    return services.request_deployment(
        tajikistan,
        actor=_user("tj_rep"),
        requested_at=now - dt.timedelta(hours=5),
        letter_reference_ru="Письмо № ДЕМО-1 (демо)",
        letter_reference_en="Letter No. DEMO-1 (demo)",
        request_text_ru="Демонстрационный запрос: вымышленная ситуация.",
        request_text_en="A demonstration request: an invented situation.",
        formation=Formation.objects.filter(code="crrf").first(),
        now=now,
        **options,
    )

"""Real multilateral treaties, each with its entry-into-force clause written in the engine's rule
format and the dates its depositary published: the deposit that met the threshold, the treaty's
entry into force, and for some treaties states that joined later with their own dates.

Honesty of the data. Only the threshold deposit decides the overall date, so the deposits before it
are made up: `question()` dates `count - on_day` instruments of invented parties ("X001", ...) the
day before the threshold deposit, and `on_day` instruments on that day, unless `earlier` lists the
real ones. Every other date is the depositary's, with its source below; each was also checked by
hand against the treaty's own clause (e.g. 25 Sep 2014 + 90 days = 24 Dec 2014). Where a clause
cannot be fully written in the format, the comment says what is left out and why the published
dates are unaffected.

Left out rather than guessed, because a date could not be confirmed or sources disagree: ICESCR,
CAT, CEDAW, CRC and the two Vienna Conventions on diplomatic and consular relations (the threshold
instrument's date could only be worked back from the published date, which would test nothing);
the Montreal Protocol (a fixed date, 1 Jan 1989, but the day its conditions were met is not
confirmed); the Kyoto Protocol (its share counts Annex I parties only, which the format cannot
say); the United States under the Chemical Weapons Convention (deposited 25 Apr 1997; the OPCW
counts it an original party from 29 Apr 1997, a State Department page says 25 May 1997); Russia
under the Paris Agreement (deposit given as 7 and as 15 Oct 2019); the United States' return to
the Paris Agreement (a second consent after a withdrawal, which the engine does not model);
Germany under UNCLOS, and other later states remembered but not confirmed.

Sources, by depositary: the UN Secretary-General's Multilateral Treaties Deposited (MTDSG,
treaties.un.org/Pages/ParticipationStatus.aspx, chapter and number given per treaty); the Council
of Europe Treaty Office (coe.int/en/web/conventions, CETS number); the HCCH status tables
(hcch.net/en/instruments/conventions/status-table/?cid=N); the OPCW; UNODA for the treaties with
three depositary governments (disarmament.unoda.org/treaties).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

INSTRUMENT = "instrument"


@dataclass(frozen=True)
class Joiner:
    """A state that consented after the threshold deposit, and the date the treaty entered into
    force for it."""

    state: str
    deposit: str
    in_force: str
    type: str = "ratification"  # accession for a state that had not signed; the type of
    # instrument does not change a date, only whether the state must have signed


@dataclass(frozen=True)
class Treaty:
    name: str
    rule: dict[str, Any]
    threshold_deposit: str  # the deposit that met the threshold
    in_force: str  # the published date of entry into force
    source: str
    on_day: int = 1  # instruments deposited on the threshold day (at least the threshold one)
    earlier: tuple[tuple[str, str], ...] = ()  # real deposits before the threshold one, if given
    named: tuple[tuple[str, str], ...] = ()  # deposits of the states the threshold names
    joiners: tuple[Joiner, ...] = ()
    weights: tuple[tuple[str, float], ...] = ()  # parties' weights where the threshold has one


TREATIES = [
    Treaty(
        "Convention on the Prevention and Punishment of the Crime of Genocide (1948)",
        # Art. XIII: the 90th day after the 20th instrument; a later one takes effect on the 90th
        # day after its deposit.
        {"threshold": {"count": 20, "of": INSTRUMENT}, "delay": {"days": 90}},
        "1950-10-14",
        "1951-01-12",
        "MTDSG IV-1",
        joiners=(Joiner("US", "1988-11-25", "1989-02-23"),),
    ),
    Treaty(
        "Convention relating to the Status of Refugees (1951)",
        # Art. 43: the 90th day following the deposit of the 6th instrument (Australia's accession).
        {"threshold": {"count": 6, "of": INSTRUMENT}, "delay": {"days": 90}},
        "1954-01-22",
        "1954-04-22",
        "MTDSG V-2; UNHCR, statement of the High Commissioner, 22 Apr 1954",
    ),
    Treaty(
        "European Convention on Human Rights (1950)",
        # Art. 66 as signed: in force after the deposit of ten instruments (Luxembourg's was the
        # 10th); for a later signatory on the date of the deposit of its instrument.
        {"threshold": {"count": 10, "of": INSTRUMENT}},
        "1953-09-03",
        "1953-09-03",
        "Council of Europe Treaty Office, ETS 5; European Court of Human Rights, 3 Sep 2013",
        joiners=(Joiner("FR", "1974-05-03", "1974-05-03"),),
    ),
    Treaty(
        "International Covenant on Civil and Political Rights (1966)",
        # Art. 49: three months after the 35th instrument; for a later state three months after
        # its own.
        {"threshold": {"count": 35, "of": INSTRUMENT}, "delay": {"months": 3}},
        "1975-12-23",
        "1976-03-23",
        "MTDSG IV-4",
        joiners=(Joiner("US", "1992-06-08", "1992-09-08"),),
    ),
    Treaty(
        "Vienna Convention on the Law of Treaties (1969)",
        # Art. 84: the 30th day following the 35th instrument (Togo's accession).
        {"threshold": {"count": 35, "of": INSTRUMENT}, "delay": {"days": 30}},
        "1979-12-28",
        "1980-01-27",
        "MTDSG XXIII-1",
    ),
    Treaty(
        "United Nations Convention on the Law of the Sea (1982)",
        # Art. 308: 12 months after the 60th instrument (Guyana); for a later state the 30th day
        # after its deposit, "subject to paragraph 1" (never before the Convention's own date).
        {
            "threshold": {"count": 60, "of": INSTRUMENT},
            "delay": {"months": 12},
            "later": {"delay": {"days": 30}},
        },
        "1993-11-16",
        "1994-11-16",
        "MTDSG XXI-6",
        joiners=(Joiner("JP", "1996-06-20", "1996-07-20"),),
    ),
    Treaty(
        "United Nations Framework Convention on Climate Change (1992)",
        # Art. 23: the 90th day after the 50th instrument.
        {"threshold": {"count": 50, "of": INSTRUMENT}, "delay": {"days": 90}},
        "1993-12-21",
        "1994-03-21",
        "MTDSG XXVII-7",
    ),
    Treaty(
        "Chemical Weapons Convention (1993)",
        # Art. XXI: 180 days after the 65th instrument (Hungary), in no case earlier than two years
        # after opening for signature (13 Jan 1993); for instruments deposited after entry into
        # force, the 30th day following their deposit. Deposits between the 65th and 29 Apr 1997
        # made original parties.
        {
            "threshold": {"count": 65, "of": INSTRUMENT},
            "delay": {"days": 180},
            "not_before": "1995-01-13",
            "later": {"delay": {"days": 30}, "from": "entry_into_force"},
        },
        "1996-10-31",
        "1997-04-29",
        "MTDSG XXVI-3; OPCW status of participation; Netherlands treaty database "
        "(verdragenbank.overheid.nl, treaty 005140)",
        joiners=(
            Joiner("BD", "1997-04-25", "1997-04-29"),
            Joiner("BH", "1997-04-28", "1997-04-29"),
            Joiner("RU", "1997-11-05", "1997-12-05"),
            Joiner("AZ", "2000-02-29", "2000-03-30"),
            Joiner("SY", "2013-09-14", "2013-10-14", "accession"),
        ),
    ),
    Treaty(
        "Anti-Personnel Mine Ban Convention (Ottawa, 1997)",
        # Art. 17: the 1st day of the 6th month after the month of the 40th instrument (Burkina
        # Faso); for a later state the 1st day of the 6th month after its deposit.
        {"threshold": {"count": 40, "of": INSTRUMENT}, "kth_month": 6},
        "1998-09-16",
        "1999-03-01",
        "MTDSG XXVI-5",
        joiners=(
            Joiner("UA", "2005-12-27", "2006-06-01"),
            Joiner("FI", "2012-01-09", "2012-07-01", "accession"),
        ),
    ),
    Treaty(
        "Rome Statute of the International Criminal Court (1998)",
        # Art. 126: the 1st day of the month after the 60th day following the 60th instrument;
        # the same for a later state from its own deposit. Ten instruments were deposited
        # together on 11 Apr 2002, taking the count from 56 to 66.
        {
            "threshold": {"count": 60, "of": INSTRUMENT},
            "delay": {"days": 60},
            "roll": "first_of_next_month",
        },
        "2002-04-11",
        "2002-07-01",
        "MTDSG XVIII-10",
        on_day=10,
        joiners=(
            Joiner("JP", "2007-07-17", "2007-10-01", "accession"),
            Joiner("UA", "2024-10-25", "2025-01-01"),
        ),
    ),
    Treaty(
        "Cartagena Protocol on Biosafety (2000)",
        # Art. 37: the 90th day after the 50th instrument (Palau); for a state after entry into
        # force, the 90th day after its own deposit.
        {
            "threshold": {"count": 50, "of": INSTRUMENT},
            "delay": {"days": 90},
            "later": {"from": "entry_into_force"},
        },
        "2003-06-13",
        "2003-09-11",
        "MTDSG XXVII-8-a",
    ),
    Treaty(
        "United Nations Convention against Transnational Organized Crime (2000)",
        # Art. 38: the 90th day after the 40th instrument; for a later state the 30th day after
        # its deposit or the Convention's entry into force, whichever is later.
        {
            "threshold": {"count": 40, "of": INSTRUMENT},
            "delay": {"days": 90},
            "later": {"delay": {"days": 30}},
        },
        "2003-07-01",
        "2003-09-29",
        "MTDSG XVIII-12; UN Information Service, Vienna, press release of 7 Jul 2003; Japan: "
        "UNODC, 12 Jul 2017",
        joiners=(Joiner("JP", "2017-07-11", "2017-08-10", "acceptance"),),
    ),
    Treaty(
        "Stockholm Convention on Persistent Organic Pollutants (2001)",
        # Art. 26: the 90th day after the 50th instrument (France); 2004 is a leap year.
        {"threshold": {"count": 50, "of": INSTRUMENT}, "delay": {"days": 90}},
        "2004-02-17",
        "2004-05-17",
        "MTDSG XXVII-15",
    ),
    Treaty(
        "Convention on Cybercrime (Budapest, 2001)",
        # Art. 36: the 1st day of the month following three months after five states (at least
        # three of them Council of Europe members) consented; the same for a later state from its
        # own consent. The member-state condition is not written: all five were members.
        {
            "threshold": {"count": 5, "of": INSTRUMENT},
            "delay": {"months": 3},
            "roll": "first_of_next_month",
        },
        "2004-03-18",
        "2004-07-01",
        "Council of Europe Treaty Office, CETS 185 (chart of signatures and ratifications); "
        "Japan: MOFA of Japan, 4 Jul 2012; United States: US Mission, 29 Sep 2006",
        earlier=(
            ("AL", "2002-06-20"),
            ("HR", "2002-10-17"),
            ("EE", "2003-05-12"),
            ("HU", "2003-12-04"),
        ),
        joiners=(
            Joiner("US", "2006-09-29", "2007-01-01"),
            Joiner("JP", "2012-07-03", "2012-11-01", "acceptance"),
        ),
    ),
    Treaty(
        "United Nations Convention against Corruption (2003)",
        # Art. 68: the 90th day after the 30th instrument (Ecuador); for a later state the 30th
        # day after its deposit or entry into force, whichever is later.
        {
            "threshold": {"count": 30, "of": INSTRUMENT},
            "delay": {"days": 90},
            "later": {"delay": {"days": 30}},
        },
        "2005-09-15",
        "2005-12-14",
        "MTDSG XVIII-14; Japan: UNODC, 12 Jul 2017",
        joiners=(Joiner("JP", "2017-07-11", "2017-08-10", "acceptance"),),
    ),
    Treaty(
        "Convention on Choice of Court Agreements (HCCH, 2005)",
        # Art. 31: the 1st day of the month following three months after the 2nd instrument (the
        # European Union's approval, after Mexico's accession); the same for a later state.
        {
            "threshold": {"count": 2, "of": INSTRUMENT},
            "delay": {"months": 3},
            "roll": "first_of_next_month",
        },
        "2015-06-11",
        "2015-10-01",
        "HCCH status table (cid=98); Singapore: Ministry of Law, June 2016",
        earlier=(("MX", "2007-09-26"),),
        joiners=(Joiner("SG", "2016-06-02", "2016-10-01"),),
    ),
    Treaty(
        "Convention on the Rights of Persons with Disabilities (2006)",
        # Art. 45: the 30th day after the 20th instrument; for a later state or organisation the
        # 30th day after its own. The European Union's "formal confirmation" is recorded as an
        # approval, the nearest of the engine's instrument types.
        {"threshold": {"count": 20, "of": INSTRUMENT}, "delay": {"days": 30}},
        "2008-04-03",
        "2008-05-03",
        "MTDSG IV-15; European Union: European Commission (DG Employment), CRPD page",
        joiners=(Joiner("EU", "2010-12-23", "2011-01-22", "approval"),),
    ),
    Treaty(
        "Convention on Cluster Munitions (2008)",
        # Art. 17: as Ottawa, with the 30th instrument.
        {"threshold": {"count": 30, "of": INSTRUMENT}, "kth_month": 6},
        "2010-02-16",
        "2010-08-01",
        "MTDSG XXVI-6; Afghanistan: ICRC, 12 Sep 2011, and Landmine and Cluster Munition Monitor",
        joiners=(Joiner("AF", "2011-09-08", "2012-03-01"),),
    ),
    Treaty(
        "Convention on the Civil Aspects of International Child Abduction (HCCH, 1980)",
        # Art. 43: the 1st day of the 3rd calendar month after the 3rd instrument; the same for a
        # later state from its own (an accession's effect between two states also waits for the
        # other's acceptance, art. 38, which is not an entry into force and is not modelled).
        {"threshold": {"count": 3, "of": INSTRUMENT}, "kth_month": 3},
        "1983-09-29",
        "1983-12-01",
        "HCCH status table (cid=24); Russia: HCCH depositary information, 28 Jul 2011",
        joiners=(Joiner("RU", "2011-07-28", "2011-10-01", "accession"),),
    ),
    Treaty(
        "Council of Europe Convention on violence against women (Istanbul, 2011)",
        # Art. 75: the 1st day of the month following three months after ten signatories (eight
        # of them members) consented (Andorra's was the 10th); the same for a later state from its
        # own consent. The member-state condition is not written: it was met by then.
        {
            "threshold": {"count": 10, "of": INSTRUMENT},
            "delay": {"months": 3},
            "roll": "first_of_next_month",
        },
        "2014-04-22",
        "2014-08-01",
        "Council of Europe Treaty Office, CETS 210; Ukraine and the United Kingdom: Council of "
        "Europe Secretary General, 18 Jul 2022, and ETUC; the European Union: Council of the EU",
        joiners=(
            Joiner("UA", "2022-07-18", "2022-11-01"),
            Joiner("GB", "2022-07-21", "2022-11-01"),
            Joiner("EU", "2023-06-28", "2023-10-01", "approval"),
        ),
    ),
    Treaty(
        "Nagoya Protocol on Access and Benefit-sharing (2010)",
        # Art. 33: the 90th day after the 50th instrument (Uruguay).
        {"threshold": {"count": 50, "of": INSTRUMENT}, "delay": {"days": 90}},
        "2014-07-14",
        "2014-10-12",
        "MTDSG XXVII-8-b",
    ),
    Treaty(
        "Arms Trade Treaty (2013)",
        # Art. 22: 90 days after the 50th instrument; for a state depositing after entry into
        # force, 90 days after its deposit.
        {
            "threshold": {"count": 50, "of": INSTRUMENT},
            "delay": {"days": 90},
            "later": {"from": "entry_into_force"},
        },
        "2014-09-25",
        "2014-12-24",
        "MTDSG XXVI-8; China: Permanent Mission of China to the UN and MFA, 6-7 Jul 2020",
        joiners=(Joiner("CN", "2020-07-06", "2020-10-04", "accession"),),
    ),
    Treaty(
        "Paris Agreement (2015)",
        # Art. 21: the 30th day after at least 55 Parties to the Convention accounting for at
        # least 55% of global emissions deposited; met on 5 Oct 2016. The weights are stand-ins
        # for emission shares, chosen only so that the share crosses 55% that day, when the
        # European Union deposited (as 60 invented parties had made the count before): the test
        # holds the count, the share and the 30 days together, not the emission figures.
        {
            "threshold": {"count": 55, "of": INSTRUMENT, "weight": 0.55},
            "delay": {"days": 30},
            "later": {"delay": {"days": 30}},
        },
        "2016-10-05",
        "2016-11-04",
        "MTDSG XXVII-7-d",
        on_day=0,
        named=(("EU", "2016-10-05"),),
        weights=(("EU", 10.0), ("REST", 42.0)),  # and 0.8 for each invented party
    ),
    Treaty(
        "Minamata Convention on Mercury (2013)",
        # Art. 31: the 90th day after the 50th instrument.
        {"threshold": {"count": 50, "of": INSTRUMENT}, "delay": {"days": 90}},
        "2017-05-18",
        "2017-08-16",
        "MTDSG XXVII-17",
    ),
    Treaty(
        "Treaty on the Prohibition of Nuclear Weapons (2017)",
        # Art. 15: 90 days after the 50th instrument (Honduras); for a later state 90 days after
        # its own.
        {"threshold": {"count": 50, "of": INSTRUMENT}, "delay": {"days": 90}},
        "2020-10-24",
        "2021-01-22",
        "MTDSG XXVI-9",
    ),
    Treaty(
        "Biological Weapons Convention (1972)",
        # Art. XIV(3): after the deposit of instruments by 22 governments including the three
        # depositaries; their instruments were deposited on 26 Mar 1975, after the others'.
        {
            "threshold": {"count": 22, "of": INSTRUMENT, "required": ["GB", "SU", "US"]},
            "later": {"from": "entry_into_force"},
        },
        "1975-03-26",
        "1975-03-26",
        "UNODA treaty database (BWC), depositaries' records",
        on_day=0,
        named=(("GB", "1975-03-26"), ("SU", "1975-03-26"), ("US", "1975-03-26")),
    ),
    Treaty(
        "Treaty on the Non-Proliferation of Nuclear Weapons (1968)",
        # Art. IX(3): after ratification by the three depositaries and 40 other signatories; the
        # United States and the Soviet Union deposited on 5 Mar 1970, the United Kingdom earlier.
        {
            "threshold": {"count": 43, "of": INSTRUMENT, "required": ["GB", "SU", "US"]},
            "later": {"from": "entry_into_force"},
        },
        "1970-03-05",
        "1970-03-05",
        "UNODA treaty database (NPT), depositaries' records; US Department of State status list",
        on_day=0,
        named=(("GB", "1968-11-27"), ("SU", "1970-03-05"), ("US", "1970-03-05")),
    ),
]


def question(treaty: Treaty) -> dict[str, Any]:
    """The treaty as the API takes it: parties, deposits (invented before the threshold one
    where `earlier` does not give them), and the signatories, every party that did not accede."""
    day = dt.date.fromisoformat(treaty.threshold_deposit)
    before = (day - dt.timedelta(days=1)).isoformat()
    count = treaty.rule["threshold"].get("count", 0)
    deposits = list(treaty.earlier) + list(treaty.named)
    invented = count - len(deposits) - treaty.on_day
    if treaty.weights:  # Paris: more invented parties than the count, see its comment
        invented = 60
    deposits += [(f"X{i:03}", before) for i in range(invented)]
    deposits += [(f"Y{i:03}", treaty.threshold_deposit) for i in range(treaty.on_day)]
    # Which instrument each deposit before the threshold was does not matter to the dates; they
    # are written as ratifications.
    actions = [{"state": s, "type": "ratification", "date": d} for s, d in deposits]
    actions += [{"state": j.state, "type": j.type, "date": j.deposit} for j in treaty.joiners]
    weights = dict(treaty.weights)
    parties = list(dict.fromkeys([*(a["state"] for a in actions), *weights]))
    default = 0.8 if weights else 1.0
    return {
        "rule": treaty.rule,
        "parties": [{"state": s, "weight": weights.get(s, default)} for s in parties],
        "actions": actions,
        "signatories": sorted({a["state"] for a in actions if a["type"] != "accession"}),
    }

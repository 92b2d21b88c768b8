"""Demo publications of the press service, in Russian and English.

The texts were written for the demo from the facts in the shared domain notes (`domain/*.md`); each
publication names in `source` the note it draws on and the public references the note gives. Where the
notes give no detail (a place, a name, an exact figure) the text stays general instead of inventing it.
Two publications deliberately have no English version, to show a missing language.
"""

from __future__ import annotations

TAGS: dict[str, tuple[str, str]] = {
    "operations": ("Совместные операции", "Joint operations"),
    "channel": ("Операция «Канал»", "Operation Channel"),
    "migration": ("Незаконная миграция", "Illegal migration"),
    "cybersecurity": ("Информационная безопасность", "Information security"),
    "counter-terrorism": ("Противодействие терроризму", "Countering terrorism"),
    "afghanistan": ("Афганистан", "Afghanistan"),
    "border": ("Таджикско-афганская граница", "Tajik–Afghan border"),
    "un": ("ООН", "United Nations"),
    "cooperation": ("Международное сотрудничество", "International cooperation"),
    "csc": ("Совет коллективной безопасности", "Collective Security Council"),
    "cfm": ("Совет министров иностранных дел", "Council of Foreign Ministers"),
    "cdm": ("Совет министров обороны", "Council of Defence Ministers"),
    "secretary-general": ("Генеральный секретарь", "Secretary General"),
    "chairmanship": ("Председательство", "Chairmanship"),
    "parliamentary-assembly": ("Парламентская ассамблея", "Parliamentary Assembly"),
    "agreements": ("Договоры и соглашения", "Treaties and agreements"),
    "peacekeeping": ("Миротворческая деятельность", "Peacekeeping"),
    "forces": ("Коллективные силы", "Collective forces"),
}

PUBLICATIONS: list[dict] = [
    # ------------------------------------------------------------------ documents
    {
        "section": "document",
        "date": "1992-05-15",
        "tags": ["agreements"],
        "title_ru": "Договор о коллективной безопасности",
        "title_en": "Collective Security Treaty",
        "summary_ru": "Договор подписан 15 мая 1992 года в Ташкенте и вступил в силу 20 апреля 1994 года. Протокол 1999 года продлевает его действие на последующие пятилетние периоды.",
        "summary_en": "The Treaty was signed in Tashkent on 15 May 1992 and entered into force on 20 April 1994. A 1999 protocol extends it for successive five-year periods.",
        "body_ru": (
            "<h2>Основные сведения</h2>"
            "<ul><li>Подписан 15 мая 1992 года в Ташкенте.</li>"
            "<li>Вступил в силу 20 апреля 1994 года.</li>"
            "<li>Первоначальный срок действия — пять лет.</li></ul>"
            "<h2>Продление</h2>"
            "<p>Протокол о продлении действия Договора подписан 2 апреля 1999 года в Москве. Он вступает в силу с даты получения депозитарием пятого уведомления о выполнении государствами внутригосударственных процедур, а для государства, направившего уведомление позднее, — с даты получения его уведомления. Протокол продлевает действие Договора начиная с 21 апреля 1999 года на последующие пятилетние периоды.</p>"
            "<p>Соглашения, заключаемые в рамках Организации, как правило, действуют в течение срока действия Договора о коллективной безопасности.</p>"
            "<p>На основании статьи 4 Договора Совет коллективной безопасности в январе 2022 года принял решение о направлении Коллективных миротворческих сил ОДКБ в Республику Казахстан.</p>"
        ),
        "body_en": (
            "<h2>Key facts</h2>"
            "<ul><li>Signed in Tashkent on 15 May 1992.</li>"
            "<li>Entered into force on 20 April 1994.</li>"
            "<li>Initial term: five years.</li></ul>"
            "<h2>Extension</h2>"
            "<p>The Protocol on extending the Treaty was signed in Moscow on 2 April 1999. It enters into force on the date the depositary receives the fifth notification that a state has completed its internal procedures, and for a state notifying later, on the date of its notification. The Protocol extends the Treaty from 21 April 1999 for successive five-year periods.</p>"
            "<p>Agreements concluded within the Organization typically remain in force for as long as the Collective Security Treaty.</p>"
            "<p>Under article 4 of the Treaty, the Collective Security Council decided in January 2022 to send the CSTO Collective Peacekeeping Forces to the Republic of Kazakhstan.</p>"
        ),
        "source": "agreements.md (tass.com/archive/678014; pavlodar.com dok=03122; docs.cntd.ru/document/902187679); forces-and-relations.md (urdupoint.com; en.armradio.am; sb.by)",
    },
    {
        "section": "document",
        "date": "2002-10-07",
        "tags": ["agreements", "csc"],
        "title_ru": "Устав Организации Договора о коллективной безопасности",
        "title_en": "Charter of the Collective Security Treaty Organization",
        "summary_ru": "Устав подписан 7 октября 2002 года в Кишинёве, вступил в силу 18 сентября 2003 года и ратифицирован всеми шестью государствами-членами. Изменения в него вносились протоколами 2010 и 2018 годов.",
        "summary_en": "The Charter was signed in Chisinau on 7 October 2002, entered into force on 18 September 2003 and has been ratified by all six member states. It was amended by protocols of 2010 and 2018.",
        "body_ru": (
            "<h2>Основные сведения</h2>"
            "<ul><li>Подписан 7 октября 2002 года в Кишинёве.</li>"
            "<li>Вступил в силу 18 сентября 2003 года.</li>"
            "<li>Ратифицирован всеми шестью государствами-членами: Республикой Армения, Республикой Беларусь, Республикой Казахстан, Кыргызской Республикой, Российской Федерацией и Республикой Таджикистан.</li></ul>"
            "<h2>Изменения</h2>"
            "<p><strong>Протокол о внесении изменений в Устав</strong> подписан 10 декабря 2010 года в Москве и вступил в силу 19 декабря 2012 года. Он ввёл ограниченный формат принятия решений, положения о реагировании на кризисные ситуации и изменения, касающиеся органов Организации.</p>"
            "<p><strong>Протоколы № 2 и № 3</strong> подписаны 8 ноября 2018 года в Астане и вступили в силу 19 января 2021 года. Они предусматривают участие в Совете коллективной безопасности глав правительств, если они уполномочены на это национальным законодательством, а также институты наблюдателей и партнёров.</p>"
            "<p>Решения Совета коллективной безопасности, Совета министров иностранных дел, Совета министров обороны и Комитета секретарей советов безопасности принимаются консенсусом, за исключением процедурных вопросов; каждое государство-член имеет один голос.</p>"
        ),
        "body_en": (
            "<h2>Key facts</h2>"
            "<ul><li>Signed in Chisinau on 7 October 2002.</li>"
            "<li>Entered into force on 18 September 2003.</li>"
            "<li>Ratified by all six member states: Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan.</li></ul>"
            "<h2>Amendments</h2>"
            "<p>The <strong>Protocol amending the Charter</strong> was signed in Moscow on 10 December 2010 and entered into force on 19 December 2012. It introduced the limited format of decision-making, provisions on crisis response and changes concerning the Organization's bodies.</p>"
            "<p><strong>Protocols No. 2 and No. 3</strong> were signed in Astana on 8 November 2018 and entered into force on 19 January 2021. They provide for heads of government to take part in the Collective Security Council where their national law empowers them, and for observers and partners of the Organization.</p>"
            "<p>Decisions of the Collective Security Council, the Council of Foreign Ministers, the Council of Defence Ministers and the Committee of Secretaries of Security Councils are taken by consensus, procedural questions aside; each member state has one vote.</p>"
        ),
        "source": "agreements.md (zakonpravo.kz; docs.cntd.ru 901868280 and 901868266); procedures.md (Charter art. 12; tass.com/world/1382261)",
    },
    {
        "section": "document",
        "date": "2002-10-07",
        "tags": ["agreements"],
        "title_ru": "Соглашение о правовом статусе Организации Договора о коллективной безопасности",
        "title_en": "Agreement on the legal status of the Collective Security Treaty Organization",
        "summary_ru": "Соглашение подписано 7 октября 2002 года и вступило в силу 18 сентября 2003 года. Изменения в него вносились в 2007 и 2018 годах.",
        "summary_en": "The Agreement was signed on 7 October 2002 and entered into force on 18 September 2003. It was amended in 2007 and 2018.",
        "body_ru": (
            "<ul><li>Подписано 7 октября 2002 года.</li>"
            "<li>Вступило в силу 18 сентября 2003 года.</li>"
            "<li>Изменения 2007 года вступили в силу 8 июня 2011 года; новые изменения внесены в 2018 году.</li></ul>"
            "<p>Изменения в соглашения, заключённые в рамках Организации, вносятся отдельными протоколами. Такие протоколы подлежат ратификации и вступают в силу в порядке, предусмотренном основным соглашением.</p>"
            "<p>Функции депозитария выполняет Секретариат ОДКБ. Он хранит единственный подлинный экземпляр на русском языке, направляет государствам заверенные копии, регистрирует уведомления о выполнении внутригосударственных процедур и информирует о них стороны.</p>"
        ),
        "body_en": (
            "<ul><li>Signed on 7 October 2002.</li>"
            "<li>Entered into force on 18 September 2003.</li>"
            "<li>The 2007 amendments entered into force on 8 June 2011; further amendments were made in 2018.</li></ul>"
            "<p>Agreements concluded within the Organization are amended by separate protocols. Such protocols are subject to ratification and enter into force under the clause of the main agreement.</p>"
            "<p>The CSTO Secretariat acts as depositary. It keeps the single original in Russian, sends certified copies to the states, records the notifications of completed internal procedures and informs the parties.</p>"
        ),
        "source": "agreements.md (docs.cntd.ru/document/901868266; cis-legislation.com rgn=76396; docs.cntd.ru)",
    },
    {
        "section": "document",
        "date": "2007-10-06",
        "tags": ["agreements", "peacekeeping"],
        "title_ru": "Соглашение о миротворческой деятельности Организации Договора о коллективной безопасности",
        "title_en": "Agreement on peacekeeping activities of the Collective Security Treaty Organization",
        "summary_ru": "Соглашение подписано 6 октября 2007 года в Душанбе. Протокол к нему от 16 сентября 2021 года вводит институт государства-координатора.",
        "summary_en": "The Agreement was signed in Dushanbe on 6 October 2007. Its Protocol of 16 September 2021 introduces the coordinating state.",
        "body_ru": (
            "<ul><li>Подписано 6 октября 2007 года в Душанбе.</li>"
            "<li>Республика Казахстан ратифицировала Соглашение 24 октября 2008 года, Государственная Дума Федерального Собрания Российской Федерации — 26 декабря 2008 года.</li></ul>"
            "<p>Решение о проведении миротворческой операции на территории государства-члена принимает Совет коллективной безопасности по официальному обращению этого государства; Совет Безопасности ООН незамедлительно информируется. За пределами территорий государств-членов операция проводится на основании решения Совета Безопасности ООН.</p>"
            "<p>В состав Коллективных миротворческих сил входят военный, полицейский и гражданский персонал.</p>"
            "<h2>Протокол 2021 года</h2>"
            "<p>Протокол к Соглашению подписан 16 сентября 2021 года в Душанбе. Он вводит институт государства-координатора, которое организует участие миротворцев ОДКБ в операции ООН. Парламенты всех государств-членов завершили процедуру ратификации, и к середине 2024 года Протокол вступил в силу.</p>"
        ),
        "body_en": (
            "<ul><li>Signed in Dushanbe on 6 October 2007.</li>"
            "<li>Kazakhstan ratified the Agreement on 24 October 2008; the State Duma of the Russian Federation, on 26 December 2008.</li></ul>"
            "<p>A peacekeeping operation on the territory of a member state is decided by the Collective Security Council on that state's official request, and the UN Security Council is informed at once. Outside the member states, an operation is conducted on the basis of a decision of the UN Security Council.</p>"
            "<p>The Collective Peacekeeping Forces consist of military, police and civilian personnel.</p>"
            "<h2>The 2021 Protocol</h2>"
            "<p>The Protocol to the Agreement was signed in Dushanbe on 16 September 2021. It introduces the coordinating state, which organizes CSTO peacekeepers taking part in a UN operation. All parliaments have completed its ratification, and the Protocol was in force by mid-2024.</p>"
        ),
        "source": "agreements.md (zakonpravo.kz; eng.belta.by; asiaplustj.info 2023-05-31; wenewsenglish.com); forces-and-relations.md (en.odkb-csto.org commentary 2023; interfax.com 75196); world-2024.md",
    },
    {
        "section": "document",
        "date": "2009-06-14",
        "tags": ["agreements", "forces"],
        "title_ru": "Соглашение о Коллективных силах оперативного реагирования Организации Договора о коллективной безопасности",
        "title_en": "Agreement on the Collective Rapid Reaction Forces of the Collective Security Treaty Organization",
        "summary_ru": "Соглашение подписано 14 июня 2009 года в Москве и вступило в силу 10 сентября 2010 года.",
        "summary_en": "The Agreement was signed in Moscow on 14 June 2009 and entered into force on 10 September 2010.",
        "body_ru": (
            "<ul><li>Подписано 14 июня 2009 года в Москве.</li>"
            "<li>Вступило в силу 10 сентября 2010 года.</li></ul>"
            "<p>Решение о создании Коллективных сил оперативного реагирования (КСОР) принято 4 февраля 2009 года. В их состав входят воинские контингенты постоянной готовности и формирования сил специального назначения органов полиции, безопасности и ведомств по чрезвычайным ситуациям.</p>"
            "<p>Республика Узбекистан Соглашение не подписала. Государство, которое не намерено участвовать в соглашении, не подписывает его.</p>"
            "<p>Российская Федерация ратифицировала Соглашение в декабре 2010 года, уже после его вступления в силу.</p>"
        ),
        "body_en": (
            "<ul><li>Signed in Moscow on 14 June 2009.</li>"
            "<li>Entered into force on 10 September 2010.</li></ul>"
            "<p>The Collective Rapid Reaction Forces (CRRF) were decided on 4 February 2009. They comprise military contingents of permanent readiness and special-purpose formations of police, security and emergency bodies.</p>"
            "<p>Uzbekistan did not sign the Agreement. A state that does not intend to take part in an agreement does not sign it.</p>"
            "<p>Russia ratified the Agreement in December 2010, after it had already entered into force.</p>"
        ),
        "source": "agreements.md (zakonpravo.kz; uzdaily.com; en.special.kremlin.ru/supplement/3506); forces-and-relations.md (jscsto.odkb-csto.org; kremlin.ru)",
    },
    # ------------------------------------------------------------------ statements
    {
        "section": "statement",
        "date": "2003-09-18",
        "tags": ["agreements"],
        "title_ru": "О вступлении в силу Устава Организации Договора о коллективной безопасности",
        "title_en": "On the entry into force of the Charter of the Collective Security Treaty Organization",
        "summary_ru": "18 сентября 2003 года вступили в силу Устав Организации и Соглашение о правовом статусе Организации от 7 октября 2002 года.",
        "summary_en": "The Charter of the Organization and the Agreement on its legal status of 7 October 2002 entered into force on 18 September 2003.",
        "body_ru": (
            "<p>18 сентября 2003 года вступили в силу Устав Организации Договора о коллективной безопасности, подписанный 7 октября 2002 года в Кишинёве, и Соглашение о правовом статусе Организации от 7 октября 2002 года.</p>"
            "<p>Документы вступили в силу после того, как подписавшие их государства выполнили необходимые внутригосударственные процедуры и направили соответствующие уведомления депозитарию.</p>"
            "<p>Организация основывается на Договоре о коллективной безопасности, подписанном 15 мая 1992 года в Ташкенте и вступившем в силу 20 апреля 1994 года.</p>"
        ),
        "body_en": (
            "<p>The Charter of the Collective Security Treaty Organization, signed in Chisinau on 7 October 2002, and the Agreement on the legal status of the Organization of 7 October 2002 entered into force on 18 September 2003.</p>"
            "<p>The documents entered into force after the signatory states had completed the necessary internal procedures and sent their notifications to the depositary.</p>"
            "<p>The Organization rests on the Collective Security Treaty, signed in Tashkent on 15 May 1992, which entered into force on 20 April 1994.</p>"
        ),
        "source": "agreements.md (zakonpravo.kz; cis-legislation.com rgn=76396; tass.com/archive/678014)",
    },
    {
        "section": "statement",
        "date": "2010-09-10",
        "tags": ["agreements", "forces"],
        "title_ru": "О вступлении в силу Соглашения о Коллективных силах оперативного реагирования",
        "title_en": "On the entry into force of the Agreement on the Collective Rapid Reaction Forces",
        "summary_ru": "10 сентября 2010 года вступило в силу Соглашение о Коллективных силах оперативного реагирования ОДКБ, подписанное 14 июня 2009 года в Москве.",
        "summary_en": "The Agreement on the CSTO Collective Rapid Reaction Forces, signed in Moscow on 14 June 2009, entered into force on 10 September 2010.",
        "body_ru": (
            "<p>10 сентября 2010 года вступило в силу Соглашение о Коллективных силах оперативного реагирования Организации Договора о коллективной безопасности, подписанное 14 июня 2009 года в Москве.</p>"
            "<p>Решение о создании КСОР принято 4 февраля 2009 года. В их состав входят воинские контингенты постоянной готовности, а также формирования сил специального назначения органов полиции, безопасности и ведомств по чрезвычайным ситуациям.</p>"
            "<p>Для государств, которые завершат внутригосударственные процедуры позднее, Соглашение вступит в силу в порядке, предусмотренном его положениями.</p>"
        ),
        "body_en": (
            "<p>The Agreement on the Collective Rapid Reaction Forces of the Collective Security Treaty Organization, signed in Moscow on 14 June 2009, entered into force on 10 September 2010.</p>"
            "<p>The CRRF were decided on 4 February 2009. They comprise military contingents of permanent readiness and special-purpose formations of police, security and emergency bodies.</p>"
            "<p>For states that complete their internal procedures later, the Agreement will enter into force as its provisions lay down.</p>"
        ),
        "source": "agreements.md (zakonpravo.kz; en.special.kremlin.ru/supplement/3506); forces-and-relations.md (jscsto.odkb-csto.org; kremlin.ru)",
    },
    {
        "section": "statement",
        "date": "2012-12-19",
        "tags": ["agreements", "csc"],
        "title_ru": "О вступлении в силу Протокола о внесении изменений в Устав ОДКБ",
        "title_en": "On the entry into force of the Protocol amending the CSTO Charter",
        "summary_ru": "19 декабря 2012 года вступил в силу Протокол о внесении изменений в Устав Организации, подписанный 10 декабря 2010 года в Москве.",
        "summary_en": "The Protocol amending the Charter of the Organization, signed in Moscow on 10 December 2010, entered into force on 19 December 2012.",
        "body_ru": (
            "<p>19 декабря 2012 года вступил в силу Протокол о внесении изменений в Устав Организации Договора о коллективной безопасности от 7 октября 2002 года, подписанный 10 декабря 2010 года в Москве.</p>"
            "<p>Протокол вносит в Устав положения:</p>"
            "<ul><li>об <strong>ограниченном формате</strong>: государство-член может не присоединиться к решению, не возражая против его принятия; в этом случае решение принимается остальными государствами и не является обязательным для воздержавшегося государства;</li>"
            "<li>о реагировании на кризисные ситуации;</li>"
            "<li>об органах Организации.</li></ul>"
        ),
        "body_en": (
            "<p>The Protocol amending the Charter of the Collective Security Treaty Organization of 7 October 2002, signed in Moscow on 10 December 2010, entered into force on 19 December 2012.</p>"
            "<p>The Protocol adds to the Charter provisions:</p>"
            "<ul><li>on the <strong>limited format</strong>: a member state may refrain from joining a decision without objecting to it; the other states then adopt the decision, which does not bind the state that refrained;</li>"
            "<li>on crisis response;</li>"
            "<li>on the bodies of the Organization.</li></ul>"
        ),
        "source": "agreements.md (docs.cntd.ru 901868280); procedures.md (zakon.kz 6433639; armenianclub.com 2018-12-22)",
    },
    {
        "section": "statement",
        "date": "2021-01-19",
        "tags": ["agreements", "csc"],
        "title_ru": "О вступлении в силу Протоколов № 2 и № 3 о внесении изменений в Устав ОДКБ",
        "title_en": "On the entry into force of Protocols No. 2 and No. 3 amending the CSTO Charter",
        "summary_ru": "19 января 2021 года вступили в силу Протоколы № 2 и № 3 о внесении изменений в Устав Организации, подписанные 8 ноября 2018 года в Астане.",
        "summary_en": "Protocols No. 2 and No. 3 amending the Charter of the Organization, signed in Astana on 8 November 2018, entered into force on 19 January 2021.",
        "body_ru": (
            "<p>19 января 2021 года вступили в силу Протоколы № 2 и № 3 о внесении изменений в Устав Организации Договора о коллективной безопасности, подписанные 8 ноября 2018 года в Астане. Протоколы ратифицированы государствами-членами, и депозитарий получил необходимые уведомления.</p>"
            "<p>Протоколы предусматривают:</p>"
            "<ul><li>участие в Совете коллективной безопасности глав правительств государств-членов, если они уполномочены на это национальным законодательством;</li>"
            "<li>институты наблюдателей и партнёров Организации.</li></ul>"
            "<p>Изменения в Устав вносятся отдельными протоколами, которые подлежат ратификации и вступают в силу в порядке, установленном основным документом.</p>"
        ),
        "body_en": (
            "<p>Protocols No. 2 and No. 3 amending the Charter of the Collective Security Treaty Organization, signed in Astana on 8 November 2018, entered into force on 19 January 2021. The member states have ratified the Protocols and the depositary has received the required notifications.</p>"
            "<p>The Protocols provide for:</p>"
            "<ul><li>heads of government of the member states taking part in the Collective Security Council where their national law empowers them;</li>"
            "<li>observers and partners of the Organization.</li></ul>"
            "<p>The Charter is amended by separate protocols, which are subject to ratification and enter into force under the clause of the main document.</p>"
        ),
        "source": "agreements.md (docs.cntd.ru 901868266; zakonpravo.kz); procedures.md",
    },
    {
        "section": "statement",
        "date": "2022-01-06",
        "tags": ["csc", "peacekeeping"],
        "title_ru": "О решении Совета коллективной безопасности ОДКБ в связи с обращением Республики Казахстан",
        "title_en": "On the decision of the CSTO Collective Security Council following the request of the Republic of Kazakhstan",
        "summary_ru": "В ночь на 6 января 2022 года объявлено решение СКБ о направлении Коллективных миротворческих сил ОДКБ в Республику Казахстан на основании статьи 4 Договора о коллективной безопасности.",
        "summary_en": "In the night of 6 January 2022 the CSC announced its decision to send the CSTO Collective Peacekeeping Forces to the Republic of Kazakhstan under article 4 of the Collective Security Treaty.",
        "body_ru": (
            "<p>В ночь на 6 января 2022 года объявлено решение Совета коллективной безопасности ОДКБ о направлении в Республику Казахстан Коллективных миротворческих сил Организации.</p>"
            "<p>Решение принято в связи с официальным обращением Республики Казахстан от 5 января 2022 года на основании статьи 4 Договора о коллективной безопасности.</p>"
            "<p>Решение о проведении миротворческой операции на территории государства-члена принимается Советом коллективной безопасности по официальному обращению этого государства. Совет Безопасности ООН незамедлительно информируется о принятом решении.</p>"
        ),
        "body_en": (
            "<p>In the night of 6 January 2022 the Collective Security Council of the CSTO announced its decision to send the Organization's Collective Peacekeeping Forces to the Republic of Kazakhstan.</p>"
            "<p>The decision was taken on the official request of the Republic of Kazakhstan of 5 January 2022, under article 4 of the Collective Security Treaty.</p>"
            "<p>A peacekeeping operation on the territory of a member state is decided by the Collective Security Council on that state's official request. The UN Security Council is informed of the decision at once.</p>"
        ),
        "source": "forces-and-relations.md (urdupoint.com; en.armradio.am; sb.by; en.odkb-csto.org commentary 2023)",
    },
    {
        "section": "statement",
        "date": "2022-01-19",
        "tags": ["peacekeeping", "secretary-general"],
        "title_ru": "Генеральный секретарь ОДКБ сообщил о завершении миротворческой операции в Республике Казахстан",
        "title_en": "The CSTO Secretary General reports the completion of the peacekeeping operation in the Republic of Kazakhstan",
        "summary_ru": "Вывод Коллективных миротворческих сил ОДКБ из Республики Казахстан, проходивший с 13 по 19 января 2022 года, завершён.",
        "summary_en": "The withdrawal of the CSTO Collective Peacekeeping Forces from the Republic of Kazakhstan, carried out from 13 to 19 January 2022, has been completed.",
        "body_ru": (
            "<p>Генеральный секретарь ОДКБ сообщил о завершении миротворческой операции Коллективных миротворческих сил Организации в Республике Казахстан.</p>"
            "<p>Операция проводилась по решению Совета коллективной безопасности, принятому в связи с обращением Республики Казахстан от 5 января 2022 года. В ней участвовали около 2000 миротворцев из Российской Федерации, Республики Беларусь, Республики Армения, Республики Таджикистан и Кыргызской Республики, которые обеспечивали охрану 14 стратегических объектов.</p>"
            "<p>10 января 2022 года в онлайн-формате состоялась внеочередная сессия Совета коллективной безопасности. После принятия Советом решения о завершении операции вывод контингентов проведён с 13 по 19 января 2022 года.</p>"
        ),
        "body_en": (
            "<p>The Secretary General of the CSTO reported the completion of the operation of the Organization's Collective Peacekeeping Forces in the Republic of Kazakhstan.</p>"
            "<p>The operation was conducted under the decision of the Collective Security Council taken on the request of the Republic of Kazakhstan of 5 January 2022. About 2,000 peacekeepers from Russia, Belarus, Armenia, Tajikistan and Kyrgyzstan took part, guarding 14 strategic sites.</p>"
            "<p>An extraordinary online session of the Collective Security Council was held on 10 January 2022. After the Council decided to complete the operation, the contingents were withdrawn between 13 and 19 January 2022.</p>"
        ),
        "source": "forces-and-relations.md (urdupoint.com; en.armradio.am; sb.by)",
    },
    {
        "section": "statement",
        "date": "2024-03-23",
        "tags": ["counter-terrorism"],
        "title_ru": "Государства — члены ОДКБ осуждают террористический акт в «Крокус Сити Холле»",
        "title_en": "CSTO member states condemn the terrorist attack on Crocus City Hall",
        "summary_ru": "Государства — члены ОДКБ осудили террористический акт, совершённый 22 марта 2024 года в «Крокус Сити Холле» под Москвой.",
        "summary_en": "The CSTO member states condemned the terrorist attack committed on Crocus City Hall near Moscow on 22 March 2024.",
        "body_ru": (
            "<p>Государства — члены Организации Договора о коллективной безопасности решительно осуждают террористический акт, совершённый 22 марта 2024 года в «Крокус Сити Холле» под Москвой.</p>"
            "<p>Государства-члены выражают солидарность с Российской Федерацией и подтверждают готовность совместно противодействовать терроризму во всех его проявлениях.</p>"
            "<p>В рамках Организации работают Рабочая группа по противодействию терроризму и экстремизму, а также операция «Наёмник», направленная на пресечение вербовки граждан в международные террористические организации и перекрытие каналов их выезда и возвращения.</p>"
        ),
        "body_en": (
            "<p>The member states of the Collective Security Treaty Organization strongly condemn the terrorist attack committed on Crocus City Hall near Moscow on 22 March 2024.</p>"
            "<p>The member states express their solidarity with the Russian Federation and confirm their readiness to counter terrorism in all its forms together.</p>"
            "<p>Within the Organization, the working group on countering terrorism and extremism is active, as is Operation Mercenary, which aims to suppress the recruitment of citizens to international terrorist organizations and to close the channels by which they leave and return.</p>"
        ),
        "source": "world-2024.md; operations.md (timesca.com; tass.com/world/1404765)",
    },
    {
        "section": "statement",
        "date": "2024-04-20",
        "tags": ["agreements"],
        "title_ru": "Заявление Секретариата ОДКБ в связи с 30-летием вступления в силу Договора о коллективной безопасности",
        "title_en": "Statement of the CSTO Secretariat on the 30th anniversary of the entry into force of the Collective Security Treaty",
        "summary_ru": "20 апреля 2024 года исполняется 30 лет со дня вступления в силу Договора о коллективной безопасности, подписанного 15 мая 1992 года в Ташкенте.",
        "summary_en": "20 April 2024 marks thirty years since the entry into force of the Collective Security Treaty, signed in Tashkent on 15 May 1992.",
        "body_ru": (
            "<p>20 апреля 2024 года исполняется 30 лет со дня вступления в силу Договора о коллективной безопасности, подписанного 15 мая 1992 года в Ташкенте.</p>"
            "<p>Протоколом от 2 апреля 1999 года действие Договора продлено начиная с 21 апреля 1999 года на последующие пятилетние периоды. Устав Организации вступил в силу 18 сентября 2003 года.</p>"
            "<p>Сегодня в Организацию входят шесть государств: Республика Армения, Республика Беларусь, Республика Казахстан, Кыргызская Республика, Российская Федерация и Республика Таджикистан.</p>"
            "<p>Система коллективной безопасности включает Коллективные силы оперативного реагирования, Коллективные силы быстрого развёртывания Центрально-Азиатского региона, Коллективные миротворческие силы и Коллективные авиационные силы.</p>"
        ),
        "body_en": (
            "<p>20 April 2024 marks thirty years since the entry into force of the Collective Security Treaty, signed in Tashkent on 15 May 1992.</p>"
            "<p>The Protocol of 2 April 1999 extended the Treaty from 21 April 1999 for successive five-year periods. The Charter of the Organization entered into force on 18 September 2003.</p>"
            "<p>Today the Organization has six member states: Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan.</p>"
            "<p>The collective security system comprises the Collective Rapid Reaction Forces, the Collective Rapid Deployment Forces of the Central Asian region, the Collective Peacekeeping Forces and the Collective Aviation Forces.</p>"
        ),
        "source": "agreements.md (tass.com/archive/678014; pavlodar.com dok=03122); world-2024.md; forces-and-relations.md (jscsto.odkb-csto.org)",
    },
    # ------------------------------------------------------------------ news
    {
        "section": "news",
        "date": "2008-09-05",
        "tags": ["channel", "csc"],
        "title_ru": "Операция «Канал» получила статус постоянно действующей",
        "title_en": "Operation Channel becomes permanent",
        "summary_ru": "Совет коллективной безопасности ОДКБ 5 сентября 2008 года придал антинаркотической операции «Канал» статус постоянно действующей региональной операции.",
        "summary_en": "On 5 September 2008 the CSTO Collective Security Council made the anti-drug Operation Channel a permanent regional operation.",
        "body_ru": (
            "<p>Совет коллективной безопасности ОДКБ 5 сентября 2008 года принял решение о придании антинаркотической операции «Канал», проводимой с 2003 года, статуса постоянно действующей региональной операции.</p>"
            "<p>Этапы операции проводятся по плану Координационного совета руководителей компетентных органов по противодействию незаконному обороту наркотиков. В них участвуют органы внутренних дел (полиции), наркоконтроля, пограничные и таможенные службы, органы безопасности и финансовой разведки государств-членов.</p>"
            "<p>Каждый этап имеет кодовое название, принимающую сторону и международный координационный штаб и завершается совещанием по подведению итогов. К операции в качестве наблюдателей могут привлекаться другие государства и международные организации.</p>"
        ),
        "body_en": (
            "<p>On 5 September 2008 the CSTO Collective Security Council decided to make the anti-drug Operation Channel, conducted since 2003, a permanent regional operation.</p>"
            "<p>Its stages follow the plan of the Coordination Council of heads of competent authorities on countering illicit drug trafficking. Police, drug-control, border, customs, security and financial-intelligence agencies of the member states take part.</p>"
            "<p>Each stage has a code name, a host and an international coordination headquarters, and ends with a meeting to sum up the results. Other states and international organizations may take part as observers.</p>"
        ),
        "source": "operations.md (ksopn.odkb-csto.org; unodc.org/rpanc)",
    },
    {
        "section": "news",
        "date": "2008-10-24",
        "tags": ["agreements", "peacekeeping"],
        "title_ru": "Казахстан ратифицировал Соглашение о миротворческой деятельности ОДКБ",
        "title_en": "",
        "summary_ru": "24 октября 2008 года Республика Казахстан ратифицировала Соглашение о миротворческой деятельности ОДКБ, подписанное 6 октября 2007 года в Душанбе.",
        "summary_en": "",
        "body_ru": (
            "<p>24 октября 2008 года Республика Казахстан ратифицировала Соглашение о миротворческой деятельности Организации Договора о коллективной безопасности, подписанное 6 октября 2007 года в Душанбе.</p>"
            "<p>После завершения внутригосударственных процедур государство направляет уведомление депозитарию — Секретариату ОДКБ, который регистрирует уведомления и информирует о них других участников Соглашения.</p>"
            "<p>Процедуры ратификации Соглашения продолжаются в других государствах-членах.</p>"
        ),
        "body_en": "",
        "source": "agreements.md (zakonpravo.kz; cis-legislation.com rgn=76396)",
    },
    {
        "section": "news",
        "date": "2010-03-18",
        "tags": ["un"],
        "title_ru": "Секретариаты ООН и ОДКБ приняли совместную декларацию",
        "title_en": "The UN and CSTO secretariats adopt a joint declaration",
        "summary_ru": "18 марта 2010 года секретариаты Организации Объединённых Наций и ОДКБ приняли совместную декларацию о сотрудничестве.",
        "summary_en": "On 18 March 2010 the secretariats of the United Nations and the CSTO adopted a joint declaration on cooperation.",
        "body_ru": (
            "<p>18 марта 2010 года секретариаты Организации Объединённых Наций и Организации Договора о коллективной безопасности приняли совместную декларацию о сотрудничестве.</p>"
            "<p>ОДКБ имеет статус наблюдателя в Генеральной Ассамблее ООН с 2 декабря 2004 года в соответствии с резолюцией 59/50.</p>"
        ),
        "body_en": (
            "<p>On 18 March 2010 the secretariats of the United Nations and the Collective Security Treaty Organization adopted a joint declaration on cooperation.</p>"
            "<p>The CSTO has held observer status in the UN General Assembly since 2 December 2004 under resolution 59/50.</p>"
        ),
        "source": "forces-and-relations.md (en.odkb-csto.org)",
    },
    {
        "section": "news",
        "date": "2014-12-23",
        "tags": ["csc", "forces"],
        "title_ru": "СКБ утвердил порядок принятия совместных заявлений государств — членов ОДКБ",
        "title_en": "The CSC approves the procedure for joint statements of the CSTO member states",
        "summary_ru": "23 декабря 2014 года Совет коллективной безопасности утвердил порядок принятия совместных заявлений; в тот же день принято решение о создании Коллективных авиационных сил.",
        "summary_en": "On 23 December 2014 the Collective Security Council approved the procedure for adopting joint statements; the Collective Aviation Forces were decided on the same day.",
        "body_ru": (
            "<p>23 декабря 2014 года Совет коллективной безопасности ОДКБ утвердил порядок принятия совместных заявлений государств-членов. В тот же день принято решение о создании Коллективных авиационных сил Организации.</p>"
            "<p>Совместное заявление выражает позицию всех государств-членов. Такие заявления принимаются Советом коллективной безопасности, Советом министров иностранных дел на очередных заседаниях или совместным заседанием СМИД, СМО и КССБ либо оглашаются в ООН и ОБСЕ от имени всех государств-членов.</p>"
            "<p>Коллективные авиационные силы дополнили систему коллективных сил, в которую входят Коллективные силы оперативного реагирования, Коллективные силы быстрого развёртывания Центрально-Азиатского региона и Коллективные миротворческие силы.</p>"
        ),
        "body_en": (
            "<p>On 23 December 2014 the CSTO Collective Security Council approved the procedure for adopting joint statements of the member states. The Organization's Collective Aviation Forces were decided on the same day.</p>"
            "<p>A joint statement speaks for all member states. Joint statements are adopted by the Collective Security Council, by the Council of Foreign Ministers at its regular meetings or by a joint meeting of the CFM, CDM and CSSC, or delivered at the UN or the OSCE on behalf of all member states.</p>"
            "<p>The Collective Aviation Forces join the Collective Rapid Reaction Forces, the Collective Rapid Deployment Forces of the Central Asian region and the Collective Peacekeeping Forces.</p>"
        ),
        "source": "procedures.md (cis-legislation.com rgn=76396; en.inform.kz; tass.com/politics/1077581); forces-and-relations.md (jscsto.odkb-csto.org; kremlin.ru)",
    },
    {
        "section": "news",
        "date": "2016-10-14",
        "tags": ["forces"],
        "title_ru": "Принято решение о создании Кризисного центра ОДКБ",
        "title_en": "CSTO Crisis Response Centre established",
        "summary_ru": "14 октября 2016 года принято решение о создании Кризисного центра ОДКБ в составе Объединённого штаба Организации.",
        "summary_en": "On 14 October 2016 it was decided to establish the CSTO Crisis Response Centre as part of the Organization's Joint Staff.",
        "body_ru": (
            "<p>14 октября 2016 года принято решение о создании Кризисного центра ОДКБ в составе Объединённого штаба Организации.</p>"
            "<p>Центр обеспечивает информационно-аналитическую и техническую поддержку органов ОДКБ для своевременного принятия решений и ведёт мониторинг обстановки в зоне ответственности Организации.</p>"
            "<p>Кризисный центр обменивается документами, данными и видеоинформацией с национальными центрами управления в кризисных ситуациях и центрами управления обороной государств-членов, а также обеспечивает проведение заседаний органов ОДКБ в режиме видеоконференции.</p>"
        ),
        "body_en": (
            "<p>On 14 October 2016 it was decided to establish the CSTO Crisis Response Centre as part of the Organization's Joint Staff.</p>"
            "<p>The Centre gives the CSTO bodies information-analytical and technical support for timely decisions and monitors the situation in the Organization's area of responsibility.</p>"
            "<p>It exchanges documents, data and video with the national crisis and defence control centres of the member states and hosts video sessions of the CSTO bodies.</p>"
        ),
        "source": "situation.md (jscsto.odkb-csto.org; tass.com/russia/768832)",
    },
    {
        "section": "news",
        "date": "2017-11-30",
        "tags": ["migration", "csc", "operations"],
        "title_ru": "СКБ утвердил положение о постоянно действующей операции «Нелегал»",
        "title_en": "The CSC approves the statute of the permanent Operation Illegal",
        "summary_ru": "30 ноября 2017 года Совет коллективной безопасности утвердил положение о постоянно действующей региональной операции «Нелегал» по противодействию незаконной миграции.",
        "summary_en": "On 30 November 2017 the Collective Security Council approved the statute of Illegal, a permanent regional operation against illegal migration.",
        "body_ru": (
            "<p>Совет коллективной безопасности ОДКБ 30 ноября 2017 года утвердил положение о постоянно действующей региональной операции «Нелегал».</p>"
            "<p>Согласованные меры по противодействию незаконной миграции государства-члены проводят с 2008 года. Международный штаб согласовывает план операции в начале года, а активные фазы проходят поэтапно силами национальных межведомственных штабов под руководством Координационного совета по противодействию незаконной миграции.</p>"
            "<p>Результаты оцениваются по таким показателям, как нарушения миграционного законодательства, наложенные штрафы, уголовные дела об организации незаконной миграции и торговле людьми, задержание лиц, находящихся в розыске, подозрительные финансовые операции, выдворение и депортация.</p>"
        ),
        "body_en": (
            "<p>On 30 November 2017 the CSTO Collective Security Council approved the statute of the permanent regional Operation Illegal.</p>"
            "<p>The member states have taken coordinated measures against illegal migration since 2008. The international headquarters agrees the operation plan early in the year; the active phases run in stages, carried out by national inter-agency headquarters under the Coordination Council on countering illegal migration.</p>"
            "<p>Results are measured by indicators such as violations of migration law, fines, criminal cases for organizing illegal migration and human trafficking, wanted persons detained, suspicious financial transactions, deportations and expulsions.</p>"
        ),
        "source": "operations.md (en.odkb-csto.org plan2019; ksbnm.odkb-csto.org)",
    },
    {
        "section": "news",
        "date": "2018-09-14",
        "tags": ["channel", "operations"],
        "title_ru": "Завершён этап «Красная дюна» операции «Канал»",
        "title_en": "The Red Dune stage of Operation Channel completed",
        "summary_ru": "В ходе этапа «Канал — Красная дюна», проходившего 10–14 сентября 2018 года, из незаконного оборота изъято более 9 т наркотиков.",
        "summary_en": "The Channel – Red Dune stage, held on 10–14 September 2018, took over 9 tonnes of drugs out of illicit trafficking.",
        "body_ru": (
            "<p>10–14 сентября 2018 года проведён этап «Красная дюна» международной антинаркотической операции «Канал». Международный координационный штаб работал в Шымкенте.</p>"
            "<p>В ходе этапа из незаконного оборота изъято более 9 т наркотиков, в том числе:</p>"
            "<ul><li>5 т опиатов;</li><li>38 кг героина;</li><li>2 т синтетических наркотиков;</li><li>800 кг гашиша;</li><li>более 830 кг марихуаны.</li></ul>"
            "<p>Для сравнения: в 2017 году в ходе четырёх этапов операции изъято 20,5 т наркотиков.</p>"
        ),
        "body_en": (
            "<p>The Red Dune stage of the international anti-drug Operation Channel was held on 10–14 September 2018. The international coordination headquarters worked in Shymkent.</p>"
            "<p>Over 9 tonnes of drugs were seized, including:</p>"
            "<ul><li>5 t of opiates;</li><li>38 kg of heroin;</li><li>2 t of synthetic drugs;</li><li>800 kg of hashish;</li><li>over 830 kg of marijuana.</li></ul>"
            "<p>For comparison, the four stages of 2017 seized 20.5 tonnes of drugs.</p>"
        ),
        "source": "operations.md; caricc.org item 727; tass.com/defense/989017",
    },
    {
        "section": "news",
        "date": "2018-09-25",
        "tags": ["migration", "operations"],
        "title_ru": "Завершён второй этап операции «Нелегал» 2018 года",
        "title_en": "Second stage of Operation Illegal 2018 completed",
        "summary_ru": "В ходе двух этапов операции «Нелегал» в 2018 году выявлено более 143 000 нарушений миграционного законодательства и возбуждено 3615 уголовных дел об организации незаконной миграции.",
        "summary_en": "The two stages of Operation Illegal in 2018 revealed over 143,000 violations of migration law and 3,615 criminal cases of organizing illegal migration.",
        "body_ru": (
            "<p>25 сентября 2018 года завершился второй этап активной фазы операции «Нелегал», проходивший с 17 сентября. Первый этап был проведён 15–23 мая.</p>"
            "<p>По итогам проведённых в 2018 году этапов:</p>"
            "<ul><li>выявлено более 143 000 нарушений миграционного законодательства, в том числе более 110 000 — порядка въезда, выезда и пребывания, более 33 000 — в сфере трудовой деятельности;</li>"
            "<li>наложено штрафов на сумму около 5 млн долларов США;</li>"
            "<li>возбуждено 3615 уголовных дел по фактам организации незаконной миграции;</li>"
            "<li>задержано 443 лица, находившихся в розыске;</li>"
            "<li>выявлено 399 подозрительных финансовых операций на сумму свыше 2 млн долларов США;</li>"
            "<li>возбуждено 2665 уголовных дел о преступлениях, связанных с наркотиками, 238 — о незаконном пересечении границы, 30 — экстремистской и террористической направленности.</li></ul>"
        ),
        "body_en": (
            "<p>The second stage of the active phase of Operation Illegal, held from 17 September, ended on 25 September 2018. The first stage took place on 15–23 May.</p>"
            "<p>The stages held in 2018 brought the following results:</p>"
            "<ul><li>over 143,000 violations of migration law, including over 110,000 of the rules of entry, exit and stay and over 33,000 in labour;</li>"
            "<li>fines of about US$5 million;</li>"
            "<li>3,615 criminal cases of organizing illegal migration;</li>"
            "<li>443 wanted persons detained;</li>"
            "<li>399 suspicious financial transactions worth over US$2 million;</li>"
            "<li>2,665 drug cases, 238 cases of illegal border crossing and 30 cases of extremism and terrorism.</li></ul>"
        ),
        "source": "operations.md (en.odkb-csto.org plan2019; eurasia.expert 32523)",
    },
    {
        "section": "news",
        "date": "2019-03-01",
        "tags": ["channel", "operations"],
        "title_ru": "Подведены итоги этапа «Центр» операции «Канал»",
        "title_en": "Results of the Center stage of Operation Channel",
        "summary_ru": "В ходе этапа «Канал — Центр», проходившего с 26 февраля по 1 марта 2019 года, изъято более 11 т наркотиков.",
        "summary_en": "The Channel – Center stage, held from 26 February to 1 March 2019, seized over 11 tonnes of drugs.",
        "body_ru": (
            "<p>1 марта 2019 года завершился этап «Центр» международной антинаркотической операции «Канал», проходивший с 26 февраля.</p>"
            "<p>В ходе этапа из незаконного оборота изъято более 11 т наркотиков.</p>"
            "<p>Результаты каждого этапа сводятся на основе данных, представленных государствами-членами: изъятия по видам наркотиков, прекурсоры, выявленные наркопреступления и факты контрабанды, ликвидированные группы и нарколаборатории, задержанные лица, изъятое оружие и боеприпасы, выявленные сайты с наркосодержащей информацией.</p>"
        ),
        "body_en": (
            "<p>The Center stage of the international anti-drug Operation Channel, held from 26 February, ended on 1 March 2019.</p>"
            "<p>Over 11 tonnes of drugs were seized during the stage.</p>"
            "<p>The results of each stage are consolidated from the figures the member states report: seizures by substance, precursors, drug crimes and smuggling cases detected, groups and laboratories dismantled, persons detained, firearms and ammunition seized, and websites with drug content identified.</p>"
        ),
        "source": "operations.md (en.odkb-csto.org itogi2019)",
    },
    {
        "section": "news",
        "date": "2021-08-23",
        "tags": ["csc", "afghanistan", "border"],
        "title_ru": "Внеочередная сессия СКБ рассмотрела ситуацию в Афганистане",
        "title_en": "Extraordinary CSC session on Afghanistan",
        "summary_ru": "23 августа 2021 года в онлайн-формате состоялась внеочередная сессия Совета коллективной безопасности, посвящённая ситуации в Афганистане.",
        "summary_en": "An extraordinary online session of the Collective Security Council on the situation in Afghanistan was held on 23 August 2021.",
        "body_ru": (
            "<p>23 августа 2021 года в онлайн-формате состоялась внеочередная сессия Совета коллективной безопасности ОДКБ, посвящённая ситуации в Афганистане.</p>"
            "<p>Участники сессии договорились ускорить работу над Целевой межгосударственной программой укрепления таджикско-афганской границы. Решение о разработке программы Совет коллективной безопасности принял 23 сентября 2013 года.</p>"
            "<p>Протяжённость границы Таджикистана с Афганистаном составляет, по данным ТАСС, 1344 км.</p>"
        ),
        "body_en": (
            "<p>An extraordinary online session of the CSTO Collective Security Council on the situation in Afghanistan was held on 23 August 2021.</p>"
            "<p>The participants agreed to speed up work on the Target Intergovernmental Programme for strengthening the Tajik–Afghan border. The Collective Security Council decided to develop the programme on 23 September 2013.</p>"
            "<p>Tajikistan's border with Afghanistan is 1,344 km long, according to TASS.</p>"
        ),
        "source": "situation.md (fergana.media 137466; tass.com/politics/1906035); procedures.md (interfax.com 25625; jam-news.net)",
    },
    {
        "section": "news",
        "date": "2022-01-10",
        "tags": ["csc", "peacekeeping"],
        "title_ru": "Внеочередная сессия СКБ по ситуации в Республике Казахстан",
        "title_en": "Extraordinary CSC session on the situation in Kazakhstan",
        "summary_ru": "10 января 2022 года в онлайн-формате состоялась внеочередная сессия Совета коллективной безопасности ОДКБ, посвящённая ситуации в Республике Казахстан.",
        "summary_en": "An extraordinary online session of the CSTO Collective Security Council on the situation in Kazakhstan was held on 10 January 2022.",
        "body_ru": (
            "<p>10 января 2022 года в онлайн-формате состоялась внеочередная сессия Совета коллективной безопасности ОДКБ, посвящённая ситуации в Республике Казахстан.</p>"
            "<p>Коллективные миротворческие силы ОДКБ направлены в Казахстан по решению Совета, объявленному в ночь на 6 января на основании статьи 4 Договора о коллективной безопасности, в ответ на обращение Республики Казахстан от 5 января.</p>"
            "<p>В составе сил — около 2000 миротворцев из Российской Федерации, Республики Беларусь, Республики Армения, Республики Таджикистан и Кыргызской Республики. Они обеспечивают охрану 14 стратегических объектов.</p>"
        ),
        "body_en": (
            "<p>An extraordinary online session of the CSTO Collective Security Council on the situation in the Republic of Kazakhstan was held on 10 January 2022.</p>"
            "<p>The CSTO Collective Peacekeeping Forces were sent to Kazakhstan under the Council's decision announced in the night of 6 January under article 4 of the Collective Security Treaty, in response to Kazakhstan's request of 5 January.</p>"
            "<p>The forces number about 2,000 peacekeepers from Russia, Belarus, Armenia, Tajikistan and Kyrgyzstan. They guard 14 strategic sites.</p>"
        ),
        "source": "forces-and-relations.md (urdupoint.com; en.armradio.am; sb.by); procedures.md (jam-news.net)",
    },
    {
        "section": "news",
        "date": "2022-04-01",
        "tags": ["afghanistan", "cfm"],
        "title_ru": "Состоялось 35-е заседание Рабочей группы по Афганистану при СМИД ОДКБ",
        "title_en": "35th meeting of the Working Group on Afghanistan under the CSTO CFM",
        "summary_ru": "1 апреля 2022 года в Секретариате ОДКБ прошло 35-е заседание Рабочей группы по Афганистану при Совете министров иностранных дел.",
        "summary_en": "The 35th meeting of the Working Group on Afghanistan under the Council of Foreign Ministers was held at the CSTO Secretariat on 1 April 2022.",
        "body_ru": (
            "<p>1 апреля 2022 года в Секретариате ОДКБ состоялось 35-е заседание Рабочей группы по Афганистану при Совете министров иностранных дел ОДКБ.</p>"
            "<p>В заседании приняли участие делегации государств-членов и заместители Генерального секретаря ОДКБ. Участники обсудили обстановку в сфере безопасности и социально-экономическое положение в Афганистане, а также вопросы подготовки кадров правоохранительных, таможенных и антинаркотических служб.</p>"
            "<p>По итогам заседания подписан протокол и утверждён план работы группы на следующее полугодие.</p>"
        ),
        "body_en": (
            "<p>The 35th meeting of the Working Group on Afghanistan under the CSTO Council of Foreign Ministers was held at the CSTO Secretariat on 1 April 2022.</p>"
            "<p>Delegations of the member states and the Deputy Secretaries General of the CSTO took part. The participants discussed the security and socio-economic situation in Afghanistan and the training of law-enforcement, customs and anti-drug staff.</p>"
            "<p>The meeting adopted its minutes and the group's work plan for the next half-year.</p>"
        ),
        "source": "situation.md (ariananews.af; ecrats.org)",
    },
    {
        "section": "news",
        "date": "2022-04-13",
        "tags": ["agreements", "peacekeeping"],
        "title_ru": "Совет Федерации одобрил закон о ратификации Протокола о государстве-координаторе",
        "title_en": "Russia's Federation Council approves the ratification of the coordinating-state Protocol",
        "summary_ru": "13 апреля 2022 года Совет Федерации одобрил закон о ратификации Протокола к Соглашению о миротворческой деятельности ОДКБ; Государственная Дума ратифицировала Протокол 5 апреля.",
        "summary_en": "On 13 April 2022 the Federation Council approved the law ratifying the Protocol to the CSTO Agreement on peacekeeping activities; the State Duma ratified it on 5 April.",
        "body_ru": (
            "<p>13 апреля 2022 года Совет Федерации Федерального Собрания Российской Федерации одобрил закон о ратификации Протокола от 16 сентября 2021 года к Соглашению о миротворческой деятельности ОДКБ от 6 октября 2007 года. Государственная Дума ратифицировала Протокол 5 апреля 2022 года.</p>"
            "<p>Протокол, подписанный в Душанбе, вводит институт государства-координатора, которое организует участие миротворцев ОДКБ в операции ООН.</p>"
            "<p>Как правило, внутригосударственные процедуры включают внесение документа правительством, его ратификацию нижней палатой парламента, одобрение верхней палатой и подписание закона президентом. После этого государство направляет уведомление депозитарию — Секретариату ОДКБ.</p>"
        ),
        "body_en": (
            "<p>On 13 April 2022 the Federation Council of the Russian Federation approved the law on the ratification of the Protocol of 16 September 2021 to the CSTO Agreement on peacekeeping activities of 6 October 2007. The State Duma ratified the Protocol on 5 April 2022.</p>"
            "<p>The Protocol, signed in Dushanbe, introduces the coordinating state, which organizes CSTO peacekeepers taking part in a UN operation.</p>"
            "<p>Internal procedures typically run as follows: the government submits the instrument, the lower chamber ratifies it, the upper chamber approves and the president signs the law. The state then sends a notification to the depositary, the CSTO Secretariat.</p>"
        ),
        "source": "agreements.md (eng.belta.by; cis-legislation.com rgn=76396; docs.cntd.ru)",
    },
    {
        "section": "news",
        "date": "2023-01-01",
        "tags": ["secretary-general"],
        "title_ru": "Имангали Тасмагамбетов приступил к обязанностям Генерального секретаря ОДКБ",
        "title_en": "Imangali Tasmagambetov takes office as CSTO Secretary General",
        "summary_ru": "С 1 января 2023 года обязанности Генерального секретаря ОДКБ исполняет Имангали Тасмагамбетов (Республика Казахстан); срок его полномочий — по 31 декабря 2025 года.",
        "summary_en": "Imangali Tasmagambetov (Kazakhstan) has served as CSTO Secretary General since 1 January 2023; his term runs until 31 December 2025.",
        "body_ru": (
            "<p>1 января 2023 года к исполнению обязанностей Генерального секретаря Организации Договора о коллективной безопасности приступил Имангали Тасмагамбетов (Республика Казахстан). Срок его полномочий истекает 31 декабря 2025 года.</p>"
            "<p>Генеральный секретарь назначается Советом коллективной безопасности по рекомендации Совета министров иностранных дел сроком на три года из числа граждан государств-членов. Решение о назначении подписывают главы всех шести государств.</p>"
            "<p>После каждой сессии Совета коллективной безопасности Генеральный секретарь совместно с Постоянным советом готовит план мероприятий по реализации её решений, который утверждает Председатель СКБ.</p>"
        ),
        "body_en": (
            "<p>Imangali Tasmagambetov (Kazakhstan) took office as Secretary General of the Collective Security Treaty Organization on 1 January 2023. His term ends on 31 December 2025.</p>"
            "<p>The Secretary General is appointed by the Collective Security Council on the recommendation of the Council of Foreign Ministers for three years, from among the citizens of the member states. The appointment must be signed by the heads of all six states.</p>"
            "<p>After each session of the Collective Security Council, the Secretary General and the Permanent Council draft an action plan to implement its decisions, which the CSC chairman approves.</p>"
        ),
        "source": "world-2024.md; procedures.md (tass.com/politics/2058773; armenianclub.com 2018-12-22; cis-legislation.com rgn=32982)",
    },
    {
        "section": "news",
        "date": "2023-04-27",
        "tags": ["afghanistan", "cfm"],
        "title_ru": "Рабочая группа по Афганистану провела 37-е заседание",
        "title_en": "The Working Group on Afghanistan holds its 37th meeting",
        "summary_ru": "27 апреля 2023 года в Секретариате ОДКБ состоялось 37-е заседание Рабочей группы по Афганистану при СМИД.",
        "summary_en": "The 37th meeting of the Working Group on Afghanistan under the CFM was held at the CSTO Secretariat on 27 April 2023.",
        "body_ru": (
            "<p>27 апреля 2023 года в Секретариате ОДКБ прошло 37-е заседание Рабочей группы по Афганистану при Совете министров иностранных дел ОДКБ.</p>"
            "<p>Рабочая группа ведёт мониторинг угроз, исходящих с территории Афганистана, и координирует меры реагирования на них. Заседания проходят примерно два раза в год с участием делегаций государств-членов и заместителей Генерального секретаря ОДКБ.</p>"
            "<p>К работе группы в разные годы привлекались Контртеррористическое управление ООН, Региональный центр ООН по превентивной дипломатии для Центральной Азии, Антитеррористический центр СНГ, Региональная антитеррористическая структура ШОС и Международный комитет Красного Креста.</p>"
            "<p>По итогам заседания утверждён план работы на следующее полугодие.</p>"
        ),
        "body_en": (
            "<p>The 37th meeting of the Working Group on Afghanistan under the CSTO Council of Foreign Ministers was held at the CSTO Secretariat on 27 April 2023.</p>"
            "<p>The group monitors the threats coming from Afghanistan and coordinates the response. It meets about twice a year, with delegations of the member states and the Deputy Secretaries General of the CSTO.</p>"
            "<p>Over the years its guests have included the UN Office of Counter-Terrorism, the UN Regional Centre for Preventive Diplomacy for Central Asia, the CIS Anti-Terrorism Centre, the SCO Regional Anti-Terrorist Structure and the International Committee of the Red Cross.</p>"
            "<p>The meeting adopted the work plan for the next half-year.</p>"
        ),
        "source": "situation.md (ariananews.af; ecrats.org); world-2024.md",
    },
    {
        "section": "news",
        "date": "2023-09-15",
        "tags": ["channel", "operations"],
        "title_ru": "Подведены итоги этапа «Перехват» операции «Канал»",
        "title_en": "Results of the Interception stage of Operation Channel",
        "summary_ru": "В ходе этапа «Канал — Перехват», проходившего 11–15 сентября 2023 года, изъято более 897 кг наркотиков, выявлено 854 наркопреступления и 444 сайта с наркосодержащей информацией.",
        "summary_en": "The Channel – Interception stage, held on 11–15 September 2023, seized over 897 kg of drugs and detected 854 drug crimes and 444 websites with drug content.",
        "body_ru": (
            "<p>11–15 сентября 2023 года проведён этап «Перехват» международной антинаркотической операции «Канал». Международный координационный штаб работал в Алматы на базе Центрально-Азиатского регионального информационного координационного центра (ЦАРИКЦ).</p>"
            "<p>Итоги этапа:</p>"
            "<ul><li>изъято более 897 кг наркотиков, в том числе 61,5 кг мефедрона, 2,8 кг MDMA, 12,2 кг α-PVP, 237 кг марихуаны, 301 кг гашиша и 2,5 кг героина;</li>"
            "<li>изъято более 34 кг прекурсоров;</li>"
            "<li>выявлено 854 наркопреступления и 4 нарколаборатории;</li>"
            "<li>задержано 399 человек, в том числе 44 лица, находившихся в розыске;</li>"
            "<li>изъято 48 единиц огнестрельного оружия и около 2773 патронов;</li>"
            "<li>выявлено 444 сайта с наркосодержащей информацией.</li></ul>"
        ),
        "body_en": (
            "<p>The Interception stage of the international anti-drug Operation Channel was held on 11–15 September 2023. The international coordination headquarters worked in Almaty at the Central Asian Regional Information and Coordination Centre (CARICC).</p>"
            "<p>Results of the stage:</p>"
            "<ul><li>over 897 kg of drugs seized, including 61.5 kg of mephedrone, 2.8 kg of MDMA, 12.2 kg of α-PVP, 237 kg of marijuana, 301 kg of hashish and 2.5 kg of heroin;</li>"
            "<li>over 34 kg of precursors seized;</li>"
            "<li>854 drug crimes and 4 laboratories detected;</li>"
            "<li>399 persons detained, including 44 wanted persons;</li>"
            "<li>48 firearms and about 2,773 rounds of ammunition seized;</li>"
            "<li>444 websites with drug content identified.</li></ul>"
        ),
        "source": "operations.md; caricc.org item 2248",
    },
    {
        "section": "news",
        "date": "2023-11-22",
        "tags": ["agreements", "peacekeeping"],
        "title_ru": "Парламент Кыргызстана ратифицировал Протокол к Соглашению о миротворческой деятельности",
        "title_en": "Kyrgyzstan's parliament ratifies the Protocol to the peacekeeping Agreement",
        "summary_ru": "22 ноября 2023 года парламент Кыргызской Республики ратифицировал Протокол от 16 сентября 2021 года, вводящий институт государства-координатора.",
        "summary_en": "On 22 November 2023 the parliament of Kyrgyzstan ratified the Protocol of 16 September 2021 introducing the coordinating state.",
        "body_ru": (
            "<p>22 ноября 2023 года парламент Кыргызской Республики ратифицировал Протокол от 16 сентября 2021 года к Соглашению о миротворческой деятельности ОДКБ от 6 октября 2007 года.</p>"
            "<p>К февралю 2023 года Протокол ратифицировали Республика Беларусь, Российская Федерация и Республика Таджикистан. В мае 2023 года Протокол ратифицировал Мажилис Парламента Республики Казахстан.</p>"
            "<p>Протокол вводит институт государства-координатора, которое организует участие миротворцев ОДКБ в миротворческой операции ООН.</p>"
        ),
        "body_en": (
            "<p>On 22 November 2023 the parliament of the Kyrgyz Republic ratified the Protocol of 16 September 2021 to the CSTO Agreement on peacekeeping activities of 6 October 2007.</p>"
            "<p>Belarus, Russia and Tajikistan had ratified the Protocol by February 2023, and the Mazhilis of Kazakhstan's Parliament ratified it in May 2023.</p>"
            "<p>The Protocol introduces the coordinating state, which organizes CSTO peacekeepers taking part in a UN peacekeeping operation.</p>"
        ),
        "source": "agreements.md (wenewsenglish.com; eng.belta.by; asiaplustj.info 2023-05-31)",
    },
    {
        "section": "news",
        "date": "2023-11-23",
        "tags": ["csc", "chairmanship"],
        "title_ru": "В Минске состоялась сессия Совета коллективной безопасности ОДКБ",
        "title_en": "CSTO Collective Security Council session held in Minsk",
        "summary_ru": "23 ноября 2023 года в Минске под председательством Республики Беларусь прошла сессия СКБ; Республика Армения в ней не участвовала.",
        "summary_en": "The CSC held its session in Minsk on 23 November 2023 under the chairmanship of Belarus; Armenia did not attend.",
        "body_ru": (
            "<p>23 ноября 2023 года в Минске под председательством Республики Беларусь состоялась сессия Совета коллективной безопасности ОДКБ.</p>"
            "<p>Республика Армения в сессии не участвовала. Белорусская сторона констатировала отсутствие кворума, подчеркнув вместе с тем легитимность принятых решений. Решения направлены Армении, чтобы она могла к ним присоединиться: государство, не участвовавшее в сессии, может присоединиться к решению позднее, подписав его.</p>"
            "<p>С 1 января 2024 года председательство в Организации переходит к Республике Казахстан.</p>"
        ),
        "body_en": (
            "<p>The session of the CSTO Collective Security Council was held in Minsk on 23 November 2023 under the chairmanship of the Republic of Belarus.</p>"
            "<p>Armenia did not attend. Belarus called this a lack of quorum, while stressing that the decisions taken were legitimate. The decisions were sent to Armenia so that it could join them: a state absent from a session may join a decision later by signing it.</p>"
            "<p>From 1 January 2024 the chairmanship of the Organization passes to the Republic of Kazakhstan.</p>"
        ),
        "source": "procedures.md (asiaplustj.info node/331293; tass.com/world/1382261); world-2024.md",
    },
    {
        "section": "news",
        "date": "2023-12-07",
        "tags": ["afghanistan", "cfm"],
        "title_ru": "Рабочая группа по Афганистану при СМИД ОДКБ подвела итоги года",
        "title_en": "",
        "summary_ru": "7 декабря 2023 года в Секретариате ОДКБ состоялось 38-е заседание Рабочей группы по Афганистану при Совете министров иностранных дел.",
        "summary_en": "",
        "body_ru": (
            "<p>7 декабря 2023 года в Секретариате ОДКБ прошло 38-е заседание Рабочей группы по Афганистану при Совете министров иностранных дел ОДКБ.</p>"
            "<p>Делегации государств-членов и заместители Генерального секретаря ОДКБ рассмотрели обстановку в сфере безопасности и социально-экономическое положение в Афганистане, который остаётся главным источником нестабильности для Центральной Азии, а также вопросы подготовки кадров правоохранительных, таможенных и антинаркотических служб.</p>"
            "<p>По итогам заседания подписан протокол и утверждён план работы группы на первое полугодие 2024 года.</p>"
        ),
        "body_en": "",
        "source": "situation.md (ariananews.af; ecrats.org); world-2024.md",
    },
    {
        "section": "news",
        "date": "2024-01-01",
        "tags": ["chairmanship"],
        "title_ru": "Председательство в ОДКБ перешло к Республике Казахстан",
        "title_en": "Kazakhstan takes over the CSTO chairmanship",
        "summary_ru": "С 1 января 2024 года Республика Казахстан председательствует в Организации Договора о коллективной безопасности; председательство проходит под знаком преемственности и последовательности.",
        "summary_en": "Kazakhstan has chaired the Collective Security Treaty Organization since 1 January 2024, under the theme of continuity and consistency.",
        "body_ru": (
            "<p>С 1 января 2024 года председательство в Организации Договора о коллективной безопасности осуществляет Республика Казахстан. Председательство проходит под знаком преемственности и последовательности.</p>"
            "<p>Председательство ежегодно переходит от одного государства к другому в порядке русского алфавита: 2022 год — Армения, 2023 год — Беларусь, 2024 год — Казахстан, 2025 год — Кыргызстан, 2026 год — Россия. Начиная с 2024 года год председательства отсчитывается с 1 января.</p>"
            "<p>Глава председательствующего государства председательствует в Совете коллективной безопасности, его министры — в Совете министров иностранных дел, Совете министров обороны и Комитете секретарей советов безопасности, постоянный представитель — в Постоянном совете.</p>"
        ),
        "body_en": (
            "<p>Since 1 January 2024 the Republic of Kazakhstan has chaired the Collective Security Treaty Organization, under the theme of continuity and consistency.</p>"
            "<p>The chairmanship rotates yearly in the order of the Russian alphabet: 2022 Armenia, 2023 Belarus, 2024 Kazakhstan, 2025 Kyrgyzstan, 2026 Russia. From 2024 the chairmanship year runs from 1 January.</p>"
            "<p>The head of the chairing state chairs the Collective Security Council; its ministers chair the Council of Foreign Ministers, the Council of Defence Ministers and the Committee of Secretaries of Security Councils; its permanent representative chairs the Permanent Council.</p>"
        ),
        "source": "world-2024.md; procedures.md (tass.com/world/1382261; qazinform.com)",
    },
    {
        "section": "news",
        "date": "2024-05-31",
        "tags": ["cdm", "forces"],
        "title_ru": "Совет министров обороны ОДКБ принял план совместной подготовки на 2025 год",
        "title_en": "The CSTO Council of Defence Ministers adopts the joint training plan for 2025",
        "summary_ru": "31 мая 2024 года состоялось заседание Совета министров обороны ОДКБ, на котором принят план совместной подготовки органов управления и формирований системы коллективной безопасности на 2025 год.",
        "summary_en": "The CSTO Council of Defence Ministers met on 31 May 2024 and adopted the joint plan for training the control bodies and formations of the collective security system for 2025.",
        "body_ru": (
            "<p>31 мая 2024 года состоялось заседание Совета министров обороны ОДКБ. В соответствии с порядком председательства заседание провёл министр обороны Республики Казахстан.</p>"
            "<p>Министры приняли план совместной подготовки органов управления и формирований сил и средств системы коллективной безопасности на 2025 год.</p>"
            "<p>Совместная подготовка ведётся по ежегодному плану, который утверждают Совет министров обороны и Комитет секретарей советов безопасности. Консультации по планированию на следующий год проводятся в декабре в Объединённом штабе ОДКБ.</p>"
        ),
        "body_en": (
            "<p>The CSTO Council of Defence Ministers met on 31 May 2024. In line with the chairmanship, the meeting was chaired by the Minister of Defence of the Republic of Kazakhstan.</p>"
            "<p>The ministers adopted the joint plan for training the control bodies and formations of the collective security system for 2025.</p>"
            "<p>Joint training follows an annual plan approved by the Council of Defence Ministers and the Committee of Secretaries of Security Councils. Planning consultations for the next year take place at the CSTO Joint Staff in December.</p>"
        ),
        "source": "world-2024.md; forces-and-relations.md (tass.com/defense/1666189; gazeta.kg 169588); procedures.md (tass.com/world/1382261)",
    },
    {
        "section": "news",
        "date": "2024-11-28",
        "tags": ["csc", "border", "chairmanship"],
        "title_ru": "Сессия СКБ в Астане приняла программу укрепления таджикско-афганской границы",
        "title_en": "CSC session in Astana adopts the Tajik–Afghan border programme",
        "summary_ru": "28 ноября 2024 года в Астане Совет коллективной безопасности ОДКБ принял Целевую межгосударственную программу укрепления таджикско-афганской границы сроком на пять лет.",
        "summary_en": "On 28 November 2024 in Astana the CSTO Collective Security Council adopted the five-year Target Intergovernmental Programme for strengthening the Tajik–Afghan border.",
        "body_ru": (
            "<p>28 ноября 2024 года в Астане под председательством Республики Казахстан состоялась сессия Совета коллективной безопасности ОДКБ.</p>"
            "<p>Совет принял Целевую межгосударственную программу укрепления таджикско-афганской границы. Программа рассчитана на пять лет; государственным заказчиком-координатором выступает Республика Таджикистан.</p>"
            "<p>По итогам сессии Генеральный секретарь и Постоянный совет подготовят план мероприятий по реализации принятых решений, который утверждает Председатель Совета коллективной безопасности.</p>"
            "<p>С 1 января 2025 года председательство в Организации переходит к Кыргызской Республике.</p>"
        ),
        "body_en": (
            "<p>The session of the CSTO Collective Security Council was held in Astana on 28 November 2024 under the chairmanship of the Republic of Kazakhstan.</p>"
            "<p>The Council adopted the Target Intergovernmental Programme for strengthening the Tajik–Afghan border. The programme runs for five years, with Tajikistan as customer-coordinator.</p>"
            "<p>Following the session, the Secretary General and the Permanent Council will draft an action plan to implement its decisions, to be approved by the chairman of the Collective Security Council.</p>"
            "<p>From 1 January 2025 the chairmanship of the Organization passes to the Kyrgyz Republic.</p>"
        ),
        "source": "situation.md (fergana.media 137466; tass.com/politics/1906035); world-2024.md; procedures.md (cis-legislation.com rgn=32982)",
    },
    {
        "section": "news",
        "date": "2024-12-11",
        "tags": ["afghanistan", "cfm"],
        "title_ru": "Состоялось 40-е заседание Рабочей группы по Афганистану при СМИД ОДКБ",
        "title_en": "40th meeting of the Working Group on Afghanistan under the CSTO CFM",
        "summary_ru": "11 декабря 2024 года в Секретариате ОДКБ прошло 40-е заседание Рабочей группы по Афганистану; утверждён план работы на первое полугодие 2025 года.",
        "summary_en": "The 40th meeting of the Working Group on Afghanistan was held at the CSTO Secretariat on 11 December 2024 and adopted the work plan for the first half of 2025.",
        "body_ru": (
            "<p>11 декабря 2024 года в Секретариате ОДКБ состоялось 40-е заседание Рабочей группы по Афганистану при Совете министров иностранных дел ОДКБ.</p>"
            "<p>Участники рассмотрели обстановку в сфере безопасности и социально-экономическое положение в Афганистане, а также ход подготовки кадров правоохранительных, таможенных и антинаркотических служб.</p>"
            "<p>Заседание прошло вскоре после того, как Совет коллективной безопасности 28 ноября 2024 года принял Целевую межгосударственную программу укрепления таджикско-афганской границы.</p>"
            "<p>По итогам заседания подписан протокол и утверждён план работы группы на первое полугодие 2025 года.</p>"
        ),
        "body_en": (
            "<p>The 40th meeting of the Working Group on Afghanistan under the CSTO Council of Foreign Ministers was held at the CSTO Secretariat on 11 December 2024.</p>"
            "<p>The participants reviewed the security and socio-economic situation in Afghanistan and the training of law-enforcement, customs and anti-drug staff.</p>"
            "<p>The meeting came shortly after the Collective Security Council adopted the Target Intergovernmental Programme for strengthening the Tajik–Afghan border on 28 November 2024.</p>"
            "<p>The meeting adopted its minutes and the group's work plan for the first half of 2025.</p>"
        ),
        "source": "situation.md (ariananews.af; ecrats.org; fergana.media 137466)",
    },
    {
        "section": "news",
        "date": "2025-01-01",
        "tags": ["chairmanship"],
        "title_ru": "Председательство в ОДКБ перешло к Кыргызской Республике",
        "title_en": "Kyrgyzstan takes over the CSTO chairmanship",
        "summary_ru": "С 1 января 2025 года в Организации Договора о коллективной безопасности председательствует Кыргызская Республика.",
        "summary_en": "The Kyrgyz Republic has chaired the Collective Security Treaty Organization since 1 January 2025.",
        "body_ru": (
            "<p>С 1 января 2025 года председательство в Организации Договора о коллективной безопасности перешло от Республики Казахстан к Кыргызской Республике.</p>"
            "<p>Председательство переходит ежегодно в порядке русского алфавита; в 2026 году председательствовать в Организации будет Российская Федерация.</p>"
            "<p>В 2025 году начинается первый этап Целевой межгосударственной программы укрепления таджикско-афганской границы: Республика Таджикистан как государственный заказчик-координатор оценивает возможности поставок и объёмы финансирования и заключает контракты.</p>"
        ),
        "body_en": (
            "<p>On 1 January 2025 the chairmanship of the Collective Security Treaty Organization passed from the Republic of Kazakhstan to the Kyrgyz Republic.</p>"
            "<p>The chairmanship rotates yearly in the order of the Russian alphabet; in 2026 the Russian Federation will chair the Organization.</p>"
            "<p>2025 is the first stage of the Target Intergovernmental Programme for strengthening the Tajik–Afghan border: Tajikistan, as customer-coordinator, assesses supply capacity and funding and signs contracts.</p>"
        ),
        "source": "world-2024.md; procedures.md (tass.com/world/1382261; qazinform.com); situation.md (fergana.media 137466)",
    },
    {
        "section": "news",
        "date": "2025-05-23",
        "tags": ["channel", "operations"],
        "title_ru": "Завершён этап «Горная застава» операции «Канал»",
        "title_en": "The Mountain Outpost stage of Operation Channel completed",
        "summary_ru": "В этапе «Канал — Горная застава», проходившем 18–23 мая 2025 года, участвовали более 17 000 сотрудников; изъято более 1742 кг наркотиков.",
        "summary_en": "Over 17,000 officers took part in the Channel – Mountain Outpost stage on 18–23 May 2025; over 1,742 kg of drugs were seized.",
        "body_ru": (
            "<p>18–23 мая 2025 года проведён этап «Горная застава» международной антинаркотической операции «Канал». К нему привлекались более 17 000 сотрудников компетентных органов.</p>"
            "<p>Итоги этапа:</p>"
            "<ul><li>выявлено 636 наркопреступлений, в том числе 13 фактов контрабанды;</li>"
            "<li>пресечена деятельность 103 преступных групп; выявлено 4 факта легализации преступных доходов;</li>"
            "<li>задержано 405 человек; кроме того, задержано 463 лица, находившихся в розыске;</li>"
            "<li>изъято более 1742 кг наркотиков, в том числе более 350 кг марихуаны, более 188 кг гашиша, 298 кг опия, более 832 кг мефедрона и 31 кг героина;</li>"
            "<li>изъято 341 кг прекурсоров, 34 единицы огнестрельного оружия и более 1300 патронов;</li>"
            "<li>выявлено 955 сайтов с наркосодержащей информацией.</li></ul>"
        ),
        "body_en": (
            "<p>The Mountain Outpost stage of the international anti-drug Operation Channel was held on 18–23 May 2025, with over 17,000 officers of the competent authorities involved.</p>"
            "<p>Results of the stage:</p>"
            "<ul><li>636 drug crimes detected, including 13 smuggling cases;</li>"
            "<li>103 groups dismantled; 4 money-laundering cases detected;</li>"
            "<li>405 persons detained; in addition, 463 wanted persons detained;</li>"
            "<li>over 1,742 kg of drugs seized, including over 350 kg of marijuana, over 188 kg of hashish, 298 kg of opium, over 832 kg of mephedrone and 31 kg of heroin;</li>"
            "<li>341 kg of precursors, 34 firearms and over 1,300 rounds of ammunition seized;</li>"
            "<li>955 websites with drug content identified.</li></ul>"
        ),
        "source": "operations.md; 24.kg 330513",
    },
    # ------------------------------------------------------------------ publications
    {
        "section": "publication",
        "date": "2017-12-01",
        "tags": ["operations", "cybersecurity", "channel"],
        "title_ru": "Региональные операции ОДКБ: «Канал», «ПРОКСИ», «Нелегал»",
        "title_en": "CSTO regional operations: Channel, PROXI, Illegal",
        "summary_ru": "Обзор постоянно действующих региональных операций ОДКБ и их результатов по опубликованным данным.",
        "summary_en": "An overview of the CSTO's permanent regional operations and their published results.",
        "body_ru": (
            "<p>30 ноября 2017 года Совет коллективной безопасности утвердил положение о постоянно действующей региональной операции «Нелегал». Каждая операция проводится национальными штабами полиции, наркоконтроля, пограничных, таможенных служб, органов безопасности и финансовой разведки поэтапно.</p>"
            "<h2>«Канал»</h2>"
            "<p>Антинаркотическая операция проводится с 2003 года, постоянно действующей стала по решению СКБ от 5 сентября 2008 года. С 2003 по май 2017 года изъято около 335 т наркотиков и более 12 000 единиц огнестрельного оружия.</p>"
            "<h2>«ПРОКСИ»</h2>"
            "<p>Операция против преступлений в информационной сфере проводится с 2009 года. Она направлена против распространения с помощью ИКТ запрещённой национальным законодательством информации — террористической, экстремистской, о наркотиках, о преступлениях в сфере миграции. С 2009 по май 2017 года выявлено около 80 000 информационных ресурсов, работа 33 500 из них приостановлена или заблокирована, возбуждено более 15 000 уголовных дел; только в 2016 году выявлено более 11 000 ресурсов.</p>"
            "<h2>«Нелегал»</h2>"
            "<p>Согласованные меры против незаконной миграции проводятся с 2008 года под руководством Координационного совета по противодействию незаконной миграции.</p>"
        ),
        "body_en": (
            "<p>On 30 November 2017 the Collective Security Council approved the statute of the permanent regional Operation Illegal. Each operation runs in stages, carried out by national headquarters of police, drug-control, border, customs, security and financial-intelligence agencies.</p>"
            "<h2>Channel</h2>"
            "<p>The anti-drug operation has run since 2003 and became permanent by the CSC decision of 5 September 2008. From 2003 to May 2017 about 335 tonnes of drugs and over 12,000 firearms were seized.</p>"
            "<h2>PROXI</h2>"
            "<p>The operation against crime in the information sphere has run since 2009. It targets information banned by national law (terrorism, extremism, drugs, migration crime) spread through ICT. From 2009 to May 2017 about 80,000 information resources were identified, 33,500 suspended or blocked and over 15,000 criminal cases opened; in 2016 alone over 11,000 resources were identified.</p>"
            "<h2>Illegal</h2>"
            "<p>Coordinated measures against illegal migration have been taken since 2008 under the Coordination Council on countering illegal migration.</p>"
        ),
        "source": "operations.md (tass.com/politics/947551; eng.belta.by 102412-2017; en.odkb-csto.org plan2019; ksbnm.odkb-csto.org)",
    },
    {
        "section": "publication",
        "date": "2023-11-23",
        "tags": ["agreements", "parliamentary-assembly", "peacekeeping"],
        "title_ru": "Как соглашения ОДКБ вступают в силу: от подписания до уведомления депозитария",
        "title_en": "How CSTO agreements enter into force: from signature to notification",
        "summary_ru": "Разъяснение порядка ратификации и вступления в силу международных договоров, заключаемых в рамках ОДКБ, на примере Протокола о государстве-координаторе.",
        "summary_en": "An explanation of how agreements concluded within the CSTO are ratified and enter into force, with the coordinating-state Protocol as an example.",
        "body_ru": (
            "<p>Соглашение, подписанное государствами-членами, становится для каждого из них обязательным после выполнения внутригосударственных процедур. Как правило, правительство вносит документ в парламент, нижняя палата его ратифицирует, верхняя палата одобряет закон о ратификации, президент подписывает закон. Затем государство направляет уведомление депозитарию — Секретариату ОДКБ.</p>"
            "<p>Условия вступления в силу различаются. Протокол 1999 года о продлении Договора о коллективной безопасности вступает в силу после получения пятого уведомления. Соглашение о Коллективных силах оперативного реагирования вступило в силу 10 сентября 2010 года — ещё до того, как Российская Федерация ратифицировала его в декабре 2010 года.</p>"
            "<p>Протокол от 16 сентября 2021 года к Соглашению о миротворческой деятельности был ратифицирован Беларусью, Россией и Таджикистаном к февралю 2023 года, Мажилисом Парламента Казахстана — в мае 2023 года, парламентом Кыргызстана — 22 ноября 2023 года.</p>"
            "<p>Сторона может выйти из соглашения, направив депозитарию письменное уведомление не менее чем за шесть месяцев; обязательства, возникшие до выхода, сохраняются. Парламентская ассамблея ОДКБ следит за ходом ратификации.</p>"
        ),
        "body_en": (
            "<p>An agreement signed by the member states binds each of them once its internal procedures are complete. Typically the government submits the instrument to parliament, the lower chamber ratifies it, the upper chamber approves the ratification law and the president signs it. The state then notifies the depositary, the CSTO Secretariat.</p>"
            "<p>Entry-into-force clauses differ. The 1999 Protocol extending the Collective Security Treaty enters into force on the fifth notification. The Agreement on the Collective Rapid Reaction Forces entered into force on 10 September 2010, before Russia ratified it in December 2010.</p>"
            "<p>The Protocol of 16 September 2021 to the Agreement on peacekeeping activities was ratified by Belarus, Russia and Tajikistan by February 2023, by Kazakhstan's Mazhilis in May 2023 and by Kyrgyzstan's parliament on 22 November 2023.</p>"
            "<p>A party may withdraw by written notice to the depositary at least six months in advance; obligations that arose before withdrawal remain. The CSTO Parliamentary Assembly follows ratification.</p>"
        ),
        "source": "agreements.md (cis-legislation.com rgn=76396; docs.cntd.ru/document/902187679; pavlodar.com dok=03122; eng.belta.by; asiaplustj.info 2023-05-31; wenewsenglish.com); README.md glossary",
    },
    {
        "section": "publication",
        "date": "2024-06-01",
        "tags": ["forces", "cdm"],
        "title_ru": "Коллективные силы ОДКБ и система совместной подготовки",
        "title_en": "CSTO collective forces and joint training",
        "summary_ru": "О составе коллективных сил Организации, ежегодном плане совместной подготовки и учениях, которые в нём предусматриваются.",
        "summary_en": "On the composition of the Organization's collective forces, the annual joint training plan and the exercises it provides for.",
        "body_ru": (
            "<p>Система коллективной безопасности ОДКБ включает:</p>"
            "<ul><li>Коллективные силы оперативного реагирования (решение от 4 февраля 2009 года, соглашение от 14 июня 2009 года);</li>"
            "<li>Коллективные силы быстрого развёртывания Центрально-Азиатского региона (с 2001 года, штаб в Бишкеке);</li>"
            "<li>Коллективные миротворческие силы (военный, полицейский и гражданский персонал);</li>"
            "<li>Коллективные авиационные силы (решение от 23 декабря 2014 года).</li></ul>"
            "<p>Подготовка ведётся по ежегодному плану, который утверждают СМО и КССБ. 31 мая 2024 года Совет министров обороны принял план совместной подготовки на 2025 год.</p>"
            "<p>В числе учений — «Взаимодействие» (КСОР), «Поиск» (разведка), «Эшелон» (материально-техническое обеспечение), «Рубеж» (силы Центрально-Азиатского региона), «Нерушимое братство» (миротворческие силы), «Барьер» (подразделения радиационной, химической и биологической защиты и медицинские), объединяемые общим замыслом «Боевое братство».</p>"
            "<p>Информационно-аналитическую поддержку органов обеспечивает Кризисный центр Объединённого штаба.</p>"
        ),
        "body_en": (
            "<p>The CSTO collective security system comprises:</p>"
            "<ul><li>the Collective Rapid Reaction Forces (decided on 4 February 2009; agreement of 14 June 2009);</li>"
            "<li>the Collective Rapid Deployment Forces of the Central Asian region (since 2001, headquarters in Bishkek);</li>"
            "<li>the Collective Peacekeeping Forces (military, police and civilian personnel);</li>"
            "<li>the Collective Aviation Forces (decided on 23 December 2014).</li></ul>"
            "<p>Training follows an annual plan approved by the CDM and the CSSC. On 31 May 2024 the Council of Defence Ministers adopted the joint training plan for 2025.</p>"
            "<p>The exercises include Interaction (CRRF), Search (reconnaissance), Echelon (logistics), Rubezh (Central Asian forces), Indestructible Brotherhood (peacekeeping) and Barrier (chemical, biological, radiological and medical units), under the umbrella of Combat Brotherhood.</p>"
            "<p>The Crisis Response Centre of the Joint Staff provides the bodies with information-analytical support.</p>"
        ),
        "source": "forces-and-relations.md (jscsto.odkb-csto.org; kremlin.ru; tass.com/defense/1666189; gazeta.kg 169588); world-2024.md; situation.md",
    },
    {
        "section": "publication",
        "date": "2024-07-01",
        "tags": ["secretary-general", "parliamentary-assembly", "cooperation"],
        "title_ru": "Генеральный секретарь ОДКБ — Парламентской ассамблее: формирование пространства безопасности в Евразии",
        "title_en": "CSTO Secretary General to the Parliamentary Assembly: building a space of security in Eurasia",
        "summary_ru": "Генеральный секретарь ОДКБ Имангали Тасмагамбетов представил Парламентской ассамблее оценку обстановки и роли Организации в Евразии.",
        "summary_en": "CSTO Secretary General Imangali Tasmagambetov presented to the Parliamentary Assembly his assessment of the situation and of the Organization's role in Eurasia.",
        "body_ru": (
            "<p>Генеральный секретарь ОДКБ Имангали Тасмагамбетов выступил перед Парламентской ассамблеей ОДКБ. Ключевым показателем взаимодействия Секретариата и Ассамблеи названо формирование «пространства безопасности» в Евразии.</p>"
            "<p>В регионах, прилегающих к зоне ответственности, нарастает конфликтный потенциал — прежде всего в Восточной Европе и на Ближнем Востоке. Главным источником нестабильности для Центральной Азии остаётся Афганистан, сохраняются риски на Южном Кавказе.</p>"
            "<p>После теракта в «Крокус Сити Холле» 22 марта 2024 года белорусские силовые структуры помогли российским коллегам не допустить выезда нападавших из России. Поставлена задача выработать инструменты противодействия террористической угрозе на всём пространстве зоны ответственности.</p>"
            "<p>Армения в феврале 2024 года заявила о замораживании участия, оставаясь полноправным членом со всеми обязательствами. Развиваются связи с СНГ и ШОС: в 2023 году в Пекине встретились руководители секретариатов трёх организаций.</p>"
        ),
        "body_en": (
            "<p>CSTO Secretary General Imangali Tasmagambetov addressed the CSTO Parliamentary Assembly. He named the formation of a “space of security” in Eurasia as the key performance indicator of cooperation between the Secretariat and the Assembly.</p>"
            "<p>Conflict potential is building up in regions adjacent to the area of responsibility, in Eastern Europe and the Middle East above all. Afghanistan remains the main source of instability for Central Asia, and risks persist in the South Caucasus.</p>"
            "<p>After the terrorist attack on Crocus City Hall on 22 March 2024, Belarusian security forces helped Russian forces prevent the attackers from leaving Russia. The task is to build instruments to counter the terrorist threat across the whole area of responsibility.</p>"
            "<p>Armenia declared its participation frozen in February 2024 while remaining a full member with all obligations in force. Ties with the CIS and the SCO are developing: the heads of the three secretariats met in Beijing in 2023.</p>"
        ),
        "source": "world-2024.md (the Secretary General's 2024 address to the Parliamentary Assembly)",
    },
    {
        "section": "publication",
        "date": "2024-11-29",
        "tags": ["border", "afghanistan"],
        "title_ru": "Программа укрепления таджикско-афганской границы: от решения 2013 года до реализации",
        "title_en": "The Tajik–Afghan border programme: from the 2013 decision to implementation",
        "summary_ru": "Целевая межгосударственная программа, принятая Советом коллективной безопасности 28 ноября 2024 года в Астане, будет реализована в три этапа в течение пяти лет.",
        "summary_en": "The Target Intergovernmental Programme adopted by the Collective Security Council in Astana on 28 November 2024 will be implemented in three stages over five years.",
        "body_ru": (
            "<p>Совет коллективной безопасности 28 ноября 2024 года в Астане принял Целевую межгосударственную программу укрепления таджикско-афганской границы сроком на пять лет.</p>"
            "<h2>Путь к решению</h2>"
            "<p>Решение о разработке программы СКБ принял 23 сентября 2013 года. Внеочередная сессия СКБ 23 августа 2021 года договорилась ускорить работу, и в 2024 году проект прошёл финальный раунд согласования.</p>"
            "<h2>Этапы</h2>"
            "<ul><li>2025 год — Республика Таджикистан как государственный заказчик-координатор оценивает возможности поставок и объёмы финансирования, заключает контракты;</li>"
            "<li>2026–2027 годы — поставки и развёртывание на отдельных пограничных заставах;</li>"
            "<li>2027–2029 годы — развёртывание на всём протяжении границы.</li></ul>"
            "<p>Национальные заказчики государств-членов встречаются под руководством заместителя секретаря Совета безопасности Республики Таджикистан. Протяжённость границы, по данным ТАСС, — 1344 км; по другим данным — 1374,2 км, из них 1184,4 км приходится на речные участки.</p>"
        ),
        "body_en": (
            "<p>On 28 November 2024 in Astana the Collective Security Council adopted the five-year Target Intergovernmental Programme for strengthening the Tajik–Afghan border.</p>"
            "<h2>The road to the decision</h2>"
            "<p>The CSC decided to develop the programme on 23 September 2013. An extraordinary CSC session on 23 August 2021 agreed to speed up the work, and in 2024 the draft passed its final round of coordination.</p>"
            "<h2>Stages</h2>"
            "<ul><li>2025: Tajikistan, as customer-coordinator, assesses supply capacity and funding and signs contracts;</li>"
            "<li>2026–2027: deliveries and deployment at selected frontier posts;</li>"
            "<li>2027–2029: roll-out along the whole border.</li></ul>"
            "<p>The national customers of the member states meet under the deputy secretary of Tajikistan's Security Council. The border is 1,344 km long according to TASS; another source gives 1,374.2 km, of which 1,184.4 km run along rivers.</p>"
        ),
        "source": "situation.md (fergana.media 137466; tass.com/politics/1906035); world-2024.md",
    },
    {
        "section": "publication",
        "date": "2024-12-02",
        "tags": ["un", "cybersecurity", "cooperation"],
        "title_ru": "Двадцать лет в статусе наблюдателя при Генеральной Ассамблее ООН",
        "title_en": "Twenty years of observer status in the UN General Assembly",
        "summary_ru": "2 декабря 2004 года Генеральная Ассамблея ООН предоставила ОДКБ статус наблюдателя. В ноябре 2024 года на 79-й сессии принята очередная резолюция о сотрудничестве ООН и ОДКБ.",
        "summary_en": "On 2 December 2004 the UN General Assembly granted the CSTO observer status. In November 2024 the 79th session adopted the latest resolution on UN–CSTO cooperation.",
        "body_ru": (
            "<p>2 декабря 2004 года Генеральная Ассамблея ООН резолюцией 59/50 предоставила Организации Договора о коллективной безопасности статус наблюдателя. 18 марта 2010 года секретариаты двух организаций приняли совместную декларацию о сотрудничестве.</p>"
            "<p>Раз в два года Генеральная Ассамблея принимает резолюцию о сотрудничестве между ООН и ОДКБ. Предыдущая резолюция принята на 77-й сессии в ноябре 2022 года. В ноябре 2024 года на 79-й сессии резолюцию поддержали 67 государств, 8 проголосовали против, 69 воздержались.</p>"
            "<p>Продолжаются встречи со Специальным представителем Генерального секретаря ООН по Афганистану Р. Отунбаевой и Специальным представителем по Центральной Азии К. Имнадзе.</p>"
            "<p>Государства-члены выстраивают механизм выработки общих позиций по вопросам международной информационной безопасности для площадок ООН.</p>"
        ),
        "body_en": (
            "<p>On 2 December 2004 the UN General Assembly granted the Collective Security Treaty Organization observer status by resolution 59/50. On 18 March 2010 the secretariats of the two organizations adopted a joint declaration on cooperation.</p>"
            "<p>Every two years the General Assembly adopts a resolution on cooperation between the UN and the CSTO. The previous one was adopted at the 77th session in November 2022. In November 2024, at the 79th session, the resolution was adopted by 67 votes to 8, with 69 abstentions.</p>"
            "<p>Meetings continue with the UN Secretary-General's Special Representatives for Afghanistan, R. Otunbayeva, and for Central Asia, K. Imnadze.</p>"
            "<p>The member states are building a mechanism for common positions on international information security for UN platforms.</p>"
        ),
        "source": "forces-and-relations.md (en.odkb-csto.org; press.un.org ga12474; menafn.com 1108901627); world-2024.md",
    },
    {
        "section": "publication",
        "date": "2024-12-31",
        "tags": ["chairmanship", "csc", "cdm"],
        "title_ru": "Итоги председательства Республики Казахстан в ОДКБ в 2024 году",
        "title_en": "Kazakhstan's CSTO chairmanship in 2024: the results",
        "summary_ru": "31 декабря 2024 года завершается председательство Республики Казахстан в Организации, проходившее под знаком преемственности и последовательности.",
        "summary_en": "Kazakhstan's chairmanship of the Organization, held under the theme of continuity and consistency, ends on 31 December 2024.",
        "body_ru": (
            "<p>31 декабря 2024 года завершается председательство Республики Казахстан в ОДКБ. Оно стало первым, год которого отсчитывался с 1 января.</p>"
            "<p>Основные события года:</p>"
            "<ul><li>в мае решение о бюджете на 2024 год принято в ограниченном формате: Армения к нему не присоединилась, не возражая против его принятия;</li>"
            "<li>31 мая — заседание Совета министров обороны, принят план совместной подготовки на 2025 год;</li>"
            "<li>в ноябре — резолюция Генеральной Ассамблеи ООН о сотрудничестве ООН и ОДКБ (67 — за, 8 — против, 69 — воздержались);</li>"
            "<li>28 ноября — сессия СКБ в Астане, принята Целевая межгосударственная программа укрепления таджикско-афганской границы;</li>"
            "<li>11 декабря — 40-е заседание Рабочей группы по Афганистану при СМИД.</li></ul>"
            "<p>В течение года готовились проекты совместных заявлений по Афганистану, о мирном использовании космического пространства, о сотрудничестве в области международной информационной безопасности, о ситуации на Ближнем Востоке и в Северной Африке, а также к 80-летию освобождения Беларуси от немецко-фашистских захватчиков.</p>"
            "<p>С 1 января 2025 года председательствует Кыргызская Республика.</p>"
        ),
        "body_en": (
            "<p>Kazakhstan's chairmanship of the CSTO ends on 31 December 2024. It was the first chairmanship year to run from 1 January.</p>"
            "<p>The main events of the year:</p>"
            "<ul><li>in May, the 2024 budget decision was adopted in limited format: Armenia refrained from joining it without objecting to its adoption;</li>"
            "<li>31 May: the Council of Defence Ministers adopted the joint training plan for 2025;</li>"
            "<li>November: the UN General Assembly resolution on UN–CSTO cooperation (67 in favour, 8 against, 69 abstaining);</li>"
            "<li>28 November: the CSC session in Astana adopted the Target Intergovernmental Programme for strengthening the Tajik–Afghan border;</li>"
            "<li>11 December: the 40th meeting of the Working Group on Afghanistan under the CFM.</li></ul>"
            "<p>Draft joint statements were prepared during the year on Afghanistan, the peaceful use of outer space, cooperation in international information security, the situation in the Middle East and North Africa, and the 80th anniversary of the liberation of Belarus from the Nazi invaders.</p>"
            "<p>The Kyrgyz Republic chairs the Organization from 1 January 2025.</p>"
        ),
        "source": "world-2024.md; procedures.md (zakon.kz 6433639; rferl.org armenia-csto-budget); forces-and-relations.md (menafn.com 1108901627); situation.md",
    },
]

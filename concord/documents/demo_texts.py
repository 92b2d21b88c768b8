"""Demo texts: the five draft joint statements of 2024 (world-2024.md), with amendments.

Texts are written for the demo; they are realistic but not the organization's real documents.
"""

from __future__ import annotations

from typing import Any

# Each statement:
#   key: short slug
#   body: code of the body that will adopt it ("cfm" for Council of Foreign Ministers, "csc" for
#         Collective Security Council, "permanent-council")
#   marking: "official"
#   units: list of (kind, text_ru, text_en); kind in {"title", "preamble", "paragraph", "subparagraph"}
#   amendments: list of dicts with keys
#       state: ISO alpha-2 of the proposing state
#       op: "modify" | "add" | "delete"
#       target: index into `units` of the unit modified/deleted, or for "add" the unit after which the
#               new paragraph goes
#       kind: for "add" only, the new unit's kind (usually "paragraph")
#       text_ru, text_en: new wording (for modify: the full new text of that unit; None when that
#                          language is not changed); for delete both None
#       justification_ru, justification_en
#       supporters: list of ISO codes of states supporting it (not the proposer, not "AM")
#       outcome: "accepted" | "rejected" | "pending"
#       reason_en / reason_ru: for rejected only, the editor's short reason
STATEMENTS: list[dict[str, Any]] = [
    # 1. Afghanistan -------------------------------------------------------------------------------
    {
        "key": "afghanistan",
        "body": "cfm",
        "marking": "official",
        "units": [
            (
                "title",
                "Совместное заявление государств — членов Организации Договора о коллективной безопасности по Афганистану",
                "Joint Statement of the Member States of the Collective Security Treaty Organization on Afghanistan",
            ),
            (
                "preamble",
                "Мы, государства — члены Организации Договора о коллективной безопасности, руководствуясь целями и принципами Устава Организации Объединённых Наций и Договора о коллективной безопасности от 15 мая 1992 года,",
                "We, the member States of the Collective Security Treaty Organization, guided by the purposes and principles of the Charter of the United Nations and of the Collective Security Treaty of 15 May 1992,",
            ),
            (
                "preamble",
                "выражая обеспокоенность тем, что ситуация в Афганистане остаётся основным источником нестабильности для Центральной Азии и создаёт угрозы безопасности государств — членов Организации,",
                "concerned that the situation in Afghanistan remains the main source of instability for Central Asia and poses threats to the security of the member States of the Organization,",
            ),
            (
                "preamble",
                "отмечая работу Рабочей группы по Афганистану при Совете министров иностранных дел ОДКБ по мониторингу угроз, исходящих с афганской территории, и координации ответных мер, заявляем следующее:",
                "noting the work of the Working Group on Afghanistan under the CSTO Council of Foreign Ministers in monitoring threats emanating from Afghan territory and coordinating the response, declare the following:",
            ),
            (
                "paragraph",
                "Выступаем за становление Афганистана как независимого, нейтрального, единого и мирного государства, свободного от терроризма и наркопреступности и живущего в мире с соседями.",
                "We support the emergence of Afghanistan as an independent, neutral, united and peaceful State, free from terrorism and drug-related crime and living in peace with its neighbours.",
            ),
            (
                "paragraph",
                "Выражаем серьёзную обеспокоенность присутствием на территории Афганистана международных террористических организаций, сохраняющимся производством наркотиков и рисками проникновения боевиков и наркотиков на территорию государств — членов ОДКБ.",
                "We express serious concern at the presence of international terrorist organizations on the territory of Afghanistan, the continuing production of drugs and the risk of militants and drugs crossing into the territory of the CSTO member States.",
            ),
            (
                "paragraph",
                "Считаем, что долгосрочная стабилизация в Афганистане возможна при формировании инклюзивных органов власти с участием представителей всех этнополитических сил страны.",
                "We believe that long-term stabilization in Afghanistan is possible with the formation of inclusive governing bodies with the participation of representatives of all the country's ethno-political forces.",
            ),
            (
                "paragraph",
                "Подтверждаем готовность к дальнейшему укреплению таджикско-афганской границы, в том числе посредством принятия и реализации Целевой межгосударственной программы «Укрепление таджикско-афганской границы».",
                "We reaffirm our readiness to further strengthen the Tajik-Afghan border, including through the adoption and implementation of the Target Intergovernmental Programme for Strengthening the Tajik-Afghan Border.",
            ),
            (
                "paragraph",
                "Будем продолжать координацию усилий в рамках Рабочей группы по Афганистану и взаимодействие по афганской проблематике с Организацией Объединённых Наций, включая Специального представителя Генерального секретаря ООН по Афганистану, а также с СНГ и ШОС.",
                "We will continue to coordinate our efforts within the Working Group on Afghanistan and to cooperate on Afghan issues with the United Nations, including the Special Representative of the UN Secretary-General for Afghanistan, as well as with the CIS and the SCO.",
            ),
        ],
        "amendments": [
            {
                "state": "TJ",
                "op": "modify",
                "target": 7,
                "text_ru": "Подтверждаем готовность к дальнейшему укреплению таджикско-афганской границы, в том числе посредством скорейшего принятия и поэтапной реализации Целевой межгосударственной программы «Укрепление таджикско-афганской границы».",
                "text_en": "We reaffirm our readiness to further strengthen the Tajik-Afghan border, including through the early adoption and phased implementation of the Target Intergovernmental Programme for Strengthening the Tajik-Afghan Border.",
                "justification_ru": "Таджикистан как государственный заказчик-координатор Программы предлагает подчеркнуть необходимость её скорейшего принятия и поэтапной реализации, как это предусмотрено проектом Программы.",
                "justification_en": "As customer-coordinator of the Programme, Tajikistan proposes to stress that it should be adopted without delay and implemented in stages, as its draft provides.",
                "supporters": ["RU", "KZ"],
                "outcome": "accepted",
            },
            {
                "state": "KZ",
                "op": "add",
                "target": 6,
                "kind": "paragraph",
                "text_ru": "Подчёркиваем важность продолжения международной гуманитарной помощи населению Афганистана без её политизации, а также вовлечения Афганистана в региональные экономические связи.",
                "text_en": "We stress the importance of continued international humanitarian assistance to the people of Afghanistan, without its politicization, and of involving Afghanistan in regional economic ties.",
                "justification_ru": "Стабилизация невозможна без улучшения социально-экономической ситуации, которую рассматривает и Рабочая группа по Афганистану; пункт уравновешивает акцент текста на вопросах безопасности.",
                "justification_en": "Stabilization is not possible without an improvement of the socio-economic situation, which the Working Group on Afghanistan also reviews; the paragraph balances the text's focus on security.",
                "supporters": ["KG", "TJ"],
                "outcome": "accepted",
            },
            {
                "state": "KG",
                "op": "delete",
                "target": 6,
                "text_ru": None,
                "text_en": None,
                "justification_ru": "Вопрос о структуре власти в Афганистане является внутренним делом афганского народа; заявлению следует ограничиться вопросами безопасности.",
                "justification_en": "The structure of power in Afghanistan is an internal matter of the Afghan people; the statement should keep to security matters.",
                "supporters": [],
                "outcome": "rejected",
                "reason_ru": "Другие делегации считают пункт частью баланса текста; исключение не получило консенсуса.",
                "reason_en": "Other delegations regard the paragraph as part of the balance of the text; its deletion did not find consensus.",
            },
        ],
    },
    # 2. Outer space -------------------------------------------------------------------------------
    {
        "key": "outer-space",
        "body": "cfm",
        "marking": "official",
        "units": [
            (
                "title",
                "Совместное заявление государств — членов Организации Договора о коллективной безопасности о мирном использовании космического пространства",
                "Joint Statement of the Member States of the Collective Security Treaty Organization on the Peaceful Use of Outer Space",
            ),
            (
                "preamble",
                "Мы, государства — члены Организации Договора о коллективной безопасности, подтверждая приверженность целям и принципам Устава Организации Объединённых Наций и Договора о принципах деятельности государств по исследованию и использованию космического пространства, включая Луну и другие небесные тела, 1967 года,",
                "We, the member States of the Collective Security Treaty Organization, reaffirming our commitment to the purposes and principles of the Charter of the United Nations and of the 1967 Treaty on Principles Governing the Activities of States in the Exploration and Use of Outer Space, including the Moon and Other Celestial Bodies,",
            ),
            (
                "preamble",
                "будучи убеждены, что космическое пространство должно использоваться исключительно в мирных целях на благо всех государств, а предотвращение гонки вооружений в космосе отвечает интересам поддержания международного мира и безопасности, заявляем следующее:",
                "convinced that outer space must be used exclusively for peaceful purposes for the benefit of all States, and that the prevention of an arms race in outer space serves the maintenance of international peace and security, declare the following:",
            ),
            (
                "paragraph",
                "Заявляем о недопустимости превращения космического пространства в арену вооружённого противоборства.",
                "We declare that turning outer space into an arena of armed confrontation is unacceptable.",
            ),
            (
                "paragraph",
                "Выступаем за разработку на Конференции по разоружению юридически обязывающего международного инструмента о предотвращении гонки вооружений в космическом пространстве [[RU,BY: и призываем все государства принять политическое обязательство о неразмещении первыми оружия в космосе]].",
                "We advocate the elaboration at the Conference on Disarmament of a legally binding international instrument on the prevention of an arms race in outer space [[RU,BY: and call on all States to undertake a political commitment not to be the first to place weapons in outer space]].",
            ),
            (
                "paragraph",
                "Подчёркиваем значение мер по обеспечению транспарентности и укреплению доверия в космической деятельности как шага к предотвращению гонки вооружений в космосе, не подменяющего юридически обязывающих договорённостей.",
                "We stress the importance of transparency and confidence-building measures in outer space activities as a step towards preventing an arms race in outer space that does not replace legally binding arrangements.",
            ),
            (
                "paragraph",
                "Выступаем за развитие международного сотрудничества в мирном исследовании и использовании космического пространства и за равноправный доступ всех государств к космической деятельности в мирных целях.",
                "We support the development of international cooperation in the peaceful exploration and use of outer space and equal access of all States to space activities for peaceful purposes.",
            ),
            (
                "paragraph",
                "Будем продолжать консультации экспертов государств — членов ОДКБ по вопросам контроля над вооружениями, включая проблематику милитаризации космического пространства, и координацию позиций в Первом комитете Генеральной Ассамблеи ООН и на Конференции по разоружению.",
                "We will continue consultations of experts of the CSTO member States on arms control, including the militarization of outer space, and the coordination of our positions in the First Committee of the UN General Assembly and at the Conference on Disarmament.",
            ),
        ],
        "amendments": [
            {
                "state": "RU",
                "op": "modify",
                "target": 5,
                "text_ru": "Подчёркиваем значение мер транспарентности и укрепления доверия в космической деятельности как шага к предотвращению гонки вооружений в космосе, не подменяющего юридически обязывающих договорённостей.",
                "text_en": None,
                "justification_ru": "Редакционная правка только русского текста: приводит формулировку в соответствие с устоявшимся термином документов ООН на русском языке («меры транспарентности и укрепления доверия в космической деятельности»). Английский текст не затрагивается.",
                "justification_en": "Editorial, Russian text only: aligns the wording with the established term used in UN documents in Russian ('transparency and confidence-building measures in outer space activities'). The English text is not affected.",
                "supporters": ["BY"],
                "outcome": "accepted",
            },
            {
                "state": "KZ",
                "op": "add",
                "target": 6,
                "kind": "paragraph",
                "text_ru": "Отмечаем значение космической деятельности для решения задач устойчивого развития, в том числе для мониторинга окружающей среды и предупреждения чрезвычайных ситуаций.",
                "text_en": "We note the importance of space activities for sustainable development, including environmental monitoring and the prevention of emergencies.",
                "justification_ru": "Пункт связывает мирное использование космоса с практическими задачами государств-членов и придаёт заявлению позитивную повестку.",
                "justification_en": "The paragraph links the peaceful use of outer space with practical tasks of the member States and gives the statement a positive agenda.",
                "supporters": ["KG", "TJ"],
                "outcome": "accepted",
            },
            {
                "state": "KG",
                "op": "modify",
                "target": 3,
                "text_ru": "Заявляем о недопустимости превращения космического пространства в арену вооружённого противоборства и призываем все государства воздерживаться от действий, ведущих к его милитаризации.",
                "text_en": "We declare that turning outer space into an arena of armed confrontation is unacceptable and call on all States to refrain from actions leading to its militarization.",
                "justification_ru": "Дополняет констатацию принципа призывом к конкретным действиям.",
                "justification_en": "Adds a call to action to the statement of principle.",
                "supporters": ["TJ"],
                "outcome": "pending",
            },
        ],
    },
    # 3. International information security -------------------------------------------------------
    {
        "key": "information-security",
        "body": "csc",
        "marking": "official",
        "units": [
            (
                "title",
                "Совместное заявление государств — членов Организации Договора о коллективной безопасности о сотрудничестве в области обеспечения международной информационной безопасности",
                "Joint Statement of the Member States of the Collective Security Treaty Organization on Cooperation in the Field of International Information Security",
            ),
            (
                "preamble",
                "Мы, государства — члены Организации Договора о коллективной безопасности, руководствуясь Уставом Организации Объединённых Наций и общепризнанными принципами международного права, включая суверенное равенство государств и невмешательство во внутренние дела,",
                "We, the member States of the Collective Security Treaty Organization, guided by the Charter of the United Nations and the universally recognized principles of international law, including the sovereign equality of States and non-interference in internal affairs,",
            ),
            (
                "preamble",
                "выражая обеспокоенность использованием информационно-коммуникационных технологий в целях, несовместимых с задачами поддержания международного мира, стабильности и безопасности, в том числе в террористических и иных преступных целях, заявляем следующее:",
                "concerned at the use of information and communications technologies for purposes inconsistent with the maintenance of international peace, stability and security, including for terrorist and other criminal purposes, declare the following:",
            ),
            (
                "paragraph",
                "Подтверждаем центральную роль Организации Объединённых Наций в обсуждении вопросов международной информационной безопасности.",
                "We reaffirm the central role of the United Nations in addressing issues of international information security.",
            ),
            (
                "paragraph",
                "Высоко оцениваем работу Рабочей группы открытого состава ООН по вопросам безопасности в сфере использования информационно-коммуникационных технологий и самих таких технологий 2021–2025 годов и выступаем за создание по завершении её мандата постоянного переговорного механизма под эгидой ООН, принимающего решения на основе консенсуса.",
                "We commend the work of the 2021–2025 UN Open-ended Working Group on security of and in the use of information and communications technologies and support the establishment, upon the completion of its mandate, of a permanent negotiating mechanism under the auspices of the United Nations taking decisions by consensus.",
            ),
            (
                "paragraph",
                "Выступаем за скорейшее завершение разработки и принятие под эгидой ООН всеобъемлющей международной конвенции о противодействии использованию информационно-коммуникационных технологий в преступных целях.",
                "We support the early completion and adoption under the auspices of the United Nations of a comprehensive international convention on countering the use of information and communications technologies for criminal purposes.",
            ),
            (
                "paragraph",
                "Будем продолжать выработку общих позиций государств — членов ОДКБ по вопросам международной информационной безопасности для площадок ООН.",
                "We will continue to develop common positions of the CSTO member States on international information security for UN platforms.",
            ),
            (
                "paragraph",
                "Считаем важным развивать практическое взаимодействие компетентных органов государств — членов ОДКБ, в том числе:",
                "We consider it important to develop practical cooperation between the competent authorities of the CSTO member States, including:",
            ),
            (
                "subparagraph",
                "в рамках операции «ПРОКСИ» по противодействию преступлениям в информационной сфере;",
                "within Operation PROXI to counter crime in the information sphere;",
            ),
            (
                "subparagraph",
                "в обмене информацией о компьютерных атаках и угрозах информационной безопасности;",
                "in the exchange of information on computer attacks and threats to information security;",
            ),
            (
                "subparagraph",
                "в подготовке и повышении квалификации специалистов.",
                "in the training and professional development of specialists.",
            ),
        ],
        "amendments": [
            {
                "state": "TJ",
                "op": "add",
                "target": 9,
                "kind": "subparagraph",
                "text_ru": "в противодействии использованию информационно-коммуникационных технологий для вербовки в террористические организации и распространения идеологии терроризма;",
                "text_en": "in countering the use of information and communications technologies for recruitment into terrorist organizations and the spread of terrorist ideology;",
                "justification_ru": "Вербовка через интернет — один из основных каналов, которые перекрываются в ходе операции «Наёмник»; перечень направлений взаимодействия должен это отражать.",
                "justification_en": "Recruitment over the internet is one of the main channels closed in Operation Mercenary; the list of areas of cooperation should reflect it.",
                "supporters": ["RU", "KZ", "KG"],
                "outcome": "accepted",
            },
            {
                "state": "KZ",
                "op": "modify",
                "target": 4,
                "text_ru": "Высоко оцениваем работу Рабочей группы открытого состава ООН по вопросам безопасности в сфере использования информационно-коммуникационных технологий и самих таких технологий 2021–2025 годов и выступаем за создание по завершении её мандата единого постоянного механизма регулярного институционального диалога под эгидой ООН, принимающего решения на основе консенсуса.",
                "text_en": "We commend the work of the 2021–2025 UN Open-ended Working Group on security of and in the use of information and communications technologies and support the establishment, upon the completion of its mandate, of a single permanent mechanism for regular institutional dialogue under the auspices of the United Nations taking decisions by consensus.",
                "justification_ru": "Формулировка о едином механизме регулярного институционального диалога имеет больше шансов на широкую поддержку в ООН; указание на переговорный мандат может её сузить.",
                "justification_en": "A single mechanism for regular institutional dialogue is more likely to win broad support at the UN; a reference to a negotiating mandate may narrow that support.",
                "supporters": ["KG"],
                "outcome": "pending",
            },
            {
                "state": "BY",
                "op": "modify",
                "target": 4,
                "text_ru": "Высоко оцениваем работу Рабочей группы открытого состава ООН по вопросам безопасности в сфере использования информационно-коммуникационных технологий и самих таких технологий 2021–2025 годов и выступаем за создание по завершении её мандата постоянно действующего органа с мандатом на выработку юридически обязывающих норм под эгидой ООН, принимающего решения на основе консенсуса.",
                "text_en": "We commend the work of the 2021–2025 UN Open-ended Working Group on security of and in the use of information and communications technologies and support the establishment, upon the completion of its mandate, of a standing body mandated to elaborate legally binding norms under the auspices of the United Nations taking decisions by consensus.",
                "justification_ru": "Будущий механизм должен иметь возможность вырабатывать юридически обязывающие нормы; слово «механизм» само по себе этого не отражает.",
                "justification_en": "The future mechanism should be able to elaborate legally binding norms; the word 'mechanism' alone does not make this clear.",
                "supporters": ["RU"],
                "outcome": "pending",
            },
            {
                "state": "KG",
                "op": "modify",
                "target": 3,
                "text_ru": "Подтверждаем центральную роль Организации Объединённых Наций в обсуждении вопросов международной информационной безопасности и выработке универсальных правил ответственного поведения государств в информационном пространстве.",
                "text_en": "We reaffirm the central role of the United Nations in addressing issues of international information security and in elaborating universal rules of responsible behaviour of States in the information space.",
                "justification_ru": "Уточняет, в чём состоит центральная роль ООН.",
                "justification_en": "Specifies what the central role of the United Nations consists of.",
                "supporters": [],
                "outcome": "rejected",
                "reason_ru": "Дублирует пункт 2 о будущем механизме под эгидой ООН; делегации предпочли краткую формулировку.",
                "reason_en": "Duplicates paragraph 2 on the future mechanism under UN auspices; delegations preferred the short wording.",
            },
        ],
    },
    # 4. Middle East and North Africa --------------------------------------------------------------
    {
        "key": "middle-east-north-africa",
        "body": "cfm",
        "marking": "official",
        "units": [
            (
                "title",
                "Совместное заявление государств — членов Организации Договора о коллективной безопасности о коллективных усилиях по урегулированию ситуации на Ближнем Востоке и в Северной Африке",
                "Joint Statement of the Member States of the Collective Security Treaty Organization on Collective Efforts to Settle the Situation in the Middle East and North Africa",
            ),
            (
                "preamble",
                "Мы, государства — члены Организации Договора о коллективной безопасности, выражая глубокую обеспокоенность эскалацией напряжённости на Ближнем Востоке и в Северной Африке, повлёкшей многочисленные жертвы среди мирного населения, и рисками её распространения на сопредельные регионы,",
                "We, the member States of the Collective Security Treaty Organization, deeply concerned at the escalation of tension in the Middle East and North Africa, which has caused numerous civilian casualties, and at the risk of its spreading to neighbouring regions,",
            ),
            (
                "preamble",
                "исходя из того, что прочное урегулирование конфликтов в регионе может быть достигнуто только политико-дипломатическими средствами на основе Устава Организации Объединённых Наций и норм международного права, заявляем следующее:",
                "proceeding from the premise that a lasting settlement of the conflicts in the region can be achieved only by political and diplomatic means on the basis of the Charter of the United Nations and international law, declare the following:",
            ),
            (
                "paragraph",
                "Призываем к немедленному и устойчивому прекращению огня в секторе Газа, обеспечению беспрепятственного гуманитарного доступа и защите гражданского населения.",
                "We call for an immediate and sustained ceasefire in the Gaza Strip, unimpeded humanitarian access and the protection of civilians.",
            ),
            (
                "paragraph",
                "Подтверждаем поддержку всеобъемлющего и справедливого урегулирования палестино-израильского конфликта на основе соответствующих резолюций Совета Безопасности и Генеральной Ассамблеи ООН, предусматривающего создание независимого Палестинского государства в границах 1967 года со столицей в Восточном Иерусалиме, сосуществующего в мире и безопасности с Израилем.",
                "We reaffirm our support for a comprehensive and just settlement of the Palestinian-Israeli conflict on the basis of the relevant resolutions of the UN Security Council and General Assembly, providing for the establishment of an independent State of Palestine within the 1967 borders with East Jerusalem as its capital, coexisting in peace and security with Israel.",
            ),
            (
                "paragraph",
                "Выступаем за уважение суверенитета, единства и территориальной целостности Сирии, Ливии, Йемена и других государств региона и против вмешательства в их внутренние дела.",
                "We stand for respect for the sovereignty, unity and territorial integrity of Syria, Libya, Yemen and other States of the region and against interference in their internal affairs.",
            ),
            (
                "paragraph",
                "Обращаем внимание на опасность перемещения боевиков международных террористических организаций из зон конфликтов на Ближнем Востоке в государства — члены ОДКБ и подчёркиваем важность совместной работы по перекрытию каналов вербовки и выезда граждан для участия в деятельности террористических организаций.",
                "We draw attention to the danger of fighters of international terrorist organizations moving from conflict zones in the Middle East to the CSTO member States and stress the importance of joint work to close the channels through which citizens are recruited and leave to take part in the activities of terrorist organizations.",
            ),
            (
                "paragraph",
                "Приветствуем шаги государств региона по нормализации отношений между собой и развитию регионального диалога.",
                "We welcome the steps taken by the States of the region to normalize relations among themselves and to develop regional dialogue.",
            ),
        ],
        "amendments": [
            {
                "state": "KZ",
                "op": "modify",
                "target": 3,
                "text_ru": "Призываем к немедленному и устойчивому прекращению огня в секторе Газа, освобождению всех заложников, обеспечению беспрепятственного гуманитарного доступа и защите гражданского населения.",
                "text_en": "We call for an immediate and sustained ceasefire in the Gaza Strip, the release of all hostages, unimpeded humanitarian access and the protection of civilians.",
                "justification_ru": "Приводит пункт в соответствие с формулировками соответствующих резолюций Совета Безопасности ООН.",
                "justification_en": "Brings the paragraph into line with the wording of the relevant UN Security Council resolutions.",
                "supporters": ["KG", "TJ"],
                "outcome": "accepted",
            },
            {
                "state": "RU",
                "op": "delete",
                "target": 7,
                "text_ru": None,
                "text_en": None,
                "justification_ru": "В условиях продолжающейся эскалации такая оценка преждевременна и может быть воспринята как избирательная.",
                "justification_en": "With the escalation continuing, this assessment is premature and may be read as selective.",
                "supporters": ["BY"],
                "outcome": "accepted",
            },
            {
                "state": "TJ",
                "op": "add",
                "target": 6,
                "kind": "paragraph",
                "text_ru": "Выступаем за наращивание международной гуманитарной помощи пострадавшему населению региона, в том числе через профильные учреждения ООН.",
                "text_en": "We support increased international humanitarian assistance to the affected population of the region, including through the relevant UN agencies.",
                "justification_ru": "Гуманитарное измерение упомянуто только в пункте 1 применительно к сектору Газа, тогда как потребность в помощи существует и в других странах региона.",
                "justification_en": "The humanitarian dimension is mentioned only in paragraph 1 with regard to Gaza, while the need for assistance extends to other countries of the region.",
                "supporters": ["KZ", "KG"],
                "outcome": "pending",
            },
            {
                "state": "KG",
                "op": "modify",
                "target": 5,
                "text_ru": "Выступаем за уважение суверенитета, единства и территориальной целостности всех государств региона и против вмешательства в их внутренние дела.",
                "text_en": "We stand for respect for the sovereignty, unity and territorial integrity of all States of the region and against interference in their internal affairs.",
                "justification_ru": "Общая формулировка позволяет не выделять отдельные государства и сохраняет нейтральность текста.",
                "justification_en": "A general wording avoids singling out individual States and keeps the text neutral.",
                "supporters": [],
                "outcome": "rejected",
                "reason_ru": "Упоминание государств, в которых продолжаются вооружённые конфликты, составляет содержание пункта; общая формулировка не получила поддержки других делегаций.",
                "reason_en": "Naming the States where armed conflicts continue is the substance of the paragraph; the general wording was not supported by other delegations.",
            },
        ],
    },
    # 5. 80th anniversary of the liberation of Belarus ---------------------------------------------
    {
        "key": "belarus-liberation-80",
        "body": "cfm",
        "marking": "official",
        "units": [
            (
                "title",
                "Совместное заявление государств — членов Организации Договора о коллективной безопасности в связи с 80-летием освобождения Республики Беларусь от немецко-фашистских захватчиков",
                "Joint Statement of the Member States of the Collective Security Treaty Organization on the 80th Anniversary of the Liberation of the Republic of Belarus from the Nazi Invaders",
            ),
            (
                "preamble",
                "Мы, государства — члены Организации Договора о коллективной безопасности, отмечая 80-ю годовщину освобождения Беларуси от немецко-фашистских захватчиков летом 1944 года и освобождения Минска 3 июля 1944 года,",
                "We, the member States of the Collective Security Treaty Organization, marking the 80th anniversary of the liberation of Belarus from the Nazi invaders in the summer of 1944 and of the liberation of Minsk on 3 July 1944,",
            ),
            (
                "preamble",
                "отдавая дань глубокого уважения мужеству и самоотверженности воинов Красной Армии, партизан и подпольщиков — представителей всех народов Советского Союза,",
                "paying deep tribute to the courage and selflessness of the soldiers of the Red Army, the partisans and the members of the underground, who came from all the peoples of the Soviet Union,",
            ),
            (
                "preamble",
                "помня о многочисленных жертвах среди мирного населения Беларуси и о деревнях, сожжённых вместе с жителями, заявляем следующее:",
                "remembering the many civilian victims in Belarus and the villages burned down together with their inhabitants, declare the following:",
            ),
            (
                "paragraph",
                "Склоняем головы перед памятью павших в борьбе за освобождение Беларуси и всех жертв нацизма.",
                "We bow our heads in memory of those who fell in the struggle for the liberation of Belarus and of all the victims of Nazism.",
            ),
            (
                "paragraph",
                "Решительно осуждаем попытки фальсификации истории, пересмотра итогов Второй мировой войны и героизации нацизма и его пособников.",
                "We firmly condemn attempts to falsify history, to revise the outcome of the Second World War and to glorify Nazism and its accomplices.",
            ),
            (
                "paragraph",
                "Считаем общим долгом сохранение исторической памяти о подвиге народов, отстоявших в годы Великой Отечественной войны свободу и независимость нашей общей Родины, и будем содействовать проведению совместных памятных мероприятий и работе с молодёжью.",
                "We regard it as our common duty to preserve the historical memory of the feat of the peoples who defended the freedom and independence of our common Motherland in the Great Patriotic War, and we will promote joint commemorative events and work with young people.",
            ),
            (
                "paragraph",
                "Выражаем уверенность, что память об общей Победе и впредь будет служить укреплению дружбы, добрососедства и союзнических отношений между нашими народами и государствами.",
                "We are confident that the memory of our common Victory will continue to serve the strengthening of friendship, good-neighbourliness and allied relations between our peoples and States.",
            ),
        ],
        "amendments": [
            {
                "state": "BY",
                "op": "modify",
                "target": 1,
                "text_ru": "Мы, государства — члены Организации Договора о коллективной безопасности, отмечая 80-ю годовщину освобождения Беларуси от немецко-фашистских захватчиков в ходе Белорусской стратегической наступательной операции «Багратион» летом 1944 года и освобождения Минска 3 июля 1944 года,",
                "text_en": "We, the member States of the Collective Security Treaty Organization, marking the 80th anniversary of the liberation of Belarus from the Nazi invaders in the course of the Belarusian strategic offensive operation Bagration in the summer of 1944 and of the liberation of Minsk on 3 July 1944,",
                "justification_ru": "Называет операцию, в ходе которой была освобождена Беларусь, как это принято в памятных текстах.",
                "justification_en": "Names the operation in the course of which Belarus was liberated, as is customary in commemorative texts.",
                "supporters": ["RU"],
                "outcome": "accepted",
            },
            {
                "state": "KZ",
                "op": "add",
                "target": 6,
                "kind": "paragraph",
                "text_ru": "Призываем к бережному отношению к воинским захоронениям и памятникам героям войны и выступаем против их осквернения и сноса.",
                "text_en": "We call for the careful preservation of military burial sites and monuments to the heroes of the war and oppose their desecration and demolition.",
                "justification_ru": "Забота о мемориалах — конкретное выражение общей памяти, о которой говорится в заявлении.",
                "justification_en": "The care of memorials is a concrete expression of the common memory the statement speaks of.",
                "supporters": ["BY", "RU", "TJ"],
                "outcome": "accepted",
            },
            {
                "state": "RU",
                "op": "modify",
                "target": 5,
                "text_ru": "Решительно осуждаем попытки фальсификации истории, пересмотра итогов Второй мировой войны и героизации нацизма и его пособников, а также снос и осквернение памятников советским воинам-освободителям.",
                "text_en": "We firmly condemn attempts to falsify history, to revise the outcome of the Second World War and to glorify Nazism and its accomplices, as well as the demolition and desecration of monuments to Soviet liberator soldiers.",
                "justification_ru": "Дополняет перечень недопустимых действий, направленных против исторической памяти.",
                "justification_en": "Completes the list of unacceptable actions directed against historical memory.",
                "supporters": ["BY"],
                "outcome": "rejected",
                "reason_ru": "Содержание учтено в новом пункте о бережном отношении к воинским захоронениям и памятникам (предложение Казахстана); оставлена одна формулировка.",
                "reason_en": "The substance is covered by the new paragraph on the care of military burial sites and monuments (proposed by Kazakhstan); one wording was kept.",
            },
            {
                "state": "TJ",
                "op": "modify",
                "target": 4,
                "text_ru": "Склоняем головы перед светлой памятью павших в борьбе за освобождение Беларуси и всех жертв нацизма.",
                "text_en": None,
                "justification_ru": "Редакционная правка только русского текста: устоявшаяся формула памятных документов. Английский текст не затрагивается.",
                "justification_en": "Editorial, Russian text only: the established formula of commemorative documents. The English text is not affected.",
                "supporters": ["KG"],
                "outcome": "pending",
            },
        ],
    },
]

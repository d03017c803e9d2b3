//! Kinds and status of the main event.

mod common;
use common::extract;
use dipnews::{EventKind, Status};

fn kind_of(text: &str) -> EventKind {
    extract(text).kind
}

#[test]
fn each_kind_from_its_triggers_in_any_form() {
    let cases = [
        ("Министр встретился с послом Японии.", EventKind::Meeting),
        ("Состоялась встреча министров Армении и Азербайджана.", EventKind::Meeting),
        ("Министр Казахстана принял в Астане директора секретариата.", EventKind::Meeting),
        ("Министры России и Китая провели переговоры.", EventKind::Talks),
        ("Начались межмидовские консультации Киргизии и Китая.", EventKind::Consultations),
        ("Министр КНДР прибыл в Москву с официальным визитом.", EventKind::Visit),
        ("Президент Беларуси провел телефонный разговор с коллегой.", EventKind::PhoneCall),
        ("Открылось заседание совета ЕАЭС.", EventKind::Session),
        ("Президент Казахстана принял участие в саммите ШОС.", EventKind::Summit),
        ("Открылась международная конференция ООН.", EventKind::Conference),
        ("Россия и Нигерия подписали соглашение.", EventKind::Signing),
        ("Президент Армении принял верительные грамоты посла.", EventKind::Credentials),
        ("Министр принял копии верительных грамот посла Иордании.", EventKind::Credentials),
        ("Министерство иностранных дел Беларуси выступило с заявлением.", EventKind::Statement),
        ("Президент Азербайджана направил поздравительное письмо коллеге.", EventKind::Statement),
        ("Экспорт электроэнергии вырос на 20 процентов.", EventKind::Other),
    ];
    for (text, kind) in cases {
        assert_eq!(kind_of(text), kind, "{text}");
    }
}

#[test]
fn background_clauses_do_not_give_the_kind() {
    // A participle clause is background; the predicate is the event.
    assert_eq!(kind_of("Министр, находящийся с визитом в Сингапуре, провел переговоры."), EventKind::Talks);
    // The headline names the event when the lead does not.
    assert_eq!(
        kind_of("О телефонном разговоре министров России и Иордании\nМинистры обменялись мнениями."),
        EventKind::PhoneCall
    );
}

#[test]
fn triggers_outside_diplomacy_are_no_event() {
    // No state, organization or envoy: not a diplomatic event.
    assert_eq!(kind_of("Госдума приняла закон о блокировке фейковых новостей."), EventKind::Other);
    assert_eq!(kind_of("Путин подписал закон о повышении пенсионного возраста."), EventKind::Other);
    assert_eq!(kind_of("Встреча футбольных команд завершилась вничью."), EventKind::Other);
    assert_eq!(kind_of("Патриарх прибыл в Санкт-Петербург."), EventKind::Other);
}

#[test]
fn status_planned_and_held() {
    assert_eq!(extract("Министр России 8 октября проведет в Москве переговоры.").status, Status::Planned);
    assert_eq!(extract("Форум ОИС пройдет в Баку в марте 2025 года.").status, Status::Planned);
    assert_eq!(extract("Министры иностранных дел Польши и Литвы посетят Ригу.").kind, EventKind::Visit);
    // «предстоят» speaks of what is to come.
    assert_eq!(
        extract("Переговоры министров иностранных дел России и Турции в среду в Анкаре предстоят непростые.").status,
        Status::Planned
    );
    assert_eq!(
        extract("Министр Узбекистана прибыл в Душанбе с визитом, который продлится два дня.").status,
        Status::Held
    );
    assert_eq!(extract("Экспорт вырос.").status, Status::Held);
}

#[test]
fn kind_evidence_points_at_the_trigger() {
    let text = "Министры России и Китая провели переговоры.";
    let r = extract(text);
    let sp = r.evidence.kind.unwrap();
    assert_eq!(&text[sp.start..sp.end], "провели переговоры");
}

#[test]
fn a_lead_above_the_dateline_summarises_like_a_headline() {
    let r = extract(
        "Россия и Египет договорились продолжить консультации по Ливии.\n\
         МОСКВА, 22 января. /ТАСС/. Заместитель министра иностранных дел России провел консультации с послом \
         Египта. Стороны договорились продолжить консультации в ближайшее время.",
    );
    assert_eq!((r.kind, r.status), (EventKind::Consultations, Status::Held));
    let trigger = r.evidence.kind.expect("a trigger");
    assert!(trigger.start > r.dateline.expect("a dateline").span.end, "read after the dateline");
}

#[test]
fn one_state_and_nobody_acting_for_it_is_no_diplomacy() {
    assert_eq!(kind_of("Легенда голландского футбола Рууд Гуллит прибыл в Чечню."), EventKind::Other);
    assert_eq!(
        kind_of("В столице Чехии Праге 27 мая состоялись финальные встречи чемпионата мира по флорболу."),
        EventKind::Other
    );
    // A title, a second state or a word that names diplomacy is enough.
    assert_eq!(kind_of("Президент Чехии 27 мая прибыл в Прагу."), EventKind::Visit);
    assert_eq!(kind_of("Обама находится с визитом в ЮАР."), EventKind::Visit);
    assert_eq!(kind_of("Россия и Китай провели консультации."), EventKind::Consultations);
}

#[test]
fn a_signing_takes_two_parties() {
    assert_eq!(
        kind_of("Президент России подписал документ «Стратегия развития информационного общества»."),
        EventKind::Other
    );
    assert_eq!(kind_of("Казахстан и Европейский союз подписали меморандум."), EventKind::Signing);
    assert_eq!(
        kind_of("Президент России подписал закон о ратификации соглашения с Южной Осетией."),
        EventKind::Signing
    );
}

#[test]
fn a_talk_by_phone_is_a_phone_call() {
    for text in [
        "Министр иностранных дел России провел беседу по телефону с коллегой из Китая.",
        "Министр иностранных дел России побеседовал по телефону с коллегой из Китая.",
        "Министр иностранных дел России переговорил по телефону с коллегой из Китая.",
    ] {
        assert_eq!(kind_of(text), EventKind::PhoneCall, "{text}");
    }
    assert_eq!(kind_of("Вице-президент США побеседовал с президентом Эквадора."), EventKind::Meeting);
}

#[test]
fn admission_to_an_organization_is_no_reception() {
    assert_eq!(kind_of("Комитет Сената США поддержал прием Черногории в НАТО."), EventKind::Other);
    assert_eq!(kind_of("Президент Узбекистана дал прием в честь глав государств СНГ."), EventKind::Meeting);
}

#[test]
fn a_visit_to_be_made_is_planned() {
    let r =
        extract("БИШКЕК, 3 апреля /Кабар/. Президент Кыргызстана 4-5 апреля совершит государственный визит в Китай.");
    assert_eq!((r.kind, r.status), (EventKind::Visit, Status::Planned));
    let r = extract("Президент Кыргызстана совершил государственный визит в Китай.");
    assert_eq!((r.kind, r.status), (EventKind::Visit, Status::Held));
}

#[test]
fn working_meals_and_tours() {
    assert_eq!(
        kind_of("Министр иностранных дел России провел рабочий завтрак с коллегой из Китая."),
        EventKind::Meeting
    );
    assert_eq!(
        kind_of("Министр иностранных дел России начал турне по странам Азии с посещения Китая."),
        EventKind::Visit
    );
}

#[test]
fn the_body_sentence_that_retells_the_headline_dates_the_event() {
    let r = extract(
        "Президент Обама прибыл в Ирландию\nleft|Барак Обама\n\nВ понедельник 23 мая президент США Барак Обама \
         прибыл в Ирландию, откуда и началось его турне по Европе.",
    );
    assert_eq!(r.kind, EventKind::Visit);
    assert_eq!(r.date.map(|d| d.start.to_string()).as_deref(), Some("--05-23"));
    assert_eq!(r.location.map(|p| p.name).as_deref(), Some("Ирландия"));
}

#[test]
fn matches_and_private_messages_are_no_diplomacy() {
    assert_eq!(
        kind_of(
            "МИНСК, 12 ноября (БЕЛТА) – Сборная Беларуси по хоккею встретится со сборной Казахстана в финале турнира."
        ),
        EventKind::Other
    );
    assert_eq!(
        kind_of("Президент США Дональд Трамп обратился с поздравлением к астронавту Пегги Уитсон."),
        EventKind::Other
    );
    assert_eq!(
        kind_of("Президент России выразил соболезнования родным и близким погибших в авиакатастрофе."),
        EventKind::Other
    );
    // To an official, or between two states, a message is diplomacy.
    assert_eq!(kind_of("Президент Азербайджана направил поздравительное письмо коллеге."), EventKind::Statement);
    assert_eq!(kind_of("Президент Казахстана направил соболезнования Президенту Турции."), EventKind::Statement);
}

#[test]
fn resignations_are_no_receptions_or_statements() {
    assert_eq!(kind_of("Президент России принял отставку губернатора Приморского края."), EventKind::Other);
    assert_eq!(kind_of("Премьер-министр Чехии подал заявление о своей отставке президенту Чехии."), EventKind::Other);
    assert_eq!(
        kind_of("В столице Чехии 27 мая состоялись финальные встречи чемпионата мира, в которых сыграли представители Чехии и Швеции."),
        EventKind::Other
    );
}

#[test]
fn a_bare_talk_retells_the_headlines_call() {
    let text = "Президенты Польши и Литвы провели телефонную беседу\n\nБеседа прошла вечером 11 июля и длилась \
                20 минут, сообщили в канцелярии президента Польши.";
    assert_eq!(kind_of(text), EventKind::PhoneCall);
    // Under a headline of a meeting it stays a meeting.
    let text = "Президенты Польши и Литвы встретились в Вильнюсе\n\nБеседа прошла вечером 11 июля и длилась \
                20 минут, сообщили в канцелярии президента Польши.";
    assert_eq!(kind_of(text), EventKind::Meeting);
}

#[test]
fn a_quote_from_the_headlines_event_speaks_for_its_parties() {
    // The headline names the forum, the lead quotes the president, the next
    // sentence tells he spoke there: a forum with Armenia taking part.
    let r = extract(
        "В Ереване открылся форум «Диалог»\n\nАрмения выступает за открытые границы, заявил Президент Ваагн \
         Хачатурян.\nГлава государства выступил 5 мая на открытии форума «Диалог».",
    );
    assert_eq!(r.kind, EventKind::Conference);
    assert_eq!(common::participants(&r), ["AM"]);
}

#[test]
fn officials_of_a_regions_states_make_a_diplomatic_event_without_naming_one() {
    let rec = extract(
        "Встреча глав государств Южной Америки пройдет в Лиме\n\n\
         Встреча глав государств Южной Америки пройдет в Лиме в марте.",
    );
    assert_eq!((rec.kind, rec.status), (EventKind::Meeting, Status::Planned));
    let rec = extract("Совещание министров иностранных дел стран Африки состоится в Аддис-Абебе.");
    assert_eq!(rec.kind, EventKind::Session);
    // One head of state with no state named is still no diplomacy.
    assert_eq!(kind_of("Глава государства встретился с ветеранами."), EventKind::Other);
}

#[test]
fn a_talk_in_private_is_a_meeting_in_person() {
    let rec = extract("Президенты Перу и Чили на полях саммита АТЭС провели долгий разговор тет-а-тет.");
    assert_eq!((rec.kind, rec.format), (EventKind::Meeting, dipnews::Format::InPerson));
}

#[test]
fn a_decision_to_hold_an_event_announces_it() {
    let rec = extract("Министры Перу и Чили решили провести форум регионов в режиме видеоконференции.");
    assert_eq!((rec.kind, rec.status), (EventKind::Conference, Status::Planned));
    let rec = extract("Принято решение о проведении форума регионов Перу и Чили в Лиме.");
    assert_eq!(rec.status, Status::Planned);
}

#[test]
fn the_motto_of_a_forum_that_frames_a_meeting_is_not_the_meetings_title() {
    let rec = extract(
        "Министр иностранных дел Перу встретился с министром иностранных дел Чили на полях форума в Лиме. \
         Форум в этом году проходит под девизом «Диалог в разделенном мире».",
    );
    assert_eq!(rec.kind, EventKind::Meeting);
    assert_eq!(rec.title, None);
    // A forum's own motto is its title.
    let rec = extract("В Лиме открылся форум министров Перу и Чили под девизом «Диалог в разделенном мире».");
    assert_eq!(rec.title.as_deref(), Some("Диалог в разделенном мире"));
}

#[test]
fn a_frame_names_a_noun_never_the_verb_after_it() {
    // The frame («на полях», «в рамках») hides the event it names; the
    // clause's verb is still the main event, however close it follows.
    let cases = [
        ("Лидеры на полях саммита СНГ провели переговоры.", EventKind::Talks),
        ("Лидеры на полях саммита СНГ встретились.", EventKind::Meeting),
        ("Министр на полях заседания СМИД ШОС встретился с коллегой.", EventKind::Meeting),
        ("В рамках форума министры России и Китая подписали соглашение.", EventKind::Signing),
    ];
    for (text, kind) in cases {
        assert_eq!(kind_of(text), kind, "{text}");
    }
}

#[test]
fn arrival_in_the_future_is_planned() {
    for verb in ["приедет", "прилетит"] {
        let r = extract(&format!("15 октября в Бишкек с рабочим визитом {verb} министр иностранных дел Украины."));
        assert_eq!((r.kind, r.status), (EventKind::Visit, Status::Planned), "{verb}");
    }
}

#[test]
fn a_gathering_that_sets_the_scene_yields_to_the_meeting_the_headline_names() {
    let r = extract(
        "Президент провел отдельную встречу с министрами России\n\n\
         Сегодня в Душанбе состоялось заседание ОДКБ. Президент Таджикистана принял министров иностранных дел и обороны России.",
    );
    assert_eq!((r.kind, r.location.map(|l| l.name)), (EventKind::Meeting, Some("Душанбе".into())));
    let orgs: Vec<_> = r.organizations.iter().map(|o| (o.id.as_str(), o.role)).collect();
    assert_eq!(orgs, [("CSTO", dipnews::Role::Mentioned)]);
    // Under a headline about the gathering itself, the lead stays the main event.
    let r = extract(
        "Заседание ОДКБ прошло в Душанбе\n\n\
         Сегодня в Душанбе состоялось заседание ОДКБ. Президент Таджикистана принял министров иностранных дел России.",
    );
    assert_eq!(r.kind, EventKind::Session);
}

#[test]
fn a_meeting_being_prepared_is_planned() {
    let r = extract(
        "Организация встречи министров иностранных дел России и США прорабатывается, сообщила представитель МИД.",
    );
    assert_eq!((r.kind, r.status), (EventKind::Meeting, Status::Planned));
}

#[test]
fn what_a_speaker_recalls_is_not_the_event_reported() {
    // Under a headline about the summit going on, a body sentence that
    // recalls an earlier summit does not become the event (nor date it).
    let text = "Саммит в Баку продолжается в расширенном составе\n\n\
        К лидерам пяти стран присоединились делегации еще трех государств.\n\n\
        Президент Азербайджана выступил с речью, в которой напомнил, что первый саммит был проведен в Баку в 2010 году.";
    let r = extract(text);
    assert_eq!(r.kind, EventKind::Summit);
    assert_eq!(r.date, None, "the recalled summit's year dates nothing");
    // Without «напомнил, что» the same clause reports the event.
    let plain = extract("Президент Азербайджана сообщил, что саммит был проведен в Баку 5 мая 2010 года.");
    assert_eq!(plain.kind, EventKind::Summit);
}

#[test]
fn a_meeting_with_envoys_who_present_credentials_is_the_ceremony() {
    let text = "Президент встретился с новыми послами\n\
        Минск, 3 марта /БЕЛТА/. Президент Беларуси встретился с новыми послами Сербии и Кубы.\n\
        Послы вручили главе государства верительные грамоты.";
    assert_eq!(kind_of(text), EventKind::Credentials);
    // A meeting with an envoy who presented credentials long ago stays a
    // meeting, and so does one whose envoys will present them later.
    let earlier = "Минск, 3 марта /БЕЛТА/. Президент Беларуси встретился с послом Сербии.\n\
        Ранее посол вручил верительные грамоты.";
    assert_eq!(kind_of(earlier), EventKind::Meeting);
    let later = "Минск, 3 марта /БЕЛТА/. Президент Беларуси встретился с послом Сербии.\n\
        Посол вручит верительные грамоты в мае.";
    assert_eq!(kind_of(later), EventKind::Meeting);
    // A meeting with someone else is no ceremony.
    let minister = "Минск, 3 марта /БЕЛТА/. Президент Беларуси встретился с министром Сербии.\n\
        Накануне послы Кубы и Чили вручили верительные грамоты.";
    assert_eq!(kind_of(minister), EventKind::Meeting);
}

#[test]
fn an_event_that_may_or_is_due_to_take_place_is_planned() {
    for text in [
        "Министр сообщил, что встреча президентов Беларуси и России может состояться в конце февраля.",
        "Визит президента Казахстана в Китай должен состояться в марте.",
        "Переговоры министров Армении и Ирана могут пройти в Тегеране.",
    ] {
        assert_eq!(extract(text).status, Status::Planned, "{text}");
    }
}

#[test]
fn a_format_named_in_a_side_clause_about_a_delegation_is_not_the_meetings_title() {
    let text = "Президент Узбекистана принял делегацию Турции во главе с министром иностранных дел, находящуюся в \
        Ташкенте для участия в первой министерской встрече в формате «Узбекистан – Азербайджан – Турция».";
    assert_eq!(extract(text).title, None);
    // The event's own side clause gives its title.
    let own = "В Ташкенте открылся саммит ШОС, проходящий под девизом «Единство и развитие».";
    assert_eq!(extract(own).title.as_deref(), Some("Единство и развитие"));
}

#[test]
fn how_long_an_event_lasts_announces_nothing() {
    // «продлится» tells of a visit under way; «Предыдущий раз» recalls
    // an earlier one, whose year dates nothing.
    let text = "Визит министра иностранных дел России в США продлится меньше суток. Предыдущий раз глава МИД России \
        посещал Вашингтон в 2017 году.";
    let r = extract(text);
    assert_eq!((r.kind, r.status), (EventKind::Visit, Status::Held));
    assert_eq!(r.date, None);
    // «продолжится» still announces.
    let r = extract("Консультации министров России и США продолжатся в Женеве.");
    assert_eq!(r.status, Status::Planned);
}

#[test]
fn arriving_in_any_tense_is_a_visit() {
    for (text, status) in [
        ("Премьер-министр Армении планирует прибыть в Москву 7 апреля.", Status::Planned),
        ("Премьер-министр Армении прибудет в Москву 7 апреля.", Status::Planned),
        ("Премьер-министр Армении приедет в Минск в мае.", Status::Planned),
        ("Премьер-министр Армении прилетел в Москву.", Status::Held),
        ("Президент Армении намерен посетить Францию.", Status::Planned),
    ] {
        let r = extract(text);
        assert_eq!((r.kind, r.status), (EventKind::Visit, status), "{text}");
    }
    // A team or a parcel arriving is no visit of a state.
    assert_eq!(kind_of("Футбольная команда прилетела в Москву."), EventKind::Other);
}

#[test]
fn readiness_to_meet_is_no_meeting_yet() {
    let r = extract("Лидеры Армении и Азербайджана выразили готовность провести встречу.");
    assert_eq!((r.kind, r.status), (EventKind::Meeting, Status::Planned));
    // A meeting held where readiness was voiced stays held.
    let r = extract("Министры Армении и Ирана провели встречу и подтвердили готовность к сотрудничеству.");
    assert_eq!((r.kind, r.status), (EventKind::Meeting, Status::Held));
}

#[test]
fn a_council_of_foreign_ministers_is_a_session_and_its_organization_no_title() {
    let r = extract(
        "Министр иностранных дел России примет участие в Совете министров иностранных дел «Большой двадцатки».",
    );
    assert_eq!((r.kind, r.status), (EventKind::Session, Status::Planned));
    assert_eq!(r.title, None);
    let r = extract("Главы МИД России и США планируют провести очередную встречу.");
    assert_eq!((r.kind, r.status), (EventKind::Meeting, Status::Planned));
    let r = extract("Министры иностранных дел России и США могут встретиться в ближайшее время.");
    assert_eq!((r.kind, r.status), (EventKind::Meeting, Status::Planned));
}

#[test]
fn a_lead_that_sums_up_what_was_discussed_with_whom_names_the_parties() {
    let text = "Глава МИД Беларуси обсудил с российским коллегой обеспечение региональной безопасности.\n\
        Двусторонняя встреча прошла 27 октября на полях конференции.";
    let r = extract(text);
    assert_eq!(r.kind, EventKind::Meeting);
    assert_eq!(common::participants(&r), ["BY", "RU"]);
    // A lead about tourism names no diplomatic parties.
    let text = "Российские туристы выбирают Турцию и Таиланд.\nВстреча туроператоров прошла в Москве.";
    assert_eq!(kind_of(text), EventKind::Other);
}

//! Follow-ups: later events announced or reported.

mod common;
use common::extract;
use dipnews::{EventKind, Status};

fn fups(text: &str) -> Vec<(EventKind, Status, Option<String>, Option<String>)> {
    extract(text)
        .follow_ups
        .into_iter()
        .map(|f| (f.kind, f.status, f.date.map(|d| d.start.to_string()), f.location.map(|l| l.name)))
        .collect()
}

#[test]
fn agreed_next_round() {
    let f = fups("В Душанбе состоялись консультации Таджикистана и Австрии. Достигнута договорённость провести следующий раунд консультаций в 2021 году в Вене.");
    assert_eq!(f, [(EventKind::Consultations, Status::Planned, Some("2021".into()), Some("Вена".into()))]);
    let f =
        fups("Состоялись консультации Киргизии и Китая. По итогам консультаций стороны договорились провести следующий раунд в Пекине.");
    assert_eq!(f, [(EventKind::Consultations, Status::Planned, None, Some("Пекин".into()))]);
}

#[test]
fn two_events_in_one_sentence() {
    let f = fups(
        "Москва. 10 января. INTERFAX.RU - В Женеве начались консультации России и США. После Женевы диалог продолжится 12 января \
         в Брюсселе на заседании Совета Россия - НАТО, а 13 января в Вене пройдет заседание Постоянного совета ОБСЕ.",
    );
    assert_eq!(
        f,
        [
            (EventKind::Session, Status::Planned, Some("--01-12".into()), Some("Брюссель".into())),
            (EventKind::Session, Status::Planned, Some("--01-13".into()), Some("Вена".into())),
        ]
    );
}

#[test]
fn accepted_invitation_and_planned_signing() {
    let f = fups(
        "Министры Азербайджана и Доминиканской Республики провели переговоры в Баку. Байрамов принял приглашение посетить Санто-Доминго с официальным визитом.",
    );
    assert_eq!(f, [(EventKind::Visit, Status::Planned, None, Some("Санто-Доминго".into()))]);
    let f = fups("Министр Узбекистана прибыл в Душанбе с визитом. Ожидается, что по итогам визита министры подпишут программу сотрудничества.");
    assert_eq!(f, [(EventKind::Signing, Status::Planned, None, None)]);
}

#[test]
fn later_call_and_adopted_document_are_held() {
    let f = fups(
        "МИНСК, 24 июля (БЕЛТА) – Президент Беларуси сегодня провел телефонный разговор с коллегой. Позднее в тот же день \
         белорусский лидер провел телефонный разговор с Президентом Казахстана.",
    );
    assert_eq!(f, [(EventKind::PhoneCall, Status::Held, Some("--07-24".into()), None)]);
    let f =
        fups("Вчера состоялось заседание СМИД ОДКБ. Кроме того, был утверждён план консультаций на 2021–2022 годы.");
    assert_eq!(f, [(EventKind::Statement, Status::Held, None, None)]);
}

#[test]
fn programme_items_and_recalled_events_are_not_follow_ups() {
    assert!(
        fups("Министр КНДР прибыла в Москву с визитом. Ожидается, что в ходе визита состоятся переговоры.").is_empty()
    );
    assert!(
        fups("Министр КНДР прибыла в Москву с визитом. Договор был подписан в июне 2024 года в Пхеньяне.").is_empty()
    );
    assert!(fups("Экспорт вырос. Следующее заседание пройдет в Минске.").is_empty(), "no event, no follow-up");
}

#[test]
fn the_main_event_going_on_is_no_follow_up() {
    let f = fups(
        "МАСКАТ, 8 декабря (БЕЛТА) – Президент Беларуси прибыл в Маскат с официальным визитом.\n\n\
         Визит продлится до 10 декабря. В программе — переговоры с султаном Омана и подписание пакета документов.",
    );
    // The signing in the visit's programme is still to come.
    assert_eq!(f, [(EventKind::Signing, Status::Planned, None, None)]);
}

#[test]
fn a_country_is_the_venue_of_a_follow_up_when_no_city_is_named() {
    let f = fups(
        "Президент Узбекистана 18 мая принял участие в саммите «Центральная Азия – Китай» в Астане. \
         Следующий саммит в этом формате пройдет в 2027 году в Китае.",
    );
    assert_eq!(f, [(EventKind::Summit, Status::Planned, Some("2027".into()), Some("Китай".into()))]);
}

#[test]
fn meetings_in_a_visit_or_summit_programme_are_no_follow_ups() {
    let f = fups(
        "МОСКВА, 25 окт - РИА Новости. Саммит лидеров стран СНГ пройдет 13-14 октября в Душанбе.\n\n\
         В рамках саммита Владимир Путин проведет ряд двусторонних встреч.",
    );
    assert!(f.is_empty(), "{f:?}");
    let f = fups(
        "Президент Узбекистана 21-22 ноября посетит Францию с официальным визитом.\n\n\
         В Париже запланированы переговоры на высшем уровне.",
    );
    assert!(f.is_empty(), "{f:?}");
    // Agreed as a new event, it is one.
    let f = fups(
        "Президент Узбекистана посетил Францию с официальным визитом.\n\nПрезиденты договорились о новой встрече.",
    );
    assert_eq!(f, [(EventKind::Meeting, Status::Planned, None, None)]);
}

#[test]
fn recalled_documents_are_no_follow_ups_and_what_is_signed_is_a_signing() {
    let f = fups(
        "Президент Кыргызстана провел телефонный разговор с президентом Узбекистана. \
         Ранее стороны подписали договор о государственной границе.",
    );
    assert!(f.is_empty(), "{f:?}");
    let f = fups(
        "Президенты России и Китая провели переговоры в Пекине. По итогам переговоров лидеры подписали совместное заявление.",
    );
    assert_eq!(f, [(EventKind::Signing, Status::Held, None, None)]);
    // A document signed and another adopted are two follow-ups.
    let f = fups(
        "Президенты России и Китая провели переговоры в Пекине. По итогам переговоров лидеры подписали договор о дружбе \
         и приняли совместную декларацию.",
    );
    assert_eq!(f, [(EventKind::Signing, Status::Held, None, None), (EventKind::Statement, Status::Held, None, None)]);
}

#[test]
fn an_announced_event_told_of_again_is_one_follow_up() {
    let rec = extract(
        "Президент Чили провел телефонный разговор с президентом Перу.\n\n\
         Президенты договорились о встрече, которая состоится 3 марта в Лиме. \
         Встреча пройдет в президентском дворце.",
    );
    assert_eq!(rec.follow_ups.len(), 1, "{:?}", rec.follow_ups);
    assert!(rec.follow_ups[0].date.is_some());
    // Two announced meetings in two places stay two.
    let rec = extract(
        "Президент Чили провел телефонный разговор с президентом Перу.\n\n\
         Президенты договорились о встрече, которая состоится 3 марта в Лиме. \
         Еще одна встреча пройдет 9 апреля в Сантьяго.",
    );
    assert_eq!(rec.follow_ups.len(), 2, "{:?}", rec.follow_ups);
}

#[test]
fn visits_in_the_plural_with_nothing_of_their_own_are_a_topic() {
    let rec = extract(
        "Министр иностранных дел Перу провел совещание с послами в странах Азии. \
         Участники обсудили подготовку к визитам на высшем уровне в текущем году.",
    );
    assert!(rec.follow_ups.is_empty(), "{:?}", rec.follow_ups);
    // One visit, its party and place named, is announced.
    let rec = extract(
        "Министры иностранных дел Перу и Чили провели переговоры. \
         Стороны обсудили подготовку к визиту президента Чили в Лиму.",
    );
    assert_eq!(rec.follow_ups.len(), 1, "{:?}", rec.follow_ups);
}

#[test]
fn a_recalled_word_on_an_announced_event_gives_its_day_and_city() {
    let rec = extract(
        "ЛИМА, 12 ноября 2024 года. /АНДИНА/. Президенты Перу и Чили провели телефонный разговор. \
         Обсуждены вопросы подготовки к государственному визиту президента Перу в Чили.\n\n\
         Ранее сообщалось, что визит президента Перу в Сантьяго запланирован на 27-28 ноября.",
    );
    assert_eq!(rec.follow_ups.len(), 1, "{:?}", rec.follow_ups);
    let f = &rec.follow_ups[0];
    assert_eq!(f.date.as_ref().map(|d| d.start.to_string()).as_deref(), Some("2024-11-27"));
    assert_eq!(f.location.as_ref().map(|p| p.name.as_str()), Some("Сантьяго"));
    // A recalled event that was held adds nothing.
    let rec = extract(
        "ЛИМА, 12 ноября 2024 года. /АНДИНА/. Президенты Перу и Чили провели телефонный разговор.\n\n\
         Ранее президенты провели переговоры в Сантьяго.",
    );
    assert!(rec.follow_ups.is_empty(), "{:?}", rec.follow_ups);
}

#[test]
fn an_event_announced_as_not_taking_place_is_no_follow_up() {
    let f = fups("Министры России и Турции провели телефонный разговор. Очная встреча не планируется.");
    assert_eq!(f, []);
    let f = fups("Министры России и Турции провели телефонный разговор. Очная встреча планируется 15 мая.");
    assert_eq!(f, [(EventKind::Meeting, Status::Planned, Some("--05-15".into()), None)]);
}

#[test]
fn the_date_of_a_report_does_not_date_what_it_announces() {
    let f = fups(
        "Президент встретился с послом России. 2 сентября министр сообщил, что президенты встретятся в ближайшие недели в Москве.",
    );
    assert_eq!(f, [(EventKind::Meeting, Status::Planned, None, Some("Москва".into()))]);
}

#[test]
fn an_announced_event_is_the_one_its_verb_tells_of() {
    // The frame of the sentence («Во время встречи») is not what «пройдет»
    // announces: the nearest event before it is.
    let f = fups(
        "Президент принял посла Китая. Во время встречи отмечена важность саммита «Центральная Азия + Китай», который пройдет в Сиане в мае 2023 года.",
    );
    assert_eq!(f, [(EventKind::Summit, Status::Planned, Some("2023-05".into()), Some("Сиань".into()))]);
}

#[test]
fn an_event_on_the_schedule_is_announced() {
    let f = fups("Министр иностранных дел России прибыл в Ереван с визитом. Сообщается, что 10-11 мая у министра по плану визит в Баку.");
    assert_eq!(f, [(EventKind::Visit, Status::Planned, Some("--05-10".into()), Some("Баку".into()))]);
}

#[test]
fn how_long_the_event_under_way_lasts_announces_nothing() {
    let f = fups(
        "Президенты России и Таджикистана начали переговоры. Планируется, что личная беседа лидеров продлится не менее получаса.",
    );
    assert_eq!(f, []);
}

#[test]
fn an_announced_meeting_told_again_in_other_words_and_a_recalled_day() {
    // Talks announced, then «отдельную встречу» of the same two: one event;
    // «которые состоялись 8 мая» dates the earlier talks, nothing announced.
    let f = fups(
        "Министры России и США проведут переговоры в Кируне. \"В продолжение бесед, которые состоялись 8 мая в Москве, \
         министры имеют в виду провести отдельную встречу\", - рассказал замминистра.",
    );
    assert_eq!(f, []);
}

#[test]
fn then_with_an_event_going_on_or_to_come_is_no_later_event() {
    let f = fups(
        "Министр иностранных дел России прибыл в Минск с визитом. Переговоры начнутся в расширенном формате. \
         Затем президенты России и Беларуси продолжат переговоры в формате один на один.",
    );
    assert_eq!(f, []);
    let f = fups(
        "Министр иностранных дел России прибыл в Минск с визитом. Затем министр провел переговоры с президентом Беларуси.",
    );
    assert_eq!(f, [(EventKind::Talks, Status::Held, None, None)]);
}

#[test]
fn reaching_an_agreement_as_a_topic_announces_nothing() {
    let f = fups(
        "Президенты Казахстана и Украины провели телефонный разговор. Президент заявил о важности достижения договорённости на переговорах.",
    );
    assert_eq!(f, []);
}

#[test]
fn what_cannot_be_held_is_not_announced() {
    let f = fups(
        "Президенты России и Франции провели переговоры по видеосвязи. Президент отметил, что политики не могут провести очные встречи.",
    );
    assert_eq!(f, []);
}

#[test]
fn a_negotiating_process_or_a_meeting_called_held_is_announced_by_no_one() {
    // «намерены ускорить процесс переговоров» plans no event, and the
    // meeting «на состоявшейся … встрече» took place.
    let f = fups(
        "В Астане прошли консультации Казахстана и Китая. На состоявшейся после консультаций встрече министров \
         было заявлено, что стороны намерены ускорить процесс переговоров по границе.",
    );
    assert_eq!(f, []);
    // A meeting the same words announce is one.
    let f =
        fups("В Астане прошли консультации Казахстана и Китая. Стороны намерены провести встречу министров в Пекине.");
    assert_eq!(f, [(EventKind::Meeting, Status::Planned, None, Some("Пекин".into()))]);
}

#[test]
fn what_is_to_be_discussed_is_no_event() {
    // «Планируется обсуждение … в … международных форумах»: the forums are
    // discussed, not announced.
    let f = fups(
        "Министр России прибыл с визитом в Ереван. Планируется обсуждение вопросов координации позиций в ООН, \
         ОБСЕ и других международных форумах.",
    );
    assert_eq!(f, []);
    // «на» makes the event where the discussion is to take place.
    let f = fups(
        "Министр России провел переговоры с министром Армении в Ереване. Планируется обсуждение этих вопросов на \
         следующей встрече министров.",
    );
    assert_eq!(f.iter().map(|x| x.0).collect::<Vec<_>>(), [EventKind::Meeting]);
}

#[test]
fn an_event_due_to_take_place_is_announced() {
    let f = fups(
        "В Минске прошли переговоры министров Беларуси и Китая. Визит министра Беларуси в Пекин должен состояться в мае.",
    );
    assert_eq!(f.iter().map(|x| (x.0, x.1)).collect::<Vec<_>>(), [(EventKind::Visit, Status::Planned)]);
    // «не может состояться» announces nothing.
    let f = fups("В Минске прошли переговоры министров Беларуси и Китая. Визит министра в Пекин не может состояться.");
    assert_eq!(f, []);
}

#[test]
fn a_meeting_and_talks_announced_together_are_one_event() {
    let f = fups(
        "Президент Узбекистана встретился с премьер-министром России в Москве. Сегодня же он встретится с президентом \
         России. Лидеры двух стран проведут переговоры в узком и расширенном форматах.",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    // On different days they are two.
    let f = fups(
        "Президент Узбекистана встретился с премьер-министром России в Москве. 5 мая он встретится с президентом \
         России. 7 мая лидеры двух стран проведут переговоры в Сочи.",
    );
    assert_eq!(f.len(), 2, "{f:?}");
}

#[test]
fn the_following_documents_are_no_next_event() {
    let f = fups(
        "В Ашхабаде министры Туркмении и Великобритании провели переговоры. По итогам переговоров были подписаны \
         следующие документы: программа сотрудничества на 2024-2025 годы.",
    );
    assert!(f.iter().all(|x| x.1 == Status::Held), "{f:?}");
    // «следующий раунд» still announces one.
    let f = fups("В Ашхабаде прошли консультации Туркмении и Ирана. Следующий раунд консультаций пройдет в Тегеране.");
    assert_eq!(f, [(EventKind::Consultations, Status::Planned, None, Some("Тегеран".into()))]);
}

#[test]
fn a_document_to_be_adopted_is_what_is_announced_not_an_event_held_before() {
    // «прошло заседание …, согласован проект декларации, которая, как
    // ожидается, будет принята»: the declaration is to come, the session
    // was held.
    let f = fups(
        "В Ташкенте открылась международная конференция по Афганистану. Накануне прошло заседание министров, \
         согласован проект декларации, которая, как ожидается, будет принята по итогам конференции.",
    );
    assert_eq!(f.iter().map(|x| (x.0, x.1)).collect::<Vec<_>>(), [(EventKind::Statement, Status::Planned)]);
}

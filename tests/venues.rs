//! Venues: the city (or country) where the main event took place.

mod common;
use common::extract;

fn venue(text: &str) -> Option<String> {
    extract(text).location.map(|p| p.name)
}

#[test]
fn city_after_a_preposition_in_any_case() {
    assert_eq!(venue("Министр России провел переговоры в Москве.").as_deref(), Some("Москва"));
    assert_eq!(venue("Министр Узбекистана прибыл в Душанбе с визитом.").as_deref(), Some("Душанбе"));
    assert_eq!(venue("Саммит «Россия – Африка» открылся в Санкт-Петербурге.").as_deref(), Some("Санкт-Петербург"));
    assert_eq!(
        venue("Казахстан и ЕС подписали меморандум. Документ был подписан в египетском Шарм-эш-Шейхе.").as_deref(),
        Some("Шарм-эш-Шейх")
    );
}

#[test]
fn capital_of_a_named_state() {
    assert_eq!(venue("Сегодня в столице Узбекистана прошло заседание глав МИД.").as_deref(), Some("Ташкент"));
}

#[test]
fn accreditation_is_no_venue() {
    assert_eq!(venue("Посол Таджикистана в Австрии встретился с директором фонда."), None);
    assert_eq!(venue("Посол Таджикистана в Австрии встретился с директором фонда в Вене.").as_deref(), Some("Вена"));
}

#[test]
fn dateline_city_is_not_the_venue() {
    assert_eq!(venue("МОСКВА, 6 октября. /ТАСС/. Министр провел встречу с послом."), None);
}

#[test]
fn remote_events_have_no_venue() {
    assert_eq!(venue("Министры России из Москвы провели телефонный разговор."), None);
    assert_eq!(venue("В Минске в формате видеоконференции прошло заседание СНГ."), None);
}

#[test]
fn city_named_like_its_state() {
    let r = extract("6 октября в городе Кувейт Посол Таджикистана в Государстве Кувейт подписал соглашение.");
    // The city's nominative name in the table is «Эль-Кувейт».
    assert_eq!(r.location.map(|p| p.name).as_deref(), Some("Эль-Кувейт"));
    assert!(r.states.iter().any(|s| s.iso2 == "KW"));
}

#[test]
fn a_place_after_a_topic_noun_is_what_is_discussed() {
    assert_eq!(venue("ООН, 30 авг – РИА Новости. Совет Безопасности ООН провел заседание по ситуации в Сирии."), None);
    assert_eq!(
        venue("Министры обсудили урегулирование конфликта в Йемене на встрече в Эр-Рияде.").as_deref(),
        Some("Эр-Рияд")
    );
}

#[test]
fn a_later_paragraph_that_tells_of_the_event_again_names_its_place() {
    let text = "БАКУ /Trend/ - Азербайджан и Узбекистан подписали соглашение о создании инвестиционного фонда.\n\n\
                Как сообщает Trend, документ был подписан в Баку в рамках заседания межправкомиссии.";
    assert_eq!(venue(text).as_deref(), Some("Баку"));
    let text = "Министр России провел переговоры с министром Египта.\n\nРанее министр провел встречу в Каире.";
    assert_eq!(venue(text), None, "an earlier event's place");
}

#[test]
fn the_country_a_visit_goes_to() {
    assert_eq!(
        venue("Президент Узбекистана 21-22 ноября посетит Францию с официальным визитом.").as_deref(),
        Some("Франция")
    );
}

#[test]
fn a_country_visited_with_a_visit() {
    assert_eq!(venue("Глава МИД России 12-13 декабря посетит с визитом Турцию.").as_deref(), Some("Турция"));
}

#[test]
fn a_phone_call_beside_a_visit_leaves_its_venue() {
    assert_eq!(
        venue("Обама находится с визитом в ЮАР. Президент США встретился с семьей Манделы и поговорил по телефону с его женой.")
            .as_deref(),
        Some("ЮАР")
    );
}

#[test]
fn an_adjective_before_a_smaller_city() {
    assert_eq!(venue("Министры Эстонии и Латвии провели встречу в финском Рованиеми.").as_deref(), Some("Рованиеми"));
    assert_eq!(venue("Главы МИД Греции и Кипра встретились в турецкой Анталье.").as_deref(), Some("Анталья"));
    assert_eq!(venue("Президент Монголии провел переговоры в японской Осаке.").as_deref(), Some("Осака"));
    assert_eq!(venue("Переговоры делегаций Ирана и Омана прошли в иранском Ширазе.").as_deref(), Some("Шираз"));
}

#[test]
fn the_capital_of_the_state_just_named() {
    let text = "Министр иностранных дел Кыргызстана прибыл с визитом в Монголию. В столице республики он проведет \
                переговоры с министром иностранных дел Монголии.";
    assert_eq!(venue(text).as_deref(), Some("Улан-Батор"));
    assert_eq!(venue("Министры Армении и Грузии провели переговоры в белорусской столице.").as_deref(), Some("Минск"));
    assert_eq!(
        venue("Министр иностранных дел Монголии прибыл с визитом в столицу Казахстана.").as_deref(),
        Some("Астана")
    );
    assert_eq!(venue("Президент Монголии прибыл с визитом в казахстанскую столицу.").as_deref(), Some("Астана"));
    // No state named before it: no place.
    assert_eq!(venue("В столице страны прошла встреча министров."), None);
}

#[test]
fn a_seat_of_government_names_its_city() {
    assert_eq!(venue("Президент России провел в Кремле переговоры с президентом Лаоса.").as_deref(), Some("Москва"));
    assert_eq!(venue("Президент Казахстана в Акорде встретился с министром Италии.").as_deref(), Some("Астана"));
    assert_eq!(venue("Президент Франции в Елисейском дворце принял премьер-министра Индии.").as_deref(), Some("Париж"));
    assert_eq!(
        venue("Премьер-министры Великобритании и Норвегии провели встречу на Даунинг-стрит.").as_deref(),
        Some("Лондон")
    );
}

#[test]
fn a_seat_several_cities_have_is_read_from_the_text() {
    // «Белый дом»: Washington unless the text names only Russia.
    assert_eq!(venue("Президенты США и Кении провели переговоры в Белом доме.").as_deref(), Some("Вашингтон"));
    assert_eq!(venue("Премьер-министры России и Белоруссии провели встречу в Белом доме.").as_deref(), Some("Москва"));
    // «Дворец Независимости»: Minsk and Astana.
    assert_eq!(
        venue("Президент Беларуси во Дворце Независимости встретился с послом Китая.").as_deref(),
        Some("Минск")
    );
    assert_eq!(
        venue("Президент Казахстана во Дворце Независимости встретился с послом Китая.").as_deref(),
        Some("Астана")
    );
    assert_eq!(
        venue("Саммит прошел в Астане во Дворце Независимости при участии президентов Беларуси и Казахстана.")
            .as_deref(),
        Some("Астана")
    );
}

#[test]
fn a_seat_is_never_a_state_nor_a_dateline() {
    let r = extract("КРЕМЛЬ, 5 мая. /ТАСС/. Президент России в Кремле принял министра иностранных дел Китая.");
    assert_eq!(r.location.as_ref().map(|p| p.name.as_str()), Some("Москва"));
    assert_eq!(common::states(&r), ["RU", "CN"]);
    assert!(r.dateline.and_then(|d| d.city).is_none());
}

#[test]
fn a_signing_takes_the_talks_place() {
    assert_eq!(
        venue("По итогам переговоров в Каире министры Египта и Иордании подписали меморандум о сотрудничестве.")
            .as_deref(),
        Some("Каир")
    );
}

#[test]
fn an_unnamed_building_is_no_place() {
    assert_eq!(venue("Министр Армении провел встречу с послом Швеции в здании МИД."), None);
    assert_eq!(venue("В Министерстве иностранных дел Армении состоялась встреча с послом Египта."), None);
    assert_eq!(
        venue("Послы Малайзии и Перу (с резиденцией в Москве) вручили копии верительных грамот министру Армении."),
        None
    );
}

#[test]
fn a_visited_states_city_from_the_next_paragraph() {
    let text = "Министр иностранных дел Таджикистана находится с официальным визитом в Китае.\n\n\
                Переговоры глав внешнеполитических ведомств прошли в китайском Сиане.";
    assert_eq!(venue(text).as_deref(), Some("Сиань"));
    // A city of another country, or an earlier round, does not place it.
    let text = "Министр иностранных дел Таджикистана находится с официальным визитом в Китае.\n\n\
                Ранее министр провел переговоры в Улан-Баторе.";
    assert_eq!(venue(text).as_deref(), Some("Китай"));
}

#[test]
fn an_earlier_round_or_event_places_nothing() {
    let text = "Сегодня МИД Армении и Грузии провели политические консультации.\n\n\
                Предыдущий раунд консультаций состоялся в Тбилиси.";
    assert_eq!(venue(text), None);
    let text = "В продолжение переговоров, которые состоялись 7 апреля в Ташкенте, 17 апреля в Москве министр \
                иностранных дел России встретился с министром иностранных дел Узбекистана.";
    assert_eq!(venue(text).as_deref(), Some("Москва"));
}

#[test]
fn a_later_paragraph_that_describes_the_event_in_other_words() {
    let text = "Президенты Беларуси и Вьетнама провели переговоры о развитии торговли.\n\n\
                Встреча лидеров проходит во Дворце Независимости.";
    assert_eq!(venue(text).as_deref(), Some("Минск"));
    let text = "Президенты Беларуси и Вьетнама провели переговоры о развитии торговли.\n\n\
                Следующая встреча пройдет в Ханое.";
    assert_eq!(venue(text), None, "a later event");
}

#[test]
fn what_the_talks_yielded_names_their_place() {
    let text = "Президенты Сербии и Венгрии провели переговоры.\n\n\
                По итогам переговоров в Белграде подписан пакет документов.";
    assert_eq!(venue(text).as_deref(), Some("Белград"));
}

#[test]
fn a_later_sentence_that_goes_on_about_the_event_places_it() {
    // «а затем» inside a sentence about the same talks announces nothing.
    let text = "Президент Казахстана провел переговоры с Президентом Армении, который находится в Казахстане с \
                визитом.\nПереговоры в узком, а затем в расширенном составе прошли в Астане.";
    assert_eq!(venue(text).as_deref(), Some("Астана"));
    // Within an announced visit, its talks are part of the programme.
    let text = "Президент Казахстана 5-6 мая посетит Армению с официальным визитом.\nПереговоры с премьер-министром \
                пройдут в Ереване.";
    assert_eq!(venue(text).as_deref(), Some("Ереван"));
    // A sentence that opens on a later event does not place this one.
    let text = "Президент Казахстана находится в Армении с официальным визитом. Затем он посетит Гюмри.";
    assert_eq!(venue(text).as_deref(), Some("Армения"));
}

#[test]
fn a_sentence_further_down_that_the_event_is_taking_place_places_it() {
    let text = "Министр Армении выступил на открытии международного форума «Диалог».\n\nОн отметил рост торговли.\n\n\
                По его словам, связи крепнут.\n\nЭксперты согласны.\n\nФорум проходит 5-6 мая в Ереване.";
    assert_eq!(venue(text).as_deref(), Some("Ереван"));
    // The next forum's place is not this one's.
    let text = "Министр Армении выступил на открытии международного форума «Диалог».\n\nОн отметил рост торговли.\n\n\
                По его словам, связи крепнут.\n\nЭксперты согласны.\n\nСледующий форум пройдет в Баку.";
    assert_eq!(venue(text), None);
}

#[test]
fn where_one_goes_is_weaker_than_where_it_takes_place() {
    // The meeting was held in Lima; Beijing is where a visit it prepared goes.
    assert_eq!(
        venue(
            "В Лиме обсудили подготовку визита министров Перу и Чили в Пекин\n\n\
             Посол Перу провел встречу с послом Чили, организованную в рамках подготовки визита министров в Пекин."
        )
        .as_deref(),
        Some("Лима")
    );
    // For a visit, where one goes is the venue.
    assert_eq!(venue("Президент Перу прибыл с визитом в Кито.").as_deref(), Some("Кито"));
    assert_eq!(venue("Министр Чили прибыл с визитом в Ташкент.").as_deref(), Some("Ташкент"));
    // Alone, it is still the place.
    assert_eq!(venue("Министры Перу и Чили прибыли на переговоры в Ташкент.").as_deref(), Some("Ташкент"));
}

#[test]
fn a_state_as_the_venue_keeps_cities_of_other_states_out() {
    // Lima is where the plan was announced, Chile where the meeting will be.
    assert_eq!(
        venue(
            "Президент Перу сообщил, что встретится с президентом Эквадора в Чили\n\n\
             Президент Перу заявил, что встретится с президентом Эквадора в Чили. Об этом он сообщил во время \
             переговоров с губернатором провинции в Лиме."
        )
        .as_deref(),
        Some("Чили")
    );
    // A city of that state makes it precise.
    assert_eq!(
        venue("Президент Перу заявил, что встретится с президентом Эквадора в Чили. Встреча пройдет в Сантьяго.")
            .as_deref(),
        Some("Сантьяго")
    );
}

#[test]
fn a_seat_of_government_after_a_word_or_two() {
    assert_eq!(
        venue("Президент Казахстана встретился с министром Китая в столичной резиденции Акорде.").as_deref(),
        Some("Астана")
    );
    // A capitalized word between is a name of its own: no seat is read past it.
    assert_eq!(venue("Президент Казахстана встретился с министром Китая в Доме Дружбы.").as_deref(), None);
}

#[test]
fn the_post_an_envoy_was_sent_to_is_no_venue() {
    assert_eq!(venue("Министр иностранных дел Перу встретился с назначенным в Москву послом Чили.").as_deref(), None);
    // Where one receives an envoy is.
    assert_eq!(venue("Министр иностранных дел Перу принял в Лиме посла Чили.").as_deref(), Some("Лима"));
}

#[test]
fn a_state_visited_after_a_date_or_a_visit_phrase() {
    assert_eq!(venue("Министр иностранных дел России посетит 27-28 февраля Азербайджан."), Some("Азербайджан".into()));
    assert_eq!(
        venue("Министр иностранных дел России посетит с официальным визитом Азербайджан."),
        Some("Азербайджан".into())
    );
    // A name between is no visit of it.
    assert_eq!(
        venue("Министр иностранных дел России посетит Баку, а затем Азербайджан отправит делегацию."),
        Some("Баку".into())
    );
}

#[test]
fn a_city_after_an_adjective_in_the_accusative() {
    assert_eq!(
        venue("Министр иностранных дел России прибыл с официальным визитом в турецкую Анкару."),
        Some("Анкара".into())
    );
}

#[test]
fn a_capital_under_another_of_its_spellings() {
    assert_eq!(venue("В Ашгабаде завершились консультации России и Туркмении.").as_deref(), Some("Ашхабад"));
    assert_eq!(venue("В Ашгабате завершились консультации России и Туркмении.").as_deref(), Some("Ашхабад"));
}

#[test]
fn a_signing_takes_the_place_of_the_meeting_it_crowns_with_words_between() {
    let text = "Министры иностранных дел России и Малави подписали меморандум о консультациях. Об этом говорится в \
        сообщении МИД России по итогам их встречи в Каире.";
    assert_eq!(venue(text).as_deref(), Some("Каир"));
    // «по итогам» far from the place names none.
    let text = "Министры иностранных дел России и Малави подписали меморандум о консультациях. По итогам года \
        товарооборот двух стран вырос, сообщили в посольстве в Каире.";
    assert_eq!(venue(text), None);
}

#[test]
fn an_announced_event_told_of_again_gives_its_place() {
    let text = "20 июня министр иностранных дел России примет участие в заседании Совета министров иностранных дел \
        ОДКБ. Заседание пройдет в Минске.";
    assert_eq!(venue(text).as_deref(), Some("Минск"));
    // The next one is another event.
    let text = "20 июня министр иностранных дел России примет участие в заседании Совета министров иностранных дел \
        ОДКБ. Следующее заседание пройдет в Минске.";
    assert_eq!(venue(text), None);
}

#[test]
fn a_state_the_headline_visits_is_the_venue_when_the_lead_names_none() {
    let text = "Ожидается официальный визит президента Таджикистана в Узбекистан\n\n\
        Отмечалось, что в рамках запланированного на 2-3 июня визита президента Таджикистана ожидается подписание \
        ряда документов.";
    assert_eq!(venue(text).as_deref(), Some("Узбекистан"));
    // A headline about another event gives no place.
    let text = "В Косово убит сербский политик\n\n\
        В тот же день президенты Сербии и Албании начали переговоры.";
    assert_eq!(venue(text), None);
}

#[test]
fn a_visits_programme_places_it_in_a_city_of_the_state_visited() {
    let text = "Госсекретарь США прибыл с официальным визитом в Казахстан. Ожидается, что в Астане он примет участие \
        во встрече министров и проведет переговоры.";
    assert_eq!(venue(text).as_deref(), Some("Астана"));
    // Talks placed in a state are not placed by what is announced.
    let text = "Министры США и Казахстана провели переговоры в Казахстане. Ожидается, что в Астане пройдет \
        следующая встреча министров.";
    assert_eq!(venue(text).as_deref(), Some("Казахстан"));
}

#[test]
fn a_ceremony_told_of_again_gives_the_place() {
    let text = "Астана - 8 октября /Казинформ/. Президент Казахстана встретился с новыми послами Словакии и Испании.\n\
        Церемония состоялась в резиденции Акорда.";
    assert_eq!(venue(text).as_deref(), Some("Астана"));
}

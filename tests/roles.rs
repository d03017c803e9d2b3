//! Roles: participants and mentioned states and organizations.

mod common;
use common::{extract, mentioned, org_participants, participants};

#[test]
fn parties_of_a_meeting_and_an_accreditation() {
    let r = extract("Посол России в Гвинее вручил верительные грамоты Президенту Гвинеи.");
    assert_eq!(participants(&r), ["RU", "GN"]);
    let r = extract("Министр иностранных дел Таджикистана встретился с Послом Японии в Республике Таджикистан.");
    assert_eq!(participants(&r), ["TJ", "JP"]);
}

#[test]
fn lists_of_participants_and_adjectives() {
    let r = extract(
        "Вчера состоялось заседание Совета министров иностранных дел ОДКБ. В заседании приняли участие министры \
         иностранных дел Армении, Беларуси и Казахстана.",
    );
    assert_eq!(participants(&r), ["AM", "BY", "KZ"]);
    assert_eq!(org_participants(&r), ["CSTO"]);
    let r = extract("Лавров провел переговоры со своим малийским коллегой.");
    assert_eq!(participants(&r), ["RU", "ML"], "Лавров is Russia's");
}

#[test]
fn topics_and_later_sentences_are_mentioned() {
    let r = extract(
        "Министры России и Китая провели переговоры. Стороны обменялись мнениями по ситуации в Западной Африке, \
         в том числе в Мали и Нигере.",
    );
    assert_eq!(participants(&r), ["RU", "CN"]);
    assert_eq!(mentioned(&r), ["ML", "NE"]);
    let r = extract("Министр России принял Посла Кувейта. В ходе беседы обсуждена ситуация в Сирии и Йемене.");
    assert_eq!(participants(&r), ["RU", "KW"]);
    assert_eq!(mentioned(&r), ["SY", "YE"], "a list after a topic word is all topic");
}

#[test]
fn names_in_an_event_title_are_its_topic() {
    let r = extract("Вчера в Алматы прошла конференция «Центральная Азия – Афганистан: перспективы».");
    assert_eq!(mentioned(&r), ["AF"]);
}

#[test]
fn chair_and_host_take_part() {
    let r = extract("Саммит БРИКС под председательством России прошел сегодня в формате видеоконференции.");
    assert_eq!(participants(&r), ["RU"]);
    assert_eq!(org_participants(&r), ["BRICS"]);
}

#[test]
fn no_parties_when_there_is_no_event() {
    let r = extract("Российские туристы чаще всего выбирали Турцию и Египет.");
    assert!(participants(&r).is_empty());
    assert_eq!(mentioned(&r), ["RU", "TR", "EG"]);
}

#[test]
fn speakers_at_a_session_take_part_but_not_what_they_speak_of() {
    let r = extract(
        "НЬЮ-ЙОРК, 17 марта. /ТАСС/. Совет Безопасности ООН на заседании продлил мандат миссии. Заседание прошло \
         в штаб-квартире. Обсуждение было долгим. Постпред КНР призвал разморозить активы Афганистана.",
    );
    assert_eq!(participants(&r), ["CN"]);
    assert_eq!(mentioned(&r), ["AF"]);
}

#[test]
fn parties_of_an_earlier_event_are_mentioned() {
    let r = extract(
        "Министр иностранных дел Таджикистана встретился с Послом Франции. \
         Ранее министр провел переговоры с делегацией Всемирного банка.",
    );
    assert_eq!(participants(&r), ["TJ", "FR"]);
    assert!(org_participants(&r).is_empty(), "{:?}", r.organizations);
}

#[test]
fn a_problem_named_after_a_topic_noun_is_a_topic() {
    let r = extract("Россия и Китай провели консультации по проблематике Афганистана в Пекине.");
    assert_eq!(participants(&r), ["RU", "CN"]);
    assert_eq!(mentioned(&r), ["AF"]);
}

#[test]
fn what_a_session_is_devoted_to_is_its_topic() {
    let r = extract(
        "20 ноября в Нью-Йорке по инициативе Российской Федерации состоялось заседание Совета Безопасности ООН, \
         посвященное поставкам западного оружия Украине.",
    );
    assert_eq!(participants(&r), ["RU"]);
    assert_eq!(mentioned(&r), ["UA"]);
}

#[test]
fn a_list_of_parties_after_in_particular() {
    let r = extract(
        "ТАШКЕНТ, 15 сентября. /ТАСС/. Международная конференция открылась в Ташкенте. В ее работе принимают участие \
         представители более 40 государств и международных организаций, в том числе ООН, ШОС и Европейского союза.",
    );
    assert_eq!(org_participants(&r), ["UN", "SCO", "EU"]);
}

#[test]
fn a_later_paragraph_on_the_event_names_parties() {
    let r = extract(
        "БИШКЕК, 23 ноября /Кабар/. Заседание Совета министров иностранных дел ОДКБ прошло в Ереване.\n\n\
         Кыргызстан на заседании представлял министр иностранных дел.\n\nРанее министр встретился с послом Китая.",
    );
    assert_eq!(participants(&r), ["KG"]);
    assert_eq!(mentioned(&r), ["CN"]);
    let r = extract(
        "МОСКВА, 5 ноября. /ТАСС/. Президент России в Кремле принял верительные грамоты у 22 новых послов. \
         Среди них - послы Австрии, Бразилии и Кении.",
    );
    assert_eq!(participants(&r), ["RU", "AT", "BR", "KE"]);
}

#[test]
fn speakers_at_open_debates_take_part() {
    let r = extract(
        "НЬЮ-ЙОРК, 8 мая. /ТАСС/. Совет Безопасности ООН провел открытые дебаты по ситуации на Ближнем Востоке. \
         На заседании выступил постоянный представитель России при ООН, который призвал к прекращению огня. \
         Постпред Китая поддержал позицию российской стороны.",
    );
    assert_eq!(r.kind, dipnews::EventKind::Session);
    assert_eq!(participants(&r), ["RU", "CN"]);
}

#[test]
fn an_accreditation_ends_with_its_list_of_names() {
    let r = extract(
        "Круглый стол прошел в Минске. В нем приняли участие посол Китая в Беларуси и заместитель министра \
         иностранных дел Беларуси.",
    );
    assert_eq!(participants(&r), ["CN", "BY"]);
    let r = extract("Посол России в Гвинее встретился с министром иностранных дел Кот-д'Ивуара.");
    assert_eq!(participants(&r), ["RU", "CI"]);
    assert_eq!(mentioned(&r), ["GN"]);
}

#[test]
fn a_sentence_about_tomorrow_names_no_parties_of_today() {
    let r = extract(
        "ХАНОЙ, 6 июля. /ТАСС/. Министр иностранных дел России провел переговоры с вьетнамским коллегой. \
         Позднее в тот же день министр встретился с премьер-министром Вьетнама. Завтра министр отправится в Лаос, \
         где примет участие в совещании министров иностранных дел АСЕАН.",
    );
    assert!(org_participants(&r).is_empty(), "{:?}", r.organizations);
    assert_eq!(participants(&r), ["RU", "VN"]);
}

#[test]
fn a_lead_that_sums_up_the_news_names_the_parties() {
    // The lead has no trigger; the talks are reported by the next sentence.
    let r = extract(
        "Президент Армении рассказал о договоренности с Грузией об открытии границы. Переговоры с грузинской \
         стороной по этому вопросу шли два месяца.",
    );
    assert_eq!(r.kind, dipnews::EventKind::Talks);
    assert_eq!(participants(&r), ["AM", "GE"]);
    // A later sentence that recalls an earlier event reports no main event.
    let r = extract(
        "Президент Армении рассказал о договоренности с Грузией об открытии границы. Ранее переговоры с \
         грузинской стороной по этому вопросу шли два месяца.",
    );
    assert!(participants(&r).is_empty());
}

#[test]
fn a_capital_as_an_actor_stands_for_its_state() {
    let r = extract("Армения и Азербайджан: новый этап\n\nВчера Баку и Ереван начали переговоры о мирном договоре.");
    assert_eq!(participants(&r), ["AM", "AZ"]);
    let r =
        extract("Армения и Азербайджан: новый этап\n\nВ 2023 году Баку и Ереван начали переговоры о мирном договоре.");
    assert_eq!(participants(&r), ["AM", "AZ"], "«году» is no «г.»");
    // A venue or a capital governed by a preposition is no actor.
    let r = extract(
        "Армения и Азербайджан: новый этап\n\nВчера в Баку начались переговоры министров о мирном договоре с \
         Ереваном.",
    );
    assert!(participants(&r).is_empty(), "{:?}", participants(&r));
    let r = extract("Армения и Азербайджан: новый этап\n\nВчера в городе Баку министры начали переговоры.");
    assert!(participants(&r).is_empty());
    // The capital gives its state no mention of its own.
    let r = extract("Вчера Баку и Ереван начали переговоры о мирном договоре.");
    assert!(r.states.is_empty());
}

#[test]
fn an_agreement_reached_at_an_event_is_its_outcome() {
    let r = extract(
        "Премьер-министр Армении выступил в парламенте. Он сообщил, что во время встречи с президентом России они \
         договорились о поставках газа.",
    );
    assert_eq!(r.kind, dipnews::EventKind::Meeting);
    assert_eq!(participants(&r), ["AM", "RU"]);
    // An agreement to hold an event announces it: no event is reported.
    let r = extract(
        "Премьер-министр Армении выступил в парламенте. Министры России и Армении договорились провести встречу в \
         мае.",
    );
    assert_eq!(r.kind, dipnews::EventKind::Other);
}

#[test]
fn a_statement_in_the_paragraph_before_its_event_names_a_party() {
    // «Об этом он сказал на встрече…» points back to the statement, even
    // across the line break agency copy puts after each sentence.
    let text = "Сотрудничество развивается успешно, заявил министр иностранных дел Армении.\n\nОб этом он сказал на \
                встрече с министром иностранных дел Грузии.";
    assert_eq!(participants(&extract(text)), ["AM", "GE"]);
    // Not from further back.
    let text = "Сотрудничество развивается успешно, заявил министр иностранных дел Армении.\n\nПогода была \
                хорошей.\n\nОб этом он сказал на встрече с министром иностранных дел Грузии.";
    assert_eq!(participants(&extract(text)), ["GE"]);
}

#[test]
fn a_partnership_named_is_a_topic() {
    let r = extract("Министры России и Индии провели переговоры о развитии партнерства Индии и АСЕАН.");
    assert_eq!(participants(&r), ["RU", "IN"]);
    assert!(org_participants(&r).is_empty(), "ASEAN is what the partnership is with");
}

#[test]
fn a_compound_first_part_alone_names_no_state() {
    let r = extract("Сборная Казахстана по греко-римской борьбе выиграла три медали.");
    assert_eq!(common::states(&r), ["KZ"]);
    let r = extract("Министры обсудили англо-саксонскую правовую традицию и индо-тихоокеанский регион.");
    assert!(r.states.is_empty());
    let r = extract("Вчера прошли российско-таджикские переговоры.");
    assert_eq!(common::states(&r), ["RU", "TJ"]);
}

#[test]
fn under_an_announced_event_the_parties_of_one_held_are_not_its_parties() {
    let rec = extract(
        "Встреча глав государств Южной Америки пройдет в Лиме\n\n\
         Встреча глав государств Южной Америки пройдет в Лиме в марте.\n\n\
         Накануне в Кито президент Перу встретился с президентом Эквадора и принял участие в форуме.",
    );
    assert_eq!(rec.status, dipnews::Status::Planned);
    assert!(participants(&rec).is_empty(), "{:?}", participants(&rec));
    assert_eq!(mentioned(&rec), ["PE", "EC"]);
}

#[test]
fn an_organization_whose_headquarters_hosts_the_talks_is_no_party() {
    let rec = extract("Министр иностранных дел Перу провел переговоры с министром Чили в штаб-квартире ООН.");
    assert!(org_participants(&rec).is_empty(), "{:?}", org_participants(&rec));
    let rec = extract("Министр иностранных дел Перу провел переговоры с генеральным секретарем ООН.");
    assert_eq!(org_participants(&rec), ["UN"]);
}

#[test]
fn the_host_of_a_visit_takes_part_and_an_earlier_stop_elsewhere_does_not() {
    let r = extract(
        "Министр иностранных дел России прибыл в понедельник в Баку. Вечером министр встретится с президентом Азербайджана.\n\n\
         5-6 мая министр посетил Ереван, где был принят армянским коллегой.",
    );
    assert_eq!(participants(&r), ["RU", "AZ"]);
    assert_eq!(mentioned(&r), ["AM"]);
}

#[test]
fn a_list_of_the_envoys_countries_names_the_parties_of_a_ceremony() {
    let r = extract(
        "Президент России 15 января в Кремле примет верительные грамоты у послов Франции и еще трех десятков государств. \
         Список всех стран: Словакия, Словения, Сомали.\n\nВерительная грамота — документ, который подтверждает полномочия посла.",
    );
    assert_eq!(r.status, dipnews::Status::Planned);
    assert_eq!(participants(&r), ["RU", "FR", "SK", "SI", "SO"]);
    // A list of something else under another kind of event names no party.
    let r = extract("Министры России и Китая провели переговоры. В списке стран, введших санкции, Франция и Италия.");
    assert_eq!(participants(&r), ["RU", "CN"]);
}

#[test]
fn a_visit_to_an_organizations_gathering_has_no_host_party() {
    let r = extract(
        "Министр иностранных дел России прибыл в Нью-Йорк для участия в сессии Генассамблеи ООН. \
         У него запланирована встреча с госсекретарем США.",
    );
    assert_eq!(participants(&r), ["RU"]);
    assert_eq!(org_participants(&r), ["UN"]);
}

#[test]
fn the_party_of_the_event_before_the_news_is_mentioned() {
    let r = extract("После разговора с Путиным Токаев переговорил по телефону с Зеленским.");
    assert_eq!(participants(&r), ["KZ", "UA"]);
    assert_eq!(mentioned(&r), ["RU"]);
    // With no other event in the sentence, the one after «после» is the news.
    let r = extract("После переговоров министры иностранных дел России и Китая ответили на вопросы журналистов.");
    assert_eq!(r.kind, dipnews::EventKind::Talks);
}

#[test]
fn the_side_of_an_invasion_or_a_war_is_a_topic() {
    let r = extract(
        "Президенты Казахстана и Украины провели телефонный разговор. Это второй телефонный разговор президентов с начала российского вторжения в Украину.",
    );
    assert_eq!(participants(&r), ["KZ", "UA"]);
    assert_eq!(mentioned(&r), ["RU"]);
}

#[test]
fn a_recall_after_a_short_opening_and_a_topic_with_a_quoted_title() {
    let r = extract(
        "Заседание, посвященное теме «поддержания мира и безопасности» Украины проведет Совет Безопасности ООН 22 сентября. \
         Отметим, ранее постпред России заявил, что Россия запросила проведение заседания Совета Безопасности ООН.",
    );
    assert_eq!(participants(&r), Vec::<&str>::new());
    assert_eq!(mentioned(&r), ["UA", "RU"]);
    assert_eq!(org_participants(&r), ["UN"]);
}

#[test]
fn what_came_before_the_event_names_no_party() {
    // A sentence that ends with «после того, как …» or «после слов …».
    let r = extract(
        "Президент Казахстана провел телефонный разговор с президентом России. Беседа состоялась после того, как \
         он заявил о готовности принять переговоры Армении и Азербайджана.",
    );
    assert_eq!(participants(&r), ["KZ", "RU"]);
    assert_eq!(mentioned(&r), ["AM", "AZ"]);
    let r = extract("Президент Казахстана поговорил с президентом России после слов о переговорах с Китаем.");
    assert_eq!(participants(&r), ["KZ", "RU"]);
}

#[test]
fn the_venue_country_in_brackets_and_a_session_on_whose_eve_they_met_take_no_part() {
    let r = extract(
        "Министры иностранных дел Казахстана и России провели встречу. Встреча состоялась в Чолпон-Ате (Киргизия) \
         накануне заседания Совета министров иностранных дел ОДКБ.",
    );
    assert_eq!(participants(&r), ["KZ", "RU"]);
    assert_eq!(mentioned(&r), ["KG"]);
    assert_eq!(org_participants(&r), Vec::<String>::new());
    assert_eq!(r.location.map(|p| p.name).as_deref(), Some("Чолпон-Ата"));
    // A visit's host in brackets stays its party.
    let r = extract("Президент Киргизии прибыл с визитом в Астану (Казахстан).");
    assert_eq!(participants(&r), ["KG", "KZ"]);
    // «Накануне встреча … прошла» is a meeting the day before, no frame.
    assert_eq!(
        extract("Накануне встреча министров Казахстана и России прошла в Минске.").kind,
        dipnews::EventKind::Meeting
    );
}

#[test]
fn an_organization_whose_headquarters_are_visited_hosts_the_visit() {
    let r =
        extract("Министр иностранных дел Киргизии 7-8 апреля посетит штаб-квартиру ООН в Нью-Йорке с рабочим визитом.");
    assert_eq!(org_participants(&r), ["UN"]);
    // A meeting held at the headquarters is not the organization's.
    let r = extract("Министры Киргизии и Казахстана провели встречу в штаб-квартире ООН в Нью-Йорке.");
    assert_eq!(org_participants(&r), Vec::<String>::new());
}

#[test]
fn an_organization_named_far_into_a_side_clause_only_frames() {
    let r = extract(
        "6 апреля министр иностранных дел Таджикистана, прибывший в Ташкент для участия в заседании Совета министров \
         иностранных дел государств-участниц Содружества Независимых Государств, встретился с министром иностранных \
         дел Узбекистана.",
    );
    assert_eq!(participants(&r), ["TJ", "UZ"]);
    assert_eq!(org_participants(&r), Vec::<String>::new());
}

#[test]
fn a_generic_name_for_the_event_tells_of_it_again() {
    let r = extract(
        "Международная конференция по Афганистану началась во вторник в Ташкенте. Мероприятие открыл президент \
         Узбекистана.",
    );
    assert_eq!(participants(&r), ["UZ"]);
    assert_eq!(mentioned(&r), ["AF"]);
}

#[test]
fn envoys_listed_one_a_line_after_a_colon_presented_credentials() {
    let text = "Президент России принял верительные грамоты у послов иностранных государств.\n\
        Верительные грамоты Президенту России вручили:\n\
        Хулио Кордоба – Республика Панама,\n\
        Юнхо Ли – Республика Корея,\n\
        Ульрих Бранденбург – Федеративная Республика Германия.\n\
        В церемонии приняли участие сотрудники администрации.";
    let r = extract(text);
    assert_eq!(participants(&r), ["RU", "PA", "KR", "DE"]);
}

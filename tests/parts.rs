//! Document parts of pages as users copy them from news sites: site text
//! before the article, a title with a site suffix, timestamps, datelines
//! glued to the title, furniture between body paragraphs, and the trailer.
//! Every page here is made up for the test.

mod common;

use common::{extract, states, EX};
use dipnews::text::{PartKind, Parts};

fn split(text: &str) -> Parts {
    EX.parts(text)
}

fn slice(text: &str, span: dipnews::Span) -> &str {
    &text[span.start..span.end]
}

fn of_kind<'t>(text: &'t str, parts: &Parts, kind: PartKind) -> Vec<&'t str> {
    parts.labeled().into_iter().filter(|(k, _)| *k == kind).map(|(_, s)| slice(text, s)).collect()
}

#[test]
fn site_text_before_the_title_is_no_headline() {
    let text = "Новостной портал\nВойти\nГлавное\nВ мире\nЭкономика\n$ 90,12 +0,30\nБерлин +7°\n3 марта 2025, 10:05\n\
                Политика\nМинистры Польши и Литвы провели переговоры в Вильнюсе\nВИЛЬНЮС, 3 марта /ТАСС/. Министры \
                иностранных дел Польши и Литвы провели в понедельник переговоры.\nСтороны обсудили безопасность региона.";
    let p = split(text);
    assert_eq!(slice(text, p.headline.unwrap()), "Министры Польши и Литвы провели переговоры в Вильнюсе");
    assert_eq!(slice(text, p.dateline.as_ref().unwrap().span), "ВИЛЬНЮС, 3 марта /ТАСС/.");
    let site = of_kind(text, &p, PartKind::Site);
    assert!(site.contains(&"Войти") && site.contains(&"$ 90,12 +0,30") && site.contains(&"Политика"), "{site:?}");
    // The timestamp's year completes the dateline's date.
    let rec = extract(text);
    assert_eq!(rec.dateline.unwrap().date.unwrap().to_string(), "2025-03-03");
    assert_eq!(rec.headline.as_deref(), Some("Министры Польши и Литвы провели переговоры в Вильнюсе"));
}

#[test]
fn title_timestamp_and_dateline_glued_on_one_line() {
    let text = "Агентство\nРус | Eng\nГлавная / Политика\nГлава МИД Грузии встретился с послом Австрии\
                12.06.2023 11:40ТБИЛИСИ, 12 июня /ТАСС/. Министр иностранных дел Грузии встретился с послом Австрии.";
    let p = split(text);
    assert_eq!(slice(text, p.headline.unwrap()), "Глава МИД Грузии встретился с послом Австрии");
    assert_eq!(slice(text, p.timestamp.unwrap()), "12.06.2023");
    assert_eq!(slice(text, p.dateline.as_ref().unwrap().place), "ТБИЛИСИ");
    assert_eq!(of_kind(text, &p, PartKind::Body), ["Министр иностранных дел Грузии встретился с послом Австрии."]);
    let rec = extract(text);
    assert_eq!(rec.dateline.unwrap().date.unwrap().to_string(), "2023-06-12");
}

#[test]
fn a_site_suffix_is_cut_from_the_title() {
    for (line, title) in [
        (
            "Лавров и Ван И провели переговоры в Пекине - РИА Новости, 05.04.2024",
            "Лавров и Ван И провели переговоры в Пекине",
        ),
        ("Премьеры Армении и Грузии встретились в Тбилиси - ТАСС", "Премьеры Армении и Грузии встретились в Тбилиси"),
        ("Казахстан и Китай обсудили транзит - 15.01.2026, ПРАЙМ", "Казахстан и Китай обсудили транзит"),
        // A dash inside a title is no suffix.
        ("Саммит «Центральная Азия - Китай» прошел в Астане", "Саммит «Центральная Азия - Китай» прошел в Астане"),
    ] {
        let text =
            format!("{line}\n08.04.2024 10:00\nСтороны обсудили сотрудничество в сфере транспорта и энергетики.");
        let p = split(&text);
        assert_eq!(slice(&text, p.headline.unwrap()), title);
    }
}

#[test]
fn subtitles_author_lines_and_counters_are_not_the_title() {
    let text =
        "Лента\nМир\nПрезиденты Чехии и Словакии обсудили энергетику\nЛидеры провели встречу на границе двух стран\n\
                Автор: Иван Петров\nПросмотров: 1 502\nПрезидент Чехии в пятницу встретился с президентом Словакии. \
                Стороны обсудили поставки газа.";
    let p = split(text);
    assert_eq!(slice(text, p.headline.unwrap()), "Президенты Чехии и Словакии обсудили энергетику");
    assert_eq!(of_kind(text, &p, PartKind::Lead), ["Лидеры провели встречу на границе двух стран"]);
    assert!(p.dateline.is_none());
    assert_eq!(p.body.len(), 1);
}

#[test]
fn credits_calls_to_subscribe_and_links_between_paragraphs_do_not_end_the_body() {
    let text = "Министры Египта и Иордании провели консультации\n\
                КАИР, 4 мая /ТАСС/. Министры иностранных дел Египта и Иордании провели в Каире консультации.\n\
                Фото: пресс-служба МИД Египта\n\
                Стороны обсудили положение в регионе.\n\
                Подписывайтесь на наш канал в Telegram\n\
                Читайте также\n\
                Президент Ирана посетил Пакистан\n\
                Министры условились о новой встрече в Аммане.\n\
                Теги\nЕгипет\nИордания\nПоделиться\nКомментарии (12)\nОтличная новость, спасибо редакции за материал.\n\
                Читайте также\nСаудовская Аравия и Катар подписали соглашение";
    let p = split(text);
    let body = of_kind(text, &p, PartKind::Body);
    assert_eq!(body.last(), Some(&"Министры условились о новой встрече в Аммане."));
    let inline = of_kind(text, &p, PartKind::Inline);
    assert!(inline.contains(&"Фото: пресс-служба МИД Египта"), "{inline:?}");
    assert!(inline.contains(&"Президент Ирана посетил Пакистан"), "{inline:?}");
    // A reader's comment after the tag block is no article text.
    assert!(of_kind(text, &p, PartKind::Trailer).contains(&"Отличная новость, спасибо редакции за материал."));
    // Names in the inline link and the trailer give no mentions; the body
    // after the link still does.
    let rec = extract(text);
    assert_eq!(states(&rec), ["EG", "JO"]);
    assert_eq!(rec.follow_ups.len(), 1, "{:?}", rec.follow_ups);
}

#[test]
fn a_rubric_and_the_sites_name_give_no_state() {
    let text = "Вести Казахстана\nБывший СССР\nПолитика\nПрезидент Финляндии прибыл в Стокгольм\n\
                Президент Финляндии прибыл в Стокгольм с официальным визитом.";
    let rec = extract(text);
    assert_eq!(states(&rec), ["FI"]);
}

#[test]
fn a_timestamp_is_the_reference_date_but_never_the_events_date() {
    let text = "Портал\nГлавная\n14 марта 2022, 19:42\nМинистры Франции и Германии провели переговоры\n\
                Министры иностранных дел Франции и Германии накануне провели переговоры в Париже.";
    let rec = extract(text);
    assert!(rec.dateline.is_none());
    let d = rec.date.unwrap();
    assert_eq!((d.start.to_string(), d.end.to_string()), ("2022-03-13".into(), "2022-03-13".into()));
    // Without a relative word the page's timestamp dates nothing.
    let text = "Портал\nГлавная\n14 марта 2022, 19:42\nМинистры Франции и Германии провели переговоры\n\
                Министры иностранных дел Франции и Германии провели переговоры в Париже.";
    assert_eq!(extract(text).date, None);
}

#[test]
fn a_page_of_menus_only_is_an_empty_record() {
    let text = "Главная\nПолитика\nЭкономика\nВ мире\nРус | Eng\n$ 91,20\nВойти\nПоиск\nНаверх";
    let p = split(text);
    assert!(p.headline.is_none() && p.body.is_empty() && p.dateline.is_none());
    let rec = extract(text);
    assert!(rec.headline.is_none() && rec.states.is_empty());
    assert_eq!(rec.kind, dipnews::EventKind::Other);
}

#[test]
fn every_line_falls_in_one_part_in_text_order() {
    let text = "Сайт\nМеню\nЗаголовок новости о встрече министров\n01.02.2024 09:00\n\
                МОСКВА, 1 февраля. /ТАСС/. Министры встретились.\nФото: МИД\nВторой абзац текста.\nТеги\nМИД";
    let p = split(text);
    let labeled = p.labeled();
    assert!(labeled.windows(2).all(|w| w[0].1.end <= w[1].1.start), "{labeled:?}");
    let lines = text.lines().count();
    // The dateline and the rest of its line are two parts of one line.
    assert_eq!(labeled.len(), lines + 1, "{labeled:?}");
}

#[test]
fn a_sentence_opening_with_a_time_word_is_no_dateline() {
    // Copy with no dateline: «Ранее, 12 февраля, …» in the third paragraph
    // opens a sentence as «МОСКВА, 12 февраля» opens a dateline.
    let text = "Новости дня\nМинистры Польши и Литвы договорились о встрече\n15.02.2017 12:20\n\
                Министры иностранных дел Польши и Литвы встретятся 16 февраля в Вильнюсе в рамках совещания глав \
                внешнеполитических ведомств стран региона, сообщила официальный представитель МИД Польши, передает \
                агентство\n\
                По словам дипломатов, на встрече обсудят безопасность региона.\n\
                Ранее, 12 февраля, министр Польши посетил Ригу.";
    let p = split(text);
    assert!(p.dateline.is_none());
    assert_eq!(slice(text, p.headline.unwrap()), "Министры Польши и Литвы договорились о встрече");
    let r = extract(text);
    assert_eq!(r.date.map(|d| d.start.to_string()).as_deref(), Some("2017-02-16"));
    // A page's date line with its weekday is no dateline either.
    let text = "Четверг, 25 декабря\nМинистры Польши и Литвы отправятся в Ригу\n\nМинистры иностранных дел Польши \
                и Литвы посетят Ригу.";
    let p = split(text);
    assert!(p.dateline.is_none());
    assert_eq!(slice(text, p.headline.unwrap()), "Министры Польши и Литвы отправятся в Ригу");
}

#[test]
fn menu_items_glued_together_are_site_text() {
    // A scraper that drops the breaks between menu items glues a rubric to
    // the next one; the glued line is no title and names no state.
    let text = "ГлавнаяПолитика и события в Армении\n\nМинистры Польши и Литвы провели переговоры\n\n\
                ВИЛЬНЮС, 3 марта /ТАСС/. Министры иностранных дел Польши и Литвы провели переговоры.";
    let p = split(text);
    assert_eq!(slice(text, p.headline.unwrap()), "Министры Польши и Литвы провели переговоры");
    assert_eq!(states(&extract(text)), ["PL", "LT"]);
}

#[test]
fn a_widget_label_between_title_and_dateline() {
    let text = "Комментарии 0\nМинистры Польши и Литвы провели переговоры\nВидео по теме\n\
                ВИЛЬНЮС, 3 марта /ТАСС/. Министры иностранных дел Польши и Литвы провели переговоры.";
    let p = split(text);
    assert_eq!(slice(text, p.headline.unwrap()), "Министры Польши и Литвы провели переговоры");
}

#[test]
fn a_sites_notices_are_site_text_even_as_sentences() {
    // A cookie banner above the page and a rights notice below the article
    // are sentences, but no article text.
    let text = "Мы используем файлы cookie, чтобы сайт работал лучше. Продолжая работу с сайтом, вы соглашаетесь \
                с этим.\nПринять\nПолитика\nМинистры Польши и Литвы провели переговоры\nСегодня, 11:32\n\
                Министры иностранных дел Польши и Литвы провели переговоры в Вильнюсе.\n\
                Все права защищены. При использовании материалов сайта ссылка на источник обязательна, в том \
                числе для изданий Германии.";
    let p = split(text);
    assert_eq!(slice(text, p.headline.unwrap()), "Министры Польши и Литвы провели переговоры");
    assert_eq!(
        of_kind(text, &p, PartKind::Body),
        ["Министры иностранных дел Польши и Литвы провели переговоры в Вильнюсе."]
    );
    assert!(of_kind(text, &p, PartKind::Site).contains(&"Сегодня, 11:32"));
    assert_eq!(states(&extract(text)), ["PL", "LT"]);
}

#[test]
fn a_sites_name_and_slogan_cut_by_a_bar_above_the_title_are_site_text() {
    let text = "12+\n14 Мая 09:15\nВестник.KG | Новости Кыргызстана, Казахстана, Узбекистана и Китая\n\n\
                Главы МИД Чехии и Словакии обсудили транзит газа\n\n\
                Министры иностранных дел Чехии и Словакии провели телефонный разговор, сообщает пресс-служба.";
    let p = split(text);
    assert_eq!(slice(text, p.headline.unwrap()), "Главы МИД Чехии и Словакии обсудили транзит газа");
    assert!(of_kind(text, &p, PartKind::Site).iter().any(|l| l.starts_with("Вестник.KG |")));
    // The slogan's states are no mentions.
    assert_eq!(states(&extract(text)), ["CZ", "SK"]);
    // Alone, a title with the site after the bar is still the title.
    let alone = "Главы МИД Чехии и Словакии обсудили транзит газа | Вестник.KG\n\n\
                 Министры иностранных дел Чехии и Словакии провели телефонный разговор.";
    assert_eq!(slice(alone, split(alone).headline.unwrap()), "Главы МИД Чехии и Словакии обсудили транзит газа");
}

#[test]
fn a_call_to_subscribe_after_the_sites_name_and_a_comment_form_end_the_body() {
    let text = "Президенты Чили и Перу встретились в Лиме\n\n\
                Президенты Чили и Перу провели встречу в Лиме.\n\n\
                Стороны обсудили торговлю.\n\n\
                Telegram Вестник Подписывайтесь на наш канал в Telegram\n\n\
                Добавить комментарий\n\n\
                Ваш адрес email не будет опубликован. Обязательные поля помечены *\n\n\
                Мексика и Колумбия подписали соглашение о торговле.";
    let p = split(text);
    assert_eq!(of_kind(text, &p, PartKind::Body).last(), Some(&"Стороны обсудили торговлю."));
    let trailer = of_kind(text, &p, PartKind::Trailer);
    assert!(trailer.contains(&"Добавить комментарий"), "{trailer:?}");
    assert_eq!(states(&extract(text)), ["CL", "PE"]);
}

#[test]
fn a_line_that_is_an_address_is_site_text() {
    let text = "https://example.org/images/2025/03/03/photo-1920x1080.webp?w=1920\n\
                ![](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8)\n\
                Министры Кении и Танзании провели переговоры в Найроби.\n\
                Стороны обсудили торговлю.";
    let p = split(text);
    assert!(p.headline.is_none(), "{:?}", p.headline.map(|h| slice(text, h)));
    assert_eq!(of_kind(text, &p, PartKind::Site).len(), 2);
    // A sentence that cites an address is still text.
    let cited = "Министры Кении и Танзании провели переговоры, сообщает сайт https://example.org/news/1.";
    assert_eq!(of_kind(cited, &split(cited), PartKind::Body), [cited]);
}

#[test]
fn a_dated_line_under_the_title_is_the_lead_sentence_not_a_subtitle() {
    let text = "Политика\n\nГлавы МИД Перу и Чили обсудили торговлю\n\n\
                14 мая глава МИД Перу принял посла Чили в Перу\n\n\
                На встрече обсуждались вопросы торговли.";
    let p = split(text);
    assert_eq!(slice(text, p.headline.unwrap()), "Главы МИД Перу и Чили обсудили торговлю");
    assert_eq!(of_kind(text, &p, PartKind::Body)[0], "14 мая глава МИД Перу принял посла Чили в Перу");
    let rec = extract(text);
    assert_eq!(rec.date.unwrap().start.to_string(), "--05-14");
    // A subtitle that opens otherwise stays one.
    let sub = "Главы МИД Перу и Чили обсудили торговлю\n\nСтороны условились о новой встрече в Лиме\n\n\
               ЛИМА, 14 мая. Министры иностранных дел Перу и Чили провели встречу.";
    assert_eq!(of_kind(sub, &split(sub), PartKind::Lead), ["Стороны условились о новой встрече в Лиме"]);
}

#[test]
fn a_subscribe_button_between_title_and_body_hides_no_title() {
    let text = "Как встретили президента Перу в Чили\n\nПодписаться\n\
                Президент Перу 15 мая прибыл с официальным визитом в Чили.\n\nЛента новостей\n0";
    assert_eq!(slice(text, split(text).headline.unwrap()), "Как встретили президента Перу в Чили");
}

#[test]
fn a_short_line_repeated_on_the_page_is_a_widget() {
    let text = "Министры Перу и Чили провели переговоры\n\n\
                Министры иностранных дел Перу и Чили провели переговоры в Лиме.\n\n\
                Загрузка новости...\nЗагрузка новости...\nЗагрузка новости...";
    let p = split(text);
    assert_eq!(of_kind(text, &p, PartKind::Body), ["Министры иностранных дел Перу и Чили провели переговоры в Лиме."]);
    // Twice is no pattern: a short closing sentence stays text.
    let twice = "Министры Перу и Чили провели переговоры\n\nМинистры Перу и Чили провели переговоры в Лиме.\n\n\
                 Работа продолжится.\n\nРабота продолжится.";
    assert_eq!(of_kind(twice, &split(twice), PartKind::Body).len(), 3);
}

#[test]
fn a_timestamp_written_with_slashes_is_day_first() {
    let text = "12:58 05/08/2017\n\nГлава МИД Перу совершит визит в Чили\n\n\
                Министр иностранных дел Перу посетит Чили. Визит может состояться уже 9 августа.";
    let p = split(text);
    assert_eq!(p.timestamp.map(|s| slice(text, s)), Some("05/08/2017"));
    let rec = extract(text);
    assert_eq!(rec.date.map(|d| d.start.to_string()).as_deref(), Some("2017-08-09"));
}

#[test]
fn an_iso_date_line_is_the_reference_date() {
    // A scraper's metadata line with an ISO date (and maybe a time) above
    // the title: the page's date, never the title.
    let text = "2019-04-03T11:20:00+03:00 Новости\n\nГлава МИД Перу совершит визит в Чили\n\n\
                Министр иностранных дел Перу посетит Чили. Визит может состояться уже 9 апреля.";
    let p = split(text);
    assert_eq!(p.timestamp.map(|s| slice(text, s)), Some("2019-04-03"));
    assert_eq!(headline(text), Some("Глава МИД Перу совершит визит в Чили"));
    let rec = extract(text);
    assert_eq!(rec.date.map(|d| d.start.to_string()).as_deref(), Some("2019-04-09"));
    // A month past 12 is no date.
    assert_eq!(split("2019-14-03 Новости\n\nГлава МИД Перу совершит визит в Чили").timestamp, None);
}

/// The headline of `text`, as written.
fn headline(text: &str) -> Option<&str> {
    split(text).headline.map(|h| slice(text, h))
}

#[test]
fn a_rubric_and_place_line_under_the_title_hides_no_title() {
    let text = "Новости\nПремьеры Перу и Чили проговорили два часа в Лиме\nПолитика | Лима\n\n\
                Премьер-министры Перу и Чили провели в Лиме переговоры, которые длились два часа.";
    assert_eq!(headline(text), Some("Премьеры Перу и Чили проговорили два часа в Лиме"));
    // A rubric with its comment count, and a call to follow the site cut
    // where its icons stood.
    let counted = "Глава МИД Перу встретился с коллегой из Чили в Лиме\n\nПолитика 4\n\nЧитайте и смотрите нас в\n\n\
                   Министр иностранных дел Перу встретился в Лиме с коллегой из Чили.";
    assert_eq!(headline(counted), Some("Глава МИД Перу встретился с коллегой из Чили в Лиме"));
    assert!(of_kind(counted, &split(counted), PartKind::Site).contains(&"Политика 4"));
}

#[test]
fn a_first_line_set_off_by_a_blank_line_is_the_title_even_when_it_opens_with_a_date() {
    let text = "3 июня в Лиму с визитом прибудет министр иностранных дел Чили\n\n\n\
                Как сообщили в МИД Перу, министр проведет переговоры с президентом страны.";
    assert_eq!(headline(text), Some("3 июня в Лиму с визитом прибудет министр иностранных дел Чили"));
    assert_eq!(of_kind(text, &split(text), PartKind::Body).len(), 1);
}

#[test]
fn a_tag_line_that_repeats_itself_is_site_text() {
    let text = "Ана Мартинес Луис Гомес Перу Чили политика Ана Мартинес Луис Гомес Перу Чили\n\n\
                Глава МИД Перу поговорил с коллегой из Чили\n\n\
                Министр иностранных дел Перу провел телефонный разговор с коллегой из Чили.";
    let p = split(text);
    assert_eq!(p.headline.map(|h| slice(text, h)), Some("Глава МИД Перу поговорил с коллегой из Чили"));
    assert!(of_kind(text, &p, PartKind::Lead).is_empty());
    // A line of hashtags too.
    let tags = "#Мир #Перу #Внешняя политика #Чили\n\nГлава МИД Перу поговорил с коллегой из Чили\n\n\
                Министр иностранных дел Перу провел телефонный разговор с коллегой из Чили.";
    assert_eq!(headline(tags), Some("Глава МИД Перу поговорил с коллегой из Чили"));
}

#[test]
fn a_photo_caption_is_not_the_title() {
    // A caption with its credit in brackets.
    let text = "Ана Мартинес (Фото: пресс-служба МИД Перу)\n\n\
                Министр иностранных дел Перу Ана Мартинес 4 июня примет посла Чили.";
    assert_eq!(headline(text), None);
    // A caption above a credit, under the title, its source and a counter.
    let below = "Президент Перу примет послов пяти стран в Лиме\n\nИсточник:\nprimer.pe\n512 3\n\
                 Церемония во дворце правительства Перу\nФото: © Пресс-служба президента Перу\n\n\
                 Президент Перу 4 июня примет верительные грамоты у послов пяти стран.";
    let p = split(below);
    assert_eq!(p.headline.map(|h| slice(below, h)), Some("Президент Перу примет послов пяти стран в Лиме"));
    assert!(of_kind(below, &p, PartKind::Site).contains(&"Церемония во дворце правительства Перу"));
    // With nothing above it, the line over the credit is the title.
    let alone = "Меню\nПрезидент Перу примет послов в Лиме\nФото: пресс-служба\n\n\
                 Президент Перу 4 июня примет верительные грамоты у послов пяти стран.";
    assert_eq!(headline(alone), Some("Президент Перу примет послов в Лиме"));
}

#[test]
fn a_counter_under_another_items_teaser_ends_the_title_search() {
    let text = "Министр подтвердил позицию страны по вопросу урегулирования торгового спора с соседями\n\
                \u{20}\u{20}• 3821\nПрезидент Перу поговорил с президентом Чили\nФото пресс-службы президента Перу\n\n\
                Президент Перу в субботу провел телефонный разговор с президентом Чили.";
    assert_eq!(headline(text), Some("Президент Перу поговорил с президентом Чили"));
}

#[test]
fn a_bare_date_line_in_any_language_is_site_text() {
    let text = "Постпред Перу покинул заседание Совета Безопасности ООН: причина\nCategory: Світ\n12 Лют 23\n\
                Постоянный представитель Перу при ООН покинул заседание Совета Безопасности.";
    let p = split(text);
    assert_eq!(
        p.headline.map(|h| slice(text, h)),
        Some("Постпред Перу покинул заседание Совета Безопасности ООН: причина")
    );
    assert!(of_kind(text, &p, PartKind::Site).contains(&"12 Лют 23"), "{:?}", p.labeled());
    assert!(of_kind(text, &p, PartKind::Lead).is_empty());
}

#[test]
fn an_iso_date_with_the_sites_name_is_site_text() {
    let text = " date 2024-06-03 Вестник Анд\n\nГлавы МИД Перу и Чили провели переговоры\n\n\
                Главы МИД Перу и Чили провели переговоры\n© Фото: МИД Перу\n\
                Министры иностранных дел Перу и Чили провели телефонный разговор.";
    let p = split(text);
    assert_eq!(p.headline.map(|h| slice(text, h)), Some("Главы МИД Перу и Чили провели переговоры"));
    assert!(of_kind(text, &p, PartKind::Site).contains(&"date 2024-06-03 Вестник Анд"));
    // A code that only looks like a date is not one.
    let code = "Серия 2024-13-03 Анд\n\nГлавы МИД Перу и Чили провели переговоры в Лиме.";
    assert_ne!(of_kind(code, &split(code), PartKind::Site), ["Серия 2024-13-03 Анд"]);
}

#[test]
fn a_teaser_quoting_the_title_and_running_on_is_not_the_title() {
    let text = "Найти в ленте\n\n\"Министр Перу прибыл в Чили с визитом Визит министра прод\"\n\n\
                Министр Перу прибыл в Чили с визитом\n\n\
                Визит министра Перу в Чили продлится два дня. Министр иностранных дел Перу прибыл в Сантьяго.";
    assert_eq!(headline(text), Some("Министр Перу прибыл в Чили с визитом"));
    // A name line under a title that starts with it is no teaser.
    let text = "Министр Перу прибыл в Чили с визитом\nМинистр Перу\n\n\
                Министр иностранных дел Перу прибыл в Сантьяго.";
    assert_eq!(headline(text), Some("Министр Перу прибыл в Чили с визитом"));
}

#[test]
fn a_name_under_a_photo_credit_is_the_photos_caption() {
    let text = "Посол России покинул заседание Совбеза ООН\n\nИзображение: пресс-служба, wikimedia.org\n\
                Иван Петров\nИван Петров\n\n\
                Постоянный представитель России при ООН покинул заседание Совбеза ООН по Сирии.";
    assert_eq!(headline(text), Some("Посол России покинул заседание Совбеза ООН"));
    // A short title with no credit above it stays the title.
    let text = "Визит в Минск\n\nМинистр иностранных дел России прибыл в Минск.";
    assert_eq!(headline(text), Some("Визит в Минск"));
}

#[test]
fn a_strip_of_items_cut_by_bars_is_site_text_whatever_ends_it() {
    let text = "RSS | PDA | Архив   Пятница 29 Март 2024 | 1433 х.\n\n\
                В Ташкенте открылась международная конференция\n\n27.03.2018 12:45\n\n\
                Международная конференция по Афганистану началась во вторник в Ташкенте.";
    assert_eq!(headline(text), Some("В Ташкенте открылась международная конференция"));
    // A sentence with one bar stays a sentence.
    let text = "Министр заявил: «Мы готовы | и открыты к диалогу с партнерами из всех стран региона».";
    assert_eq!(split(text).body.len(), 1);
}

#[test]
fn a_link_with_its_arrow_is_site_text() {
    let text = "Новое на портале\n  • Перечень объектов государственной собственности Подробно>>>\n\
                • Страница о государственных органах Подробно>>>\n\n\
                Встреча с экспертом\n\n\
                Министр иностранных дел Узбекистана принял американского эксперта в Ташкенте.";
    assert_eq!(headline(text), Some("Встреча с экспертом"));
}

#[test]
fn a_long_line_of_tags_listed_twice_does_not_start_the_article() {
    let text = "Сергей Лавров Энтони Блинкен Москва Россия США Женева общество политика Сергей Лавров Энтони Блинкен \
                Москва Россия США Женева\n\n\
                Лавров и Блинкен проведут переговоры в Женеве 21 января\n\n\
                Глава МИД России и госсекретарь США проведут личную встречу в Женеве 21 января.";
    assert_eq!(headline(text), Some("Лавров и Блинкен проведут переговоры в Женеве 21 января"));
    let r = extract(text);
    assert!(matches!(r.kind, dipnews::EventKind::Talks | dipnews::EventKind::Meeting), "{:?}", r.kind);
    assert_eq!(r.date.map(|d| d.start.to_string()).as_deref(), Some("--01-21"));
    // Under an opinion lead, the body's meeting retells the headline's
    // talks and gives their day.
    let text = "Лавров и Блинкен проведут переговоры в Женеве

                В МИД России заявили, что инициатором разговора был Вашингтон. Глава МИД России и госсекретарь США                 проведут личную встречу в Женеве 21 января.";
    let r = extract(text);
    assert_eq!(r.kind, dipnews::EventKind::Talks);
    assert_eq!(r.date.map(|d| d.start.to_string()).as_deref(), Some("--01-21"));
}

//! Event dates: the grammar of calendar expressions and their resolution.

mod common;
use common::extract;
use dipnews::{Extractor, PartialDate};

fn date_of(text: &str) -> Option<(String, String)> {
    extract(text).date.map(|d| (d.start.to_string(), d.end.to_string()))
}

fn pair(a: &str, b: &str) -> Option<(String, String)> {
    Some((a.to_string(), b.to_string()))
}

#[test]
fn day_month_under_a_dateline_without_year() {
    assert_eq!(
        date_of("МОСКВА, 11 ноя — РИА Новости. Министр России провел 10 ноября переговоры в Москве."),
        pair("--11-10", "--11-10")
    );
}

#[test]
fn explicit_year_and_numeric_dates() {
    assert_eq!(date_of("Министр России 10 ноября 2020 года провел переговоры."), pair("2020-11-10", "2020-11-10"));
    assert_eq!(date_of("Министр России 06.10.2020 провел переговоры."), pair("2020-10-06", "2020-10-06"));
}

#[test]
fn ranges() {
    assert_eq!(
        date_of("МИНСК, 16 ноября (БЕЛТА) – Министр Беларуси с 15 по 17 ноября находится с визитом в Абу-Даби."),
        pair("--11-15", "--11-17")
    );
    assert_eq!(date_of("Министр Узбекистана 15–16 марта находится с визитом в Душанбе."), pair("--03-15", "--03-16"));
    assert_eq!(date_of("ЕРЕВАН, 30 НОЯБРЯ, АРМЕНПРЕСС. Министр Армении принимает участие в заседании, которое проходит 30 ноября – 1 декабря в Скопье."), pair("--11-30", "--12-01"));
}

#[test]
fn december_event_under_january_dateline() {
    assert_eq!(
        date_of(
            "ДУШАНБЕ, 05.01.2021 /НИАТ «Ховар»/. 28 декабря в Нью-Йорке состоялась встреча постпреда Таджикистана."
        ),
        pair("2020-12-28", "2020-12-28")
    );
}

#[test]
fn relative_days_and_weekdays() {
    assert_eq!(
        date_of("ДУШАНБЕ, 16.03.2021 /НИАТ «Ховар»/. Вчера состоялось заседание СМИД ОДКБ."),
        pair("2021-03-15", "2021-03-15")
    );
    assert_eq!(
        date_of("МОСКВА, 30 июл — РИА Новости. Министр России накануне провел телефонный разговор."),
        pair("--07-29", "--07-29")
    );
    assert_eq!(
        date_of("ДУШАНБЕ, 13.10.2020 /НИАТ «Ховар»/. В понедельник в Душанбе состоялись консультации Таджикистана и Австрии."),
        pair("2020-10-12", "2020-10-12")
    );
    assert_eq!(
        date_of("МОСКВА, 6 октября. /ТАСС/. Министр России сегодня провел переговоры."),
        pair("--10-06", "--10-06")
    );
    assert_eq!(
        date_of("ДУШАНБЕ, 08.04.2021 /НИАТ «Ховар»/. 7 апреля сего года Министр Таджикистана прибыл с визитом."),
        pair("2021-04-07", "2021-04-07")
    );
}

#[test]
fn month_and_year_only() {
    assert_eq!(date_of("Форум ОИС пройдет в Баку в марте 2025 года."), pair("2025-03", "2025-03"));
}

#[test]
fn caller_reference_date() {
    let ex = Extractor::builder().reference_date(PartialDate::from_ymd(2021, 3, 16).unwrap()).build();
    let r = ex.extract("Вчера в Душанбе состоялись консультации Таджикистана и Китая.");
    assert_eq!(r.date.unwrap().start.to_string(), "2021-03-15");
    // Without any reference, a bare «вчера» cannot be dated.
    assert_eq!(date_of("Вчера в Душанбе состоялись консультации Таджикистана и Китая."), None);
    // Day and month without a year stay partial.
    assert_eq!(
        date_of("17 апреля состоялся телефонный разговор министров России и Иордании."),
        pair("--04-17", "--04-17")
    );
}

#[test]
fn date_span_is_its_text() {
    let text = "МОСКВА, 6 октября. /ТАСС/. Министр России 5 октября провел переговоры.";
    let d = extract(text).date.unwrap();
    assert_eq!(&text[d.span.start..d.span.end], "5 октября");
    assert_eq!(d.text, "5 октября");
}

#[test]
fn a_date_glued_to_a_latin_letter_of_a_lost_newline() {
    // Scraped RIA copy writes a literal `n` for a newline after the dateline.
    assert_eq!(
        date_of("МОСКВА, 30 апр - РИА Новости.nТридцатого апреля 2025 года министр России провел переговоры."),
        pair("2025-04-30", "2025-04-30")
    );
    assert_eq!(date_of("Министр России провел переговоры 5 маяков назад."), None, "a date ends at a word's end");
}

#[test]
fn tomorrow_dates_no_event_that_took_place() {
    let text = "ХАНОЙ, 6 июля. /ТАСС/. Министр иностранных дел России провел переговоры с вьетнамским коллегой. \
                Завтра министр отправится в Лаос.";
    // Not tomorrow: with no date of its own the held talks take the
    // dateline's day (the contract's rule for agency copy).
    assert_eq!(date_of(text), pair("--07-06", "--07-06"));
    let r = extract(text);
    assert!(r.follow_ups.iter().all(|f| f.date.as_ref().is_none_or(|d| d.text == "Завтра")), "{:?}", r.follow_ups);
    assert_eq!(
        date_of(
            "МОСКВА, 6 июля. /ТАСС/. Министр иностранных дел России завтра проведет переговоры с коллегой из Китая."
        ),
        pair("--07-07", "--07-07")
    );
}

#[test]
fn a_visit_that_lasts_until_a_day() {
    assert_eq!(
        date_of("ТАШКЕНТ, 1 марта. /УЗИНФОРМ/. В понедельник, 3 марта, в Ташкенте начнется официальный визит Президента Турции. Визит продлится до 5 марта."),
        pair("--03-03", "--03-05")
    );
    assert_eq!(
        date_of("Президент Беларуси 8 декабря прибыл в Маскат с официальным визитом, который продлится до 10 декабря."),
        pair("--12-08", "--12-10")
    );
    // Not any «до»: a treaty extended until a day is no event's end.
    assert_eq!(
        date_of("Москва. 3 февраля. INTERFAX.RU - МИД России сегодня распространил заявление о продлении договора до 5 февраля 2026 года."),
        pair("--02-03", "--02-03")
    );
}

#[test]
fn the_round_nearest_the_report_is_the_one_reported() {
    let text = "ЛИМА, 14 марта 2022 года. /АНДИНА/. Переговоры делегаций Перу и Чили продолжаются ежедневно.\n\n\
                Министры отметили пользу такого формата.\n\n\
                Прошли три раунда переговоров делегаций - 28 февраля, 3 и 7 марта. Четвертый раунд переговоров начался 14 марта.";
    assert_eq!(date_of(text), pair("2022-03-14", "2022-03-14"));
}

#[test]
fn a_statements_own_text_dates_what_it_speaks_of_not_itself() {
    let text = "Заявление МИД Перу в связи с ситуацией на границе Чили и Боливии\n\n\
                С озабоченностью восприняли сообщения о столкновениях на границе 14-16 сентября. \
                Призываем стороны к сдержанности.";
    assert_eq!(date_of(text), None);
    // A report of a statement dates it.
    let report =
        "Заявление МИД Перу\n\nМИД Перу 17 сентября выступил с заявлением о ситуации на границе Чили и Боливии.";
    assert_eq!(date_of(report), pair("--09-17", "--09-17"));
}

#[test]
fn a_later_paragraph_that_names_the_event_dates_it_when_nothing_else_does() {
    // No dateline, no timestamp: «Встреча состоялась …» in the next
    // paragraph is the same meeting told again.
    let text = "Министр встретился с послом России.\n\nВстреча состоялась сегодня, 15 октября, сообщает пресс-служба.";
    assert_eq!(date_of(text), pair("--10-15", "--10-15"));
    // An earlier round it lists does not.
    let text = "Стороны провели переговоры.\n\nПервый раунд переговоров прошел 15 октября.";
    assert_eq!(date_of(text), None);
}

#[test]
fn a_day_something_is_counted_from_dates_nothing() {
    let text = "Президенты Казахстана и Украины в субботу провели телефонный разговор. Это второй разговор президентов с начала вторжения 24 февраля.";
    assert_eq!(date_of(text), None);
}

#[test]
fn the_day_a_statement_was_made_does_not_date_the_event() {
    let text = "ВАШИНГТОН, 5 ноя - РИА Новости. Дипломаты России и США в ближайшие дни проведут консультации, заявил \
        в пятницу советник посольства.";
    assert_eq!(extract(text).date, None);
    // «Об этом он сказал 11 апреля на встрече» dates the meeting.
    let text = "Министр иностранных дел Азербайджана высоко оценил сотрудничество. Об этом он сказал 11 апреля 2025 \
        года на встрече с министром энергетики Италии.";
    let d = extract(text).date.unwrap();
    assert_eq!(d.start.to_string(), "2025-04-11");
}

#[test]
fn a_day_after_another_events_name_is_that_events() {
    // The visit of 27 April is the topic; the note has no day of its own.
    let text =
        "МИД Украины направил России ноту протеста в связи с посещением премьер-министром России Крыма 27 апреля.";
    let r = extract(text);
    assert_eq!(r.kind, dipnews::EventKind::Statement);
    assert_eq!(r.date, None);
    // Past a comma the day goes with what follows («…встречи с генсеком, 31
    // января сообщается»).
    let text = "Постпред России покинул заседание Совбеза ООН из-за встречи с генсеком ООН, 31 января сообщается на \
        сайте ООН.";
    assert_eq!(extract(text).date.map(|d| d.start.to_string()).as_deref(), Some("--01-31"));
    // A day after the main event's own name dates it.
    let text = "Министры Украины и Польши провели переговоры в Варшаве, встреча состоялась 27 апреля.";
    assert_eq!(extract(text).date.map(|d| d.start.to_string()).as_deref(), Some("--04-27"));
}

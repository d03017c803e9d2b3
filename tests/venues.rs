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

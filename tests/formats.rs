//! Formats: explicit phrases, and what kinds and venues imply.

mod common;
use common::extract;
use dipnews::Format;

fn format_of(text: &str) -> Format {
    extract(text).format
}

#[test]
fn explicit_phrases() {
    assert_eq!(
        format_of("Консультации МИД России и Китая прошли в формате видеоконференции."),
        Format::Videoconference
    );
    assert_eq!(
        format_of("Сегодня в режиме видеосвязи состоялись консультации Киргизии и Китая."),
        Format::Videoconference
    );
    assert_eq!(
        format_of("Министерства Казахстана и Кореи провели консультации в онлайн-формате."),
        Format::Videoconference
    );
    assert_eq!(format_of("Сегодня в смешанном формате прошло заседание СМИД СНГ."), Format::Hybrid);
    assert_eq!(format_of("Вчера в Алматы в гибридном формате прошла конференция ПРООН."), Format::Hybrid);
    assert_eq!(format_of("Министр России провел телефонный разговор с коллегой."), Format::Phone);
    assert_eq!(format_of("Заседание СНГ прошло в заочном формате."), Format::Unknown);
}

#[test]
fn implied_by_kind_and_venue() {
    assert_eq!(format_of("Министр встретился с послом Японии."), Format::InPerson);
    assert_eq!(format_of("Министр Таджикистана прибыл в Ташкент с рабочим визитом."), Format::InPerson);
    assert_eq!(format_of("В Женеве начались консультации России и США."), Format::InPerson);
    // Consultations with no place and no format: nothing says how.
    assert_eq!(format_of("Состоялись межмидовские консультации между Узбекистаном и США."), Format::Unknown);
    // Statements and letters have no format.
    assert_eq!(format_of("Министерства Азербайджана и Японии выступили с совместным заявлением."), Format::Unknown);
    assert_eq!(format_of("Экспорт нефти вырос на 5 процентов."), Format::Unknown);
}

#[test]
fn an_envoy_met_is_met_in_person() {
    assert_eq!(
        format_of("Заместитель министра иностранных дел России провел консультации с послом Египта."),
        Format::InPerson
    );
    assert_eq!(
        format_of("Заместитель министра иностранных дел России провел консультации с Египтом."),
        Format::Unknown
    );
}

#[test]
fn abbreviations_and_bridges() {
    let f =
        |p: &str| format_of(&format!("Министр иностранных дел России провел консультации с коллегой из Китая {p}."));
    assert_eq!(f("в формате ВКС"), Format::Videoconference);
    assert_eq!(f("в режиме видеомоста"), Format::Videoconference);
    assert_eq!(f("очно и дистанционно"), Format::Hybrid);
}

#[test]
fn a_video_address_in_a_hybrid_event() {
    let text = "В Ереване открылся форум по вопросам безопасности. В открытии приняли участие министр иностранных дел \
                Армении и генеральный секретарь ОБСЕ, выступивший с видеообращением. Форум проходит в гибридном формате.";
    assert_eq!(format_of(text), Format::Hybrid);
    // Without the later statement the video address is all there is.
    let cut = text.rsplit_once(" Форум проходит").map_or(text, |(head, _)| head);
    assert_eq!(format_of(cut), Format::Videoconference);
}

#[test]
fn a_meeting_told_again_as_talks_gives_its_format() {
    let text = "Президент России 26 июня пообщался с президентом Франции.\n\n\
                Переговоры президентов в режиме видеоконференции прошли в пятницу, 26 июня.";
    assert_eq!(format_of(text), Format::Videoconference);
    assert_eq!(extract(text).kind, dipnews::EventKind::Meeting);
}

#[test]
fn an_event_told_of_as_remote_further_on_has_no_venue() {
    let text = "Президент России 26 июня пообщался с президентом Франции. Тот хотел приехать в Москву.\n\n\
                Переговоры президентов в режиме видеоконференции прошли в пятницу, 26 июня.";
    let r = extract(text);
    assert_eq!((r.format, r.location), (Format::Videoconference, None));
}

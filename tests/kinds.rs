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
        ("Министр встретился с послом.", EventKind::Meeting),
        ("Состоялась встреча министров.", EventKind::Meeting),
        ("Министр принял в Астане директора секретариата.", EventKind::Meeting),
        ("Министры провели переговоры.", EventKind::Talks),
        ("Начались межмидовские консультации.", EventKind::Consultations),
        ("Министр прибыл в Москву с официальным визитом.", EventKind::Visit),
        ("Президент провел телефонный разговор с коллегой.", EventKind::PhoneCall),
        ("Открылось заседание совета.", EventKind::Session),
        ("Президент принял участие в саммите ШОС.", EventKind::Summit),
        ("Открылась международная конференция.", EventKind::Conference),
        ("Стороны подписали соглашение.", EventKind::Signing),
        ("Президент принял верительные грамоты посла.", EventKind::Credentials),
        ("Министр принял копии верительных грамот посла.", EventKind::Credentials),
        ("Министерство выступило с заявлением.", EventKind::Statement),
        ("Президент направил поздравительное письмо коллеге.", EventKind::Statement),
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
    assert_eq!(kind_of("О телефонном разговоре министров\nМинистры обменялись мнениями."), EventKind::PhoneCall);
}

#[test]
fn status_planned_and_held() {
    assert_eq!(extract("Министр 8 октября проведет в Москве переговоры.").status, Status::Planned);
    assert_eq!(extract("Форум пройдет в Баку в марте 2025 года.").status, Status::Planned);
    assert_eq!(extract("Министр прибыл в Душанбе с визитом, который продлится два дня.").status, Status::Held);
    assert_eq!(extract("Экспорт вырос.").status, Status::Held);
}

#[test]
fn kind_evidence_points_at_the_trigger() {
    let text = "Министры провели переговоры.";
    let r = extract(text);
    let sp = r.evidence.kind.unwrap();
    assert_eq!(&text[sp.start..sp.end], "провели переговоры");
}

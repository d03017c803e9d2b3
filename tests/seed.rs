//! The article the project started from (shipped in `examples/data/`): its
//! parts and its whole record.

use dipnews::{EventKind, Extractor, Format, Gazetteer, Role, Status};

const SEED: &str = include_str!("../examples/data/khovar-cis-consultations.txt");

#[test]
fn seed_parts_split_as_the_article_is_laid_out() {
    let g = Gazetteer::embedded();
    let parts = g.parts_splitter().split(SEED);
    let s = |sp: dipnews::Span| &SEED[sp.start..sp.end];
    assert_eq!(s(parts.headline.unwrap()), SEED.lines().next().unwrap());
    let dl = parts.dateline.as_ref().unwrap();
    assert_eq!(s(dl.span), "ДУШАНБЕ, 07.10.2020 /НИАТ «Ховар/.");
    assert_eq!(parts.body.len(), 5);
    assert!(s(parts.body[0]).starts_with("6 октября в формате видеоконференции"));
    assert!(s(parts.body[4]).ends_with("решено согласовать в рабочем порядке."));
    assert_eq!(parts.trailer.len(), 13, "the photo credit and twelve related headlines");
    assert_eq!(s(parts.trailer[0]), "ФОТО: пресс-служба Исполкома СНГ");
}

#[test]
fn seed_record_matches_its_gold() {
    let rec = Extractor::new().extract(SEED);
    assert_eq!(rec.headline.as_deref(), SEED.lines().next());
    let dl = rec.dateline.as_ref().unwrap();
    let city = dl.city.as_ref().unwrap();
    assert_eq!((city.name.as_str(), city.wikidata.as_deref(), city.country.as_str()), ("Душанбе", Some("Q9365"), "TJ"));
    assert_eq!(dl.date.unwrap().to_string(), "2020-10-07");
    assert_eq!(dl.agency.as_ref().unwrap().id, "KHOVAR");
    assert_eq!(rec.kind, EventKind::Consultations);
    assert_eq!(rec.status, Status::Held);
    let date = rec.date.as_ref().unwrap();
    assert_eq!((date.start.to_string(), date.end.to_string()), ("2020-10-06".into(), "2020-10-06".into()));
    assert_eq!(date.text, "6 октября");
    assert_eq!(rec.format, Format::Videoconference);
    assert_eq!(rec.location, None);
    assert_eq!(rec.title.as_deref(), Some("О взаимодействии государств – участников СНГ в информационной сфере"));
    let states: Vec<(&str, Role)> = rec.states.iter().map(|s| (s.iso2.as_str(), s.role)).collect();
    let p = Role::Participant;
    assert_eq!(states, [("AM", p), ("BY", p), ("KZ", p), ("RU", p), ("TJ", p), ("UZ", p)]);
    let orgs: Vec<(&str, Role)> = rec.organizations.iter().map(|o| (o.id.as_str(), o.role)).collect();
    assert_eq!(orgs, [("CIS", p)]);
    assert!(rec.organizations[0]
        .mentions
        .iter()
        .any(|m| m.text == "Исполнительного комитета СНГ" && m.form == dipnews::MentionForm::Body));
    assert_eq!(rec.follow_ups.len(), 1);
    let f = &rec.follow_ups[0];
    assert_eq!((f.kind, f.status), (EventKind::Consultations, Status::Planned));
    assert_eq!(f.date.as_ref().unwrap().start.to_string(), "2021");
    assert_eq!(f.location.as_ref().unwrap().name, "Минск");
}

#[test]
fn every_span_of_the_seed_slices_its_text() {
    let rec = Extractor::new().extract(SEED);
    for m in rec.states.iter().flat_map(|s| &s.mentions).chain(rec.organizations.iter().flat_map(|o| &o.mentions)) {
        assert_eq!(&SEED[m.span.start..m.span.end], m.text);
    }
    let d = rec.date.unwrap();
    assert_eq!(&SEED[d.span.start..d.span.end], d.text);
    // Nothing from the related headlines after the photo credit.
    let trailer_start = SEED.find("ФОТО:").unwrap();
    assert!(rec.states.iter().flat_map(|s| &s.mentions).all(|m| m.span.end <= trailer_start));
}

#[test]
fn crlf_and_byte_order_mark() {
    let text = "\u{feff}Заголовок новости\r\nМОСКВА, 6 октября. /ТАСС/. Министр России провел переговоры в Москве.\r\nФото: ТАСС\r\n";
    let rec = Extractor::new().extract(text);
    assert_eq!(rec.headline.as_deref(), Some("Заголовок новости"));
    assert_eq!(rec.dateline.unwrap().city.unwrap().name, "Москва");
    assert_eq!(rec.location.unwrap().name, "Москва");
}

//! Officials as parties (form `official`) and the ambiguous abbreviations
//! of «Республика …».

mod common;
use common::{extract, participants, states};
use dipnews::gazetteer::GazetteerBuilder;
use dipnews::{EventRecord, Extractor, MentionForm, PartialDate};
use std::sync::Arc;

/// (iso2, text, form) of every state mention, checking that each span
/// slices the input to the mention's text.
fn mentions<'r>(r: &'r EventRecord, input: &str) -> Vec<(&'r str, &'r str, MentionForm)> {
    let mut out = Vec::new();
    for s in &r.states {
        for m in &s.mentions {
            assert_eq!(&input[m.span.start..m.span.end], m.text, "span of {:?}", m.text);
            out.push((s.iso2.as_str(), m.text.as_str(), m.form));
        }
    }
    out
}

fn officials<'r>(r: &'r EventRecord, input: &str) -> Vec<(&'r str, &'r str)> {
    mentions(r, input).into_iter().filter(|m| m.2 == MentionForm::Official).map(|(s, t, _)| (s, t)).collect()
}

fn on(year: i32) -> Extractor {
    Extractor::builder().reference_date(PartialDate::from_ymd(year, 6, 1).unwrap()).build()
}

#[test]
fn inflected_surnames_and_full_names() {
    let t = "Глава МИД встретился с Лавровым, затем с Токаевым и Мирзиёевым, а вечером созвонился с Шольцем.";
    let r = on(2023).extract(t);
    assert_eq!(officials(&r, t), [("RU", "Лавровым"), ("KZ", "Токаевым"), ("UZ", "Мирзиёевым"), ("DE", "Шольцем")]);
    let t = "Эмомали Рахмон принял Касым-Жомарта Токаева; позже Рахмону позвонила Ангела Меркель.";
    let r = on(2019).extract(t);
    assert_eq!(
        officials(&r, t),
        // Grouped by state, in order of first mention.
        [("TJ", "Эмомали Рахмон"), ("TJ", "Рахмону"), ("KZ", "Касым-Жомарта Токаева"), ("DE", "Ангела Меркель")]
    );
}

#[test]
fn the_year_of_the_text_picks_the_officeholder() {
    // The same surname in two periods: Джонсон was the British prime
    // minister in 2020, and no official of 2010 bore it.
    let t = "Джонсон провёл переговоры с Макроном.";
    assert_eq!(officials(&on(2020).extract(t), t), [("GB", "Джонсон"), ("FR", "Макроном")]);
    assert!(officials(&on(2010).extract(t), t).is_empty(), "nobody of 2010 was called Джонсон or Макрон");
    // Father and son: only the one in office that year stands for
    // Turkmenistan, even by full name; the surname alone is the state's
    // either way.
    let t = "Сердар Бердымухамедов принял Гурбангулы Бердымухамедова.";
    assert_eq!(officials(&on(2023).extract(t), t), [("TM", "Сердар Бердымухамедов")]);
    assert_eq!(officials(&on(2015).extract(t), t), [("TM", "Гурбангулы Бердымухамедова")]);
    // A year written in the lead wins over the reference date.
    let t = "5 мая 2003 года Кучма принял министра.";
    assert_eq!(officials(&on(2015).extract(t), t), [("UA", "Кучма")]);
    // With no year at all, the latest term counts.
    let t = "Лавров провел переговоры со своим малийским коллегой.";
    assert_eq!(participants(&extract(t)), ["RU", "ML"]);
}

#[test]
fn another_first_name_makes_another_person() {
    // (A surname shared by two officials of the time: see the user table
    // test below.) Another first name or initial is someone else.
    let t = "На конференции выступил Андрей Медведев. Доклад прочитал А. Путин.";
    assert!(officials(&on(2010).extract(t), t).is_empty());
    // Without capitals a lone surname may be a word; a full name still counts.
    let t = "до берега оставалось десять милей, сообщил хавьер милей.";
    assert_eq!(officials(&on(2024).extract(t), t), [("AR", "хавьер милей")]);
    // A surname of an official can be someone's first name.
    let t = "В фильме снялась актриса Керри Фишер.";
    assert!(officials(&on(2015).extract(t), t).is_empty());
    let t = "В фильме снялась актриса, а Керри провёл переговоры.";
    assert_eq!(officials(&on(2015).extract(t), t), [("US", "Керри")]);
    // A name after «проспект» names a thing; a former official or an
    // organization's officer acts for no state.
    let t = "Офис находится на проспекте Назарбаева.";
    assert!(officials(&on(2015).extract(t), t).is_empty());
    let t = "Выступили бывший президент Назарбаев и Генеральный секретарь ОДКБ Имангали Тасмагамбетов.";
    assert!(officials(&extract(t), t).is_empty());
}

#[test]
fn initials_forms() {
    let t = "Документ подписал С.В.Лавров. Ранее С. Лавров и В.В.Путин обсудили его, и В. В. Путину доложили.";
    let r = on(2020).extract(t);
    let found = officials(&r, t);
    assert!(found.contains(&("RU", "С.В.Лавров")), "{found:?}");
    assert!(found.contains(&("RU", "С. Лавров")), "{found:?}");
    assert!(found.contains(&("RU", "В.В.Путин")), "{found:?}");
    assert!(found.contains(&("RU", "В. В. Путину")), "{found:?}");
}

#[test]
fn officials_are_parties() {
    let t = "Путин провел переговоры с Си Цзиньпином.";
    let r = on(2023).extract(t);
    assert_eq!(participants(&r), ["RU", "CN"]);
    let t = "Лавров и Мирзоян провели переговоры в Москве.";
    assert_eq!(participants(&on(2022).extract(t)), ["RU", "AM"]);
    let t = "Токаев принял посла Японии.";
    assert_eq!(participants(&on(2024).extract(t)), ["KZ", "JP"]);
    // A title with the state's name stays a name mention beside the official.
    let t = "Президент Франции Эмманюэль Макрон встретился с канцлером Германии.";
    let r = on(2019).extract(t);
    assert_eq!(
        mentions(&r, t),
        [
            ("FR", "Франции", MentionForm::Name),
            ("FR", "Эмманюэль Макрон", MentionForm::Official),
            ("DE", "Германии", MentionForm::Name)
        ]
    );
}

#[test]
fn abbreviations_need_the_state_named_otherwise() {
    let t = "Министр иностранных дел Армении принял посла. МИД РА и РФ провели консультации.";
    let r = extract(t);
    assert_eq!(states(&r), ["AM", "RU"]);
    assert!(mentions(&r, t).contains(&("AM", "РА", MentionForm::Name)));
    // An official names the state too.
    let t = "Токаев провёл встречу. Президент РК отметил важность сотрудничества.";
    let r = on(2022).extract(t);
    assert!(mentions(&r, t).contains(&("KZ", "РК", MentionForm::Name)));
    // Nothing else names Kazakhstan or Tajikistan: Республика Коми, Татарстан.
    let t = "Глава РК встретился с главой РТ. В РФ прошли выборы.";
    assert_eq!(states(&extract(t)), ["RU"]);
    // The dateline's city belongs to the state.
    let t = "ДУШАНБЕ, 7 октября. Министр иностранных дел РТ провёл консультации.";
    assert_eq!(states(&extract(t)), ["TJ"]);
}

#[test]
fn a_users_table_adds_an_official_and_can_make_a_surname_ambiguous() {
    let dir = std::env::temp_dir().join(format!("dipnews-officials-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("officials.tsv"),
        "iso2\toffice\tstart\tend\tname\tsurname\talone\tpatronymic\tsex\tforms\twikidata\n\
         TV\tforeign_minister\t2023\t\tПётр Лавров\tЛавров\t\t\tm\t\t\n\
         TV\thead_of_government\t2020\t\tИван Тестовый\tТестовый\t\t\tm\t\t\n\
         TV\thead_of_state\t2020\t\tИван Обычный\tОбычный\tno\t\tm\t\t\n",
    )
    .unwrap();
    let gaz = GazetteerBuilder::new().embedded().add_dir(&dir).and_then(|b| b.build()).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    let ex = Extractor::builder()
        .gazetteer(Arc::new(gaz))
        .reference_date(PartialDate::from_ymd(2024, 1, 10).unwrap())
        .build();
    let t = "Тестовый встретился с Лавровым. Пётр Лавров и Сергей Лавров подписали протокол. Обычный и И. Обычный.";
    let r = ex.extract(t);
    assert_eq!(
        officials(&r, t),
        [("TV", "Тестовый"), ("TV", "Пётр Лавров"), ("TV", "И. Обычный"), ("RU", "Сергей Лавров")],
        "«Лавровым» alone is shared by two officials of 2024, full names are not; «Обычный» counts only with an initial"
    );
}

/// Every official of the embedded table is found by the full name in the
/// nominative, and has a term.
#[test]
fn every_official_is_reachable_by_name() {
    use dipnews::{EntityKind, Gazetteer};
    let g = Gazetteer::embedded();
    let mut missing = Vec::new();
    let mut count = 0;
    for (i, e) in g.entities().iter().enumerate().filter(|(_, e)| e.kind == EntityKind::Official) {
        count += 1;
        let id = dipnews::EntityId(i as u32);
        assert!(g.terms(id).next().is_some(), "{} has no term", e.name);
        let text = format!("Слово взял {}.", e.name);
        if !g.find(&text).iter().any(|m| m.entity == id) {
            missing.push(e.name.clone());
        }
    }
    assert!(count > 400, "{count} officials");
    assert!(missing.is_empty(), "not found: {missing:?}");
}

#[test]
fn a_title_written_with_a_capital_after_a_surname_is_no_first_name() {
    // «Путиным Глава государства»: Central Asian copy capitalizes the title.
    let r = common::extract("После разговора с Путиным Глава государства переговорил по телефону с Зеленским.");
    let iso: Vec<&str> = r.states.iter().map(|s| s.iso2.as_str()).collect();
    assert!(iso.contains(&"RU"), "{iso:?}");
}

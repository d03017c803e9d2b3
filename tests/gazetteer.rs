//! The gazetteers: every family of tricky names, the whole tables, and
//! malformed custom tables.

use dipnews::gazetteer::{GazetteerBuilder, Table};
use dipnews::{EntityKind, Error, Gazetteer, MentionForm};

fn found(text: &str) -> Vec<(String, String, MentionForm)> {
    let g = Gazetteer::embedded();
    g.find(text)
        .into_iter()
        .filter(|m| matches!(m.kind, EntityKind::State | EntityKind::Organization))
        .map(|m| (g.entity(m.entity).id.clone(), text[m.span.start..m.span.end].to_string(), m.form))
        .collect()
}

fn ids(text: &str) -> Vec<String> {
    found(text).into_iter().map(|(id, _, _)| id).collect()
}

#[test]
fn all_six_cases_and_plurals() {
    for t in ["Россия", "России", "Россию", "Россией", "о России"] {
        assert_eq!(ids(t), ["RU"], "{t}");
    }
    for t in ["Беларусь", "Беларуси", "Беларусью", "Белоруссии"] {
        assert_eq!(ids(t), ["BY"], "{t}");
    }
    for t in ["Казахстан", "Казахстана", "Казахстану", "Казахстаном", "Казахстане"]
    {
        assert_eq!(ids(t), ["KZ"], "{t}");
    }
    for t in [
        "Нидерланды",
        "Нидерландов",
        "Нидерландах",
        "Филиппин",
        "Филиппинами",
        "Мальдив",
        "Объединённых Арабских Эмиратов",
    ] {
        assert_eq!(ids(t).len(), 1, "{t}");
    }
}

#[test]
fn multiword_names_inflect_every_word() {
    assert_eq!(found("Республики Таджикистан")[0].1, "Республики Таджикистан");
    assert_eq!(found("с Соединёнными Штатами Америки")[0].1, "Соединёнными Штатами Америки");
    assert_eq!(found("Организации Объединённых Наций")[0].0, "UN");
    assert_eq!(found("Иорданского Хашимитского Королевства")[0].0, "JO");
    assert_eq!(found("Великого Герцогства Люксембург")[0].0, "LU");
}

#[test]
fn longest_name_wins() {
    assert_eq!(ids("Гвинея-Бисау"), ["GW"]);
    assert_eq!(ids("Гвинеи-Бисау"), ["GW"]);
    assert_eq!(ids("в Папуа — Новой Гвинее"), ["PG"]);
    assert_eq!(ids("Южного Судана"), ["SS"]);
    assert_eq!(ids("Доминиканской Республики"), ["DO"]);
    assert_eq!(ids("Экваториальной Гвинеи"), ["GQ"]);
    assert_eq!(ids("Республики Корея"), ["KR"]);
    assert_eq!(ids("Гвинеи"), ["GN"]);
}

#[test]
fn no_false_friends() {
    assert!(ids("Кроме того, стороны обсудили груз и мало ли что.").is_empty());
    assert!(ids("Того же мнения придерживается министр.").is_empty());
    assert_eq!(ids("встретился с Послом Того"), ["TG"]);
    assert_eq!(ids("Нигерия и Нигер"), ["NG", "NE"]);
    assert_eq!(ids("Грузии"), ["GE"]);
    assert!(ids("груза").is_empty());
    assert!(ids("на Корейском полуострове и в Латинской Америке").is_empty());
    assert!(ids("Самое главное").is_empty());
}

#[test]
fn adjectives_and_compounds() {
    let f = found("белорусская сторона и российско-таджикские отношения");
    let got: Vec<(&str, &str, MentionForm)> = f.iter().map(|(a, b, c)| (a.as_str(), b.as_str(), *c)).collect();
    assert_eq!(
        got,
        [
            ("BY", "белорусская", MentionForm::Adjective),
            ("RU", "российско", MentionForm::Adjective),
            ("TJ", "таджикские", MentionForm::Adjective)
        ]
    );
    assert_eq!(ids("армяно-азербайджанской границе"), ["AM", "AZ"]);
}

#[test]
fn abbreviations_are_case_exact() {
    assert_eq!(ids("РФ, США, КНР, ФРГ, ОАЭ, КНДР, ЮАР"), ["RU", "US", "CN", "DE", "AE", "KP", "ZA"]);
    assert!(ids("ес ли").is_empty());
    assert_eq!(ids("ЕС"), ["EU"]);
}

#[test]
fn bodies_carry_their_organization() {
    let g = Gazetteer::embedded();
    let text = "Исполнительного комитета СНГ и Совета Безопасности ООН";
    let ms = g.find(text);
    assert_eq!(ms.len(), 2);
    for m in &ms {
        assert_eq!(m.form, MentionForm::Body);
    }
    assert_eq!(g.entity(g.root(ms[0].entity)).id, "CIS");
    assert_eq!(g.entity(g.root(ms[1].entity)).id, "UN");
    // «Совет безопасности» in lower case is a national body, not the UN's.
    assert!(ids("секретарь Совета безопасности").is_empty());
}

#[test]
fn dateline_capitals() {
    let g = Gazetteer::embedded();
    let cities: Vec<String> = g.find("ДУШАНБЕ НУР-СУЛТАН").iter().map(|m| g.entity(m.entity).name.clone()).collect();
    assert_eq!(cities, ["Душанбе", "Астана"]);
}

/// Every state and organization of the embedded tables is found by its
/// name in the nominative and in the genitive (a frame that governs it).
#[test]
fn every_row_is_reachable_in_nominative_and_genitive() {
    let g = Gazetteer::embedded();
    let mut missing = Vec::new();
    for e in g.entities() {
        if !matches!(e.kind, EntityKind::State | EntityKind::Organization) {
            continue;
        }
        let nominative = format!("позиция и {}.", e.name);
        let genitive = format!("позиция {}.", genitive_of(&e.name));
        for text in [nominative, genitive] {
            let hit = g.find(&text).iter().any(|m| {
                g.root(m.entity)
                    == g.root(g.entities().iter().position(|x| x == e).map(|i| dipnews::EntityId(i as u32)).unwrap())
            });
            if !hit {
                missing.push(text);
            }
        }
    }
    assert!(missing.is_empty(), "not found: {missing:?}");
}

/// A hand-written genitive for the test: the head word's ending changed by
/// the common rules, which the checks above pin down case by case.
fn genitive_of(name: &str) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    let mut out: Vec<String> = Vec::new();
    let mut head_done = false;
    let mut saw_noun = false;
    for (k, w) in words.iter().enumerate() {
        if *w == "и" || *w == "—" {
            // After «и» only a capitalized name, or adjectives still waiting
            // for their noun, agree with the case.
            let next_capital = words.get(k + 1).is_some_and(|n| n.chars().next().is_some_and(char::is_uppercase));
            head_done = !next_capital && saw_noun;
            out.push(w.to_string());
            continue;
        }
        let hyphenated_noun = w.contains(['-', '—', '–']) && !is_adjective(w);
        if !head_done && hyphenated_noun && w.ends_with(|c: char| !"аеиоуыэюяь".contains(c)) {
            // Сент-Китс → Сент-Китса
            out.push(format!("{w}а"));
            head_done = true;
            saw_noun = true;
            continue;
        }
        if head_done || w.chars().all(|c| !c.is_lowercase()) || hyphenated_noun || w.ends_with(',') {
            out.push(w.to_string());
            continue;
        }
        let last = k + 1 == words.len();
        let g = genitive_word(w, !last);
        if !is_adjective(w) || last {
            head_done = true;
            saw_noun = true;
        }
        out.push(g);
    }
    out.join(" ")
}

fn is_adjective(w: &str) -> bool {
    let verbal_noun = ["ние", "тие", "вие"].iter().any(|e| w.ends_with(e));
    !verbal_noun
        && ["ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие"].iter().any(|e| w.ends_with(e))
        && w.chars().count() > 4
}

fn genitive_word(w: &str, not_last: bool) -> String {
    let cut = |n: usize| w.chars().take(w.chars().count() - n).collect::<String>();
    if not_last && is_adjective(w) {
        return match &w[w.len() - 4..] {
            "ая" => format!("{}ой", cut(2)),
            "яя" => format!("{}ей", cut(2)),
            "ые" => format!("{}ых", cut(2)),
            "ие" => format!("{}их", cut(2)),
            "ое" | "ый" | "ой" => format!("{}ого", cut(2)),
            _ => format!("{}ого", cut(2)),
        };
    }
    let velar = |s: &str| s.ends_with(['г', 'к', 'х', 'ж', 'ш', 'ч', 'щ']);
    if w == "Острова" {
        return "Островов".to_string();
    }
    if w.ends_with("ия") || w.ends_with("ея") {
        format!("{}и", cut(1))
    } else if w.ends_with('а') {
        let stem = cut(1);
        if stem.ends_with(['а', 'е', 'и', 'о', 'у']) {
            w.to_string()
        } else if velar(&stem) {
            format!("{stem}и")
        } else {
            format!("{stem}ы")
        }
    } else if w.ends_with('я') || w.ends_with('ь') {
        format!("{}и", cut(1))
    } else if w.ends_with('й') {
        format!("{}я", cut(1))
    } else if w.ends_with('ы') {
        format!("{}ов", cut(1))
    } else if w.ends_with("ство") || w.ends_with("ие") {
        format!("{}я", cut(1)).replace("ствя", "ства")
    } else if w.ends_with(['о', 'е', 'и', 'у', 'э']) {
        w.to_string()
    } else {
        format!("{w}а")
    }
}

fn build(table: Table, text: &str) -> Result<Gazetteer, Error> {
    GazetteerBuilder::new().add_table(table, "custom.tsv", text).build()
}

fn err_line(r: Result<Gazetteer, Error>) -> (String, usize) {
    match r {
        Err(Error::Gazetteer { file, line, .. }) => (file, line),
        other => panic!("expected a gazetteer error, got {other:?}"),
    }
}

#[test]
fn malformed_custom_tables_name_file_and_line() {
    let h = "iso2\twikidata\tname\tnames\tadjectives\n";
    assert_eq!(err_line(build(Table::States, &format!("{h}XX\tQ1\n"))), ("custom.tsv".into(), 2), "missing column");
    assert_eq!(err_line(build(Table::States, &format!("{h}XX\tZ12\tИкс\t\t\n"))).1, 2, "bad wikidata id");
    assert_eq!(err_line(build(Table::States, &format!("{h}xx1\tQ12\tИкс\t\t\n"))).1, 2, "bad iso code");
    assert_eq!(
        err_line(build(Table::States, &format!("{h}XA\tQ12\tИкс\t\t\nXA\tQ13\tИгрек\t\t\n"))).1,
        3,
        "duplicate id"
    );
    assert_eq!(err_line(build(Table::States, "name\tnames\n")).1, 1, "header without iso2");
    assert_eq!(
        err_line(build(Table::Organizations, "id\twikidata\tname\tparent\tnames\nB\t\tБэ\tNOPE\t\n")).1,
        2,
        "unknown parent"
    );
}

#[test]
fn invalid_utf8_in_a_directory_is_an_error() {
    let dir = std::env::temp_dir().join(format!("dipnews-gaz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("states.tsv"), b"iso2\twikidata\tname\nXA\tQ1\t\xff\xfe\n").unwrap();
    let r = GazetteerBuilder::new().add_dir(&dir).and_then(|b| b.build());
    let _ = std::fs::remove_dir_all(&dir);
    let (file, line) = err_line(r);
    assert!(file.ends_with("states.tsv"));
    assert_eq!(line, 2);
    assert!(matches!(GazetteerBuilder::new().add_dir("/no/such/dir"), Err(Error::Io { .. })));
}

#[test]
fn custom_rows_extend_the_embedded_tables() {
    let g = GazetteerBuilder::new()
        .embedded()
        .add_table(Table::States, "extra.tsv", "iso2\twikidata\tname\tnames\nRU\tQ159\tРоссия\tРоссиюшка\n")
        .build()
        .unwrap();
    assert_eq!(g.find("Россиюшка").len(), 1);
    assert_eq!(g.entities().iter().filter(|e| e.id == "RU").count(), 1);
}

#[test]
fn short_latin_names_with_numbers() {
    // «G» is one byte: short words skip the starter filter and are
    // compared with the few short starters instead.
    assert_eq!(ids("Лидеры G20 и G7 встретились."), ["G20", "G7"]);
    assert_eq!(ids("Представители ВПП, МОТ и ИБР."), ["WFP", "ILO", "IsDB"]);
    assert!(ids("в и с к о у G").is_empty());
}

#[test]
fn hyphenated_names_inflect_their_first_part() {
    assert_eq!(ids("посол Тимора-Лесте, Брунея-Даруссалама и Гвинеи-Бисау"), ["TL", "BN", "GW"]);
}

#[test]
fn a_state_named_inside_an_organization_is_found_too() {
    let r = dipnews::Extractor::new().extract(
        "Заседание Трёхсторонней контактной группы по урегулированию ситуации на востоке Украины прошло в Минске.",
    );
    assert_eq!(r.organizations.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(), ["TCG"]);
    assert_eq!(r.states.iter().map(|s| s.iso2.as_str()).collect::<Vec<_>>(), ["UA"]);
}

#[test]
fn a_body_followed_by_a_state_is_that_states() {
    let orgs =
        |t: &str| dipnews::Extractor::new().extract(t).organizations.into_iter().map(|o| o.id).collect::<Vec<_>>();
    assert!(orgs("Он назначен первым замсекретаря Совета Безопасности РФ.").is_empty());
    assert!(orgs("Путин исключил Грызлова из состава Совета Безопасности России.").is_empty());
    assert_eq!(orgs("Заседание Совета Безопасности ООН прошло в Нью-Йорке."), ["UN"]);
}

/// Every city and seat of government is found by its nominative name, as
/// itself or as another entity of the same name.
#[test]
fn every_city_and_seat_is_reachable() {
    let g = Gazetteer::embedded();
    let mut missing = Vec::new();
    for e in g.entities().iter().filter(|e| matches!(e.kind, EntityKind::City | EntityKind::Seat)) {
        let text = format!("Речь шла о том, что {} и другие.", e.name);
        let hit = g.find(&text).iter().any(|m| m.kind == e.kind && g.entity(m.entity).name == e.name);
        if !hit {
            missing.push(e.name.clone());
        }
    }
    assert!(missing.is_empty(), "not found: {missing:?}");
}

fn place_of(text: &str) -> Vec<(EntityKind, String)> {
    let g = Gazetteer::embedded();
    g.find(text)
        .into_iter()
        .filter(|m| matches!(m.kind, EntityKind::City | EntityKind::Seat))
        .map(|m| (m.kind, g.entity(g.seat_city(m.entity)).name.clone()))
        .collect()
}

#[test]
fn seats_and_new_cities_inflect() {
    use EntityKind::{City, Seat};
    let cases = [
        ("встреча в Рованиеми", City, "Рованиеми"),
        ("переговоры в Анталье", City, "Анталья"),
        ("форум в Тампере", City, "Тампере"),
        ("в Карловых Варах", City, "Карловы Вары"),
        ("в Белой Церкви", City, "Белая Церковь"),
        ("в Кривом Роге", City, "Кривой Рог"),
        ("в Пальме-де-Мальорке", City, "Пальма-де-Мальорка"),
        ("в Кремле", Seat, "Москва"),
        ("в Акорде", Seat, "Астана"),
        ("в Ак Орде", Seat, "Астана"),
        ("в Елисейском дворце", Seat, "Париж"),
        ("в Бочаровом Ручье", Seat, "Сочи"),
        ("в Ак-Сарае", Seat, "Анкара"),
        ("во Дворце нации", Seat, "Душанбе"),
    ];
    for (text, kind, city) in cases {
        assert_eq!(place_of(text).first(), Some(&(kind, city.to_string())), "{text}");
    }
    // A name two seats share gives both, the first listed first.
    let both: Vec<String> = place_of("во Дворце Независимости").into_iter().map(|(_, c)| c).collect();
    assert_eq!(both, ["Минск", "Астана"]);
    // Lowercase words are not names: «мир», «орёл», «росток»; nor are
    // common words that open a sentence.
    assert!(place_of("мир, орёл и росток").is_empty());
    assert!(place_of("Ровно год назад шахты закрылись. Шахты открылись.").is_empty());
    assert_eq!(place_of("в Ровно и в Шахтах").len(), 2);
}

#[test]
fn a_seat_names_a_known_city() {
    let h = "name\tcity\tnames\n";
    assert_eq!(err_line(build(Table::Seats, &format!("{h}Дворец\tНетограда\t\n"))).1, 2, "unknown city");
    let g = GazetteerBuilder::new()
        .embedded()
        .add_table(Table::Seats, "extra.tsv", format!("{h}Дворец Шести Столпов\tQ1520\t\n"))
        .build()
        .unwrap();
    let m = g.find("во Дворце Шести Столпов").into_iter().find(|m| m.kind == EntityKind::Seat).expect("found");
    assert_eq!(g.entity(g.seat_city(m.entity)).name, "Астана");
}

/// A match is 32 bytes (token indices as `u32`): long news holds one every
/// 100 bytes or so through the rules (`tests/linear.rs`).
#[test]
fn matches_stay_small() {
    assert!(std::mem::size_of::<dipnews::gazetteer::Match>() <= 32);
}

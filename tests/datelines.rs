//! Datelines of the wires: city, date and agency.

mod common;
use common::extract;

fn dl(text: &str) -> (Option<String>, Option<String>, Option<String>) {
    let r = extract(text);
    let d = r.dateline.expect("a dateline");
    (d.city.map(|c| c.name), d.date.map(|x| x.to_string()), d.agency.map(|a| a.id))
}

fn check(text: &str, city: Option<&str>, date: Option<&str>, agency: Option<&str>) {
    let (c, d, a) = dl(text);
    assert_eq!((c.as_deref(), d.as_deref(), a.as_deref()), (city, date, agency), "{text}");
}

#[test]
fn shapes_of_every_wire() {
    check("МОСКВА, 6 октября. /ТАСС/. Министр провел встречу.", Some("Москва"), Some("--10-06"), Some("TASS"));
    check("МОСКВА, 6 окт — РИА Новости. Министр провел встречу.", Some("Москва"), Some("--10-06"), Some("RIA"));
    check(
        "Москва. 6 октября. INTERFAX.RU – Министр провел встречу.",
        Some("Москва"),
        Some("--10-06"),
        Some("INTERFAX"),
    );
    check("ДУШАНБЕ, 15 мар — Sputnik. Министр провел встречу.", Some("Душанбе"), Some("--03-15"), Some("SPUTNIK"));
    check("МИНСК, 6 октября (БЕЛТА) – Министр провел встречу.", Some("Минск"), Some("--10-06"), Some("BELTA"));
    check("АСТАНА. КАЗИНФОРМ – Министр провел встречу.", Some("Астана"), None, Some("KAZINFORM"));
    check("БИШКЕК, 6 октября /Кабар/. Министр провел встречу.", Some("Бишкек"), Some("--10-06"), Some("KABAR"));
    check("Ташкент, 6 октября (УзА). Министр провел встречу.", Some("Ташкент"), Some("--10-06"), Some("UZA"));
    check(
        "ЕРЕВАН, 6 ОКТЯБРЯ, АРМЕНПРЕСС. Министр провел встречу.",
        Some("Ереван"),
        Some("--10-06"),
        Some("ARMENPRESS"),
    );
    check("БАКУ /Trend/ - Министр провел встречу.", Some("Баку"), None, Some("TREND"));
    check("Баку, 7 сентября, АЗЕРТАДЖ. Министр провел встречу.", Some("Баку"), Some("--09-07"), Some("AZERTAC"));
    check(
        "ДУШАНБЕ, 07.10.2020 /НИАТ «Ховар»/. Министр провел встречу.",
        Some("Душанбе"),
        Some("2020-10-07"),
        Some("KHOVAR"),
    );
    check(
        "ДУШАНБЕ, 07.10.2020 /НИАТ «Ховар/. Министр провел встречу.",
        Some("Душанбе"),
        Some("2020-10-07"),
        Some("KHOVAR"),
    );
    check("НУР-СУЛТАН. КАЗИНФОРМ – Президент провел встречу.", Some("Астана"), None, Some("KAZINFORM"));
    check(
        "ПЕКИН, 22 марта. /Корр. ТАСС Андрей Кириллов/. Министры России и Китая провели переговоры.",
        Some("Пекин"),
        Some("--03-22"),
        Some("TASS"),
    );
}

#[test]
fn place_that_is_no_city() {
    let (c, d, a) = dl("ООН, 17 сен — РИА Новости. Генсек ООН выступил.");
    assert_eq!((c, d.as_deref(), a.as_deref()), (None, Some("--09-17"), Some("RIA")));
}

#[test]
fn press_releases_have_none() {
    let r = extract("О встрече Министра с Послом\n10 марта состоялась встреча Министра с Послом.");
    assert!(r.dateline.is_none());
    assert_eq!(r.headline.as_deref(), Some("О встрече Министра с Послом"));
}

#[test]
fn dateline_span_slices_the_input() {
    let text = "Заголовок\nМОСКВА, 6 октября. /ТАСС/. Министр провел встречу.";
    let d = extract(text).dateline.unwrap();
    assert_eq!(&text[d.span.start..d.span.end], "МОСКВА, 6 октября. /ТАСС/.");
}

#[test]
fn lowercased_dumps() {
    let text = "москва, 1 дек - риа новости. глава мид россии сергей лавров провел телефонный разговор с министром \
                иностранных дел турции. кроме того, стороны обсудили ситуацию.";
    let r = extract(text);
    let d = r.dateline.unwrap();
    assert_eq!(d.city.unwrap().name, "Москва");
    assert_eq!(d.agency.unwrap().id, "RIA");
    let states: Vec<&str> = r.states.iter().map(|s| s.iso2.as_str()).collect();
    assert_eq!(states, ["RU", "TR"], "and not Togo for «того»");
}

#[test]
fn more_wires() {
    check("ТАСС, 24 ноября. Министр России провел переговоры.", None, Some("--11-24"), Some("TASS"));
    check(
        "Москва. 14 марта. ИНТЕРФАКС - Министр России провел переговоры.",
        Some("Москва"),
        Some("--03-14"),
        Some("INTERFAX"),
    );
    check(
        "Душанбе. 19 февраля. «Азия-Плюс» - Министр России провел переговоры.",
        Some("Душанбе"),
        Some("--02-19"),
        Some("ASIA_PLUS"),
    );
    check(
        "ПЕКИН, 5 мая /Синьхуа/ -- Министр России провел переговоры.",
        Some("Пекин"),
        Some("--05-05"),
        Some("XINHUA"),
    );
    check(
        "Астана - 8 октября /KZinform/. Министр России провел переговоры.",
        Some("Астана"),
        Some("--10-08"),
        Some("KAZINFORM"),
    );
    check(
        "С.-ПЕТЕРБУРГ, 5 июня. /ТАСС/. Министр России провел переговоры.",
        Some("Санкт-Петербург"),
        Some("--06-05"),
        Some("TASS"),
    );
    check(
        "31 декабря, Минск /Корр. БЕЛТА/. Президент направил поздравления.",
        Some("Минск"),
        Some("--12-31"),
        Some("BELTA"),
    );
}

#[test]
fn scraped_and_foreign_spellings() {
    // HTML entities left by a scraper between the date and the agency.
    check(
        "москва, 1 дек&nbsp;&mdash; риа новости. министр иностранных дел россии провел переговоры.",
        Some("Москва"),
        Some("--12-01"),
        Some("RIA"),
    );
    check(
        "DUSHANBE, 12.05.2022 /NIAT «Khovar»/. Министр встретился с послом.",
        Some("Душанбе"),
        Some("2022-05-12"),
        Some("KHOVAR"),
    );
    check(
        "АСТАНА. 7 июля. ҚазАқпарат /Айгуль Нурова/ - Министр провел встречу.",
        Some("Астана"),
        Some("--07-07"),
        Some("KAZINFORM"),
    );
}

#[test]
fn a_photo_credit_above_the_text_is_no_headline() {
    let text = "Путин и Си Цзиньпин провели переговоры в Пекине\nФото: © Sputnik / Сергей Бобылев\n\n\
                ПЕКИН, 16 мая - РИА Новости. Президент России и председатель КНР провели переговоры.";
    let r = extract(text);
    assert_eq!(r.headline.as_deref(), Some("Путин и Си Цзиньпин провели переговоры в Пекине"));
    assert_eq!(dl(text), (Some("Пекин".into()), Some("--05-16".into()), Some("RIA".into())));
    let r = extract("Фото: МИД Беларуси\n\nМИНСК, 14 июня (БЕЛТА) – Министр встретился с Послом Кубы в Беларуси.");
    assert_eq!(r.headline, None);
    assert!(r.dateline.is_some());
}

#[test]
fn agency_names_in_title_case_and_sub_brands() {
    let r = extract("Нур-Султан, 5 июня. Интерфакс-Казахстан - Министр встретился с послом Ирана.");
    let agency = r.dateline.and_then(|d| d.agency).expect("an agency");
    assert_eq!((agency.id.as_str(), agency.name.as_str()), ("INTERFAX", "Интерфакс-Казахстан"));
    check(
        "ТБИЛИСИ, 21 мар /Новости-Грузия/. Министр встретился с послом.",
        Some("Тбилиси"),
        Some("--03-21"),
        Some("RIA"),
    );
}

#[test]
fn a_related_block_under_a_short_text_stays_in_the_trailer() {
    let r = extract(
        "БИШКЕК, 3 июля /Кабар/. Министр иностранных дел Кыргызстана встретился с послом Индии.\n\n\
         ЧИТАЙТЕ ТАКЖЕ\nМинистр иностранных дел Кыргызстана провел переговоры с министром Пакистана\n",
    );
    let states: Vec<&str> = r.states.iter().map(|s| s.iso2.as_str()).collect();
    assert_eq!(states, ["KG", "IN"]);
}

#[test]
fn a_name_and_a_date_without_an_agency_is_no_dateline() {
    // A byline or a signature with its date: no place the gazetteer knows,
    // no agency, not in capitals.
    let r = extract(
        "Министры Польши и Литвы провели переговоры.\nИван Петров, 12 февраля 2020 года\nСтороны обсудили торговлю.",
    );
    assert!(r.dateline.is_none());
    // A place the gazetteer lacks, in capitals as wires write it, still is one.
    check("ХОРОГШАН, 5 мая. Министры Польши и Литвы провели переговоры.", None, Some("--05-05"), None);
    check(
        "Душанбе, 5 мая 2020 г. Министры Польши и Литвы провели переговоры.",
        Some("Душанбе"),
        Some("2020-05-05"),
        None,
    );
}

#[test]
fn a_numeric_date_with_a_two_digit_year_and_an_author_before_the_agency() {
    check(
        "Бишкек, 08.08.24./Айгуль Осмонова- Кабар/. Президент Кыргызстана прибыл с визитом в Астану.",
        Some("Бишкек"),
        Some("2024-08-08"),
        Some("KABAR"),
    );
}

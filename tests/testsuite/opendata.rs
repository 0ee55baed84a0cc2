//! Open data (issue 6): minutes.json, per-record JSON and dataset.json validate against the schemas
//! the site publishes; decisions.csv has a BOM, RFC 4180 quoting and one row per agenda item.

use std::path::Path;

use crate::support::*;
use serde_json::Value;

fn json(path: impl AsRef<Path>) -> Value {
    serde_json::from_str(&read(path)).expect("valid JSON")
}

/// Validate `instance` against `schema`; panic with every error.
fn validate(schema: &Value, instance: &Value, what: &str) {
    let v = jsonschema::validator_for(schema).unwrap_or_else(|e| panic!("{what}: schema is invalid: {e}"));
    let errors: Vec<String> = v
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} does not match its schema:\n{}",
        errors.join("\n")
    );
}

/// A strict RFC 4180 reader: quoted fields may hold commas, quotes (doubled) and line breaks.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' => {
                assert!(field.is_empty(), "quote inside an unquoted field");
                quoted = true;
            }
            ',' => row.push(std::mem::take(&mut field)),
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "records end with CRLF");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            '\n' => panic!("bare LF outside a quoted field"),
            c => field.push(c),
        }
    }
    assert!(!quoted, "unterminated quoted field");
    assert!(field.is_empty() && row.is_empty(), "the last record lacks CRLF");
    rows
}

#[test]
fn json_files_match_their_schemas_and_hold_the_seed_structure() {
    let site = bundled_site();
    let out = build_ok(site.path());
    let schema = |n: &str| json(out.join(format!("data/schema/{n}.schema.json")));
    let minutes = json(out.join("data/minutes/2024.json"));
    validate(&schema("minutes"), &minutes, "minutes/2024.json");
    assert!(
        !out.join("data/minutes.json").exists(),
        "one file of every record only with full_data_file"
    );
    let record = json(out.join("data/minutes/2024/executive-4.json"));
    validate(&schema("record"), &record, "executive-4.json");
    let dataset = json(out.join("data/dataset.json"));
    validate(&schema("dataset"), &dataset, "dataset.json");

    assert_eq!(minutes["count"], 1);
    assert_eq!(minutes["updated"], "2024-09-11");
    assert_eq!(minutes["license"], "政府資料開放授權條款-第1版");
    let r = &minutes["records"][0];
    assert_eq!(r["title"], "第4次主管會議紀錄");
    assert_eq!(r["date"], "2024-09-11");
    assert_eq!(r["date_roc"], "113年9月11日");
    assert_eq!(r["roc_year"], 113);
    assert_eq!(r["number"], 4);
    assert_eq!(r["time"], "10:30-12:15");
    assert_eq!(r["location"], "本部延平大樓101會議室");
    assert_eq!(r["chair"], "黃部長彥男");
    assert_eq!(r["recorder"], "林怡芬");
    assert_eq!(r["attendees"].as_array().unwrap().len(), 19);
    assert_eq!(r["series"]["slug"], "executive");
    assert_eq!(r["series"]["en"], "Executive Meeting");
    assert_eq!(r["url"], "https://minutes.example.gov.tw/minutes/2024/executive-4/");
    assert_eq!(
        r["json_url"],
        "https://minutes.example.gov.tw/data/minutes/2024/executive-4.json"
    );
    let units: Vec<&str> = r["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u.as_str().unwrap())
        .collect();
    assert_eq!(units, ["personnel", "strategy", "nics", "secretariat", "democracy"]);
    assert_eq!(r["topics"].as_array().unwrap().len(), 12);
    let agenda = r["agenda"].as_array().unwrap();
    let labels: Vec<&str> = agenda.iter().map(|a| a["label"].as_str().unwrap()).collect();
    assert_eq!(labels, ["案由一", "案由二", "案由三", "臨時動議一"]);
    assert_eq!(agenda[1]["units"][0], "nics");
    assert_eq!(agenda[3]["units"][0], "democracy", "a motion's 提案單位");
    assert!(agenda[0]["decision"].as_str().unwrap().starts_with("一、洽悉。\n二、"));
    assert!(agenda[0]["title"].as_str().unwrap().starts_with("案由一："));
    // Anchors are percent-encoded so every URL is a plain URI.
    assert_eq!(
        agenda[0]["url"],
        "https://minutes.example.gov.tw/minutes/2024/executive-4/#%E6%A1%88%E7%94%B1%E4%B8%80"
    );
    let reports = r["reports"].as_array().unwrap();
    assert!(reports.len() >= 10, "{} unit reports", reports.len());
    assert_eq!(reports[0]["unit"], "strategy");
    assert!(reports[0]["url"].as_str().unwrap().contains("#"));
    let mentions: Vec<&str> = r["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u.as_str().unwrap())
        .collect();
    assert!(
        mentions.contains(&"ethics") && mentions.contains(&"adi"),
        "{mentions:?}"
    );
    // Every slug a record uses is named once: in registry.json and in the year file.
    let registry = json(out.join("data/registry.json"));
    validate(&schema("registry"), &registry, "registry.json");
    assert_eq!(registry["units"]["nics"]["name"], "國家資通安全研究院");
    assert_eq!(
        registry["units"]["nics"]["url"],
        "https://minutes.example.gov.tw/units/nics/"
    );
    assert_eq!(registry["series"]["executive"]["en"], "Executive Meeting");
    assert_eq!(minutes["units"], registry["units"]);
    assert_eq!(minutes["topics"], registry["topics"]);
    let slugs = units
        .iter()
        .copied()
        .chain(mentions.iter().copied())
        .chain(
            agenda
                .iter()
                .flat_map(|a| a["units"].as_array().unwrap().iter().map(|u| u.as_str().unwrap())),
        )
        .chain(reports.iter().map(|p| p["unit"].as_str().unwrap()));
    for s in slugs {
        assert!(
            registry["units"][s]["name"].is_string(),
            "unit {s} is not in registry.json"
        );
    }
    for t in r["topics"].as_array().unwrap() {
        assert!(registry["topics"][t.as_str().unwrap()]["name"].is_string(), "topic {t}");
    }
    assert_eq!(
        schema("record")["$comment"],
        "record format version 4",
        "the record format changed: units and topics by slug"
    );
    // The per-record file is the same record, plus its $schema.
    let mut single = record.clone();
    assert_eq!(
        single.as_object_mut().unwrap().remove("$schema").unwrap(),
        "https://minutes.example.gov.tw/data/schema/record.schema.json"
    );
    assert_eq!(&single, r);

    // The schemas document every property.
    let rs = schema("record");
    for (k, v) in rs["properties"].as_object().unwrap() {
        assert!(
            k == "$schema" || v.get("description").is_some(),
            "record.{k} is undocumented"
        );
    }
    assert_eq!(rs["$schema"], "https://json-schema.org/draft/2020-12/schema");

    // An instance that breaks the schema is caught (the validation is real).
    let mut broken = record.clone();
    broken["date"] = Value::from("113/9/11");
    broken.as_object_mut().unwrap().remove("agenda");
    let v = jsonschema::validator_for(&rs).unwrap();
    assert_eq!(v.iter_errors(&broken).count(), 2);
}

#[test]
fn dataset_description_follows_the_national_platform() {
    let site = bundled_site();
    let out = build_ok(site.path());
    let d = json(out.join("data/dataset.json"));
    assert_eq!(d["資料集名稱"], "數位發展部會議紀錄");
    assert_eq!(d["提供機關"], "數位發展部");
    assert_eq!(d["授權方式"], "政府資料開放授權條款-第1版");
    assert_eq!(d["授權說明網址"], "https://data.gov.tw/license");
    assert_eq!(d["計費方式"], "免費");
    assert_eq!(d["更新頻率"], "不定期");
    assert_eq!(d["更新日期"], "2024-09-11");
    assert_eq!(d["上架日期"], "2024-09-11");
    assert_eq!(d["資料量"], 1);
    assert!(!d["資料集描述"].as_str().unwrap().is_empty());
    let fields = d["主要欄位說明"].as_str().unwrap();
    for col in [
        "日期",
        "民國日期",
        "會議紀錄",
        "會議",
        "案由",
        "案由標題",
        "單位",
        "決定",
        "網址",
    ] {
        assert!(fields.contains(&format!("{col}：")), "主要欄位說明 lacks {col}");
    }
    let res = d["資料資源"].as_array().unwrap();
    assert!(res.len() >= 3);
    for r in res {
        assert_eq!(r["編碼格式"], "UTF-8");
        let url = r["資料下載網址"].as_str().unwrap();
        let rel = url.strip_prefix("https://minutes.example.gov.tw/").unwrap();
        assert!(out.join(rel).is_file(), "{url} is not built");
        if let Some(s) = r["詮釋資料"].as_str() {
            assert!(out
                .join(s.strip_prefix("https://minutes.example.gov.tw/").unwrap())
                .is_file());
        }
    }
    // Licence and update frequency follow the configuration.
    let yaml = read(site.path().join("minutebook.yaml")).replace(
        "theme: default\n",
        "theme: default\nlicense: CC BY 4.0\nlicense_url: https://creativecommons.org/licenses/by/4.0/\nupdate_frequency: 每月\n",
    );
    write(site.path(), "minutebook.yaml", &yaml);
    let out = build_ok(site.path());
    let d = json(out.join("data/dataset.json"));
    assert_eq!(d["授權方式"], "CC BY 4.0");
    assert_eq!(d["更新頻率"], "每月");
    let index = read(out.join("data/index.html"));
    assert!(index.contains("https://creativecommons.org/licenses/by/4.0/"));
    assert!(index.contains("decisions.csv") && index.contains("data/minutes/2024.json"));
    // The footer of every page links the data page.
    assert!(read(out.join("index.html")).contains("href=\"/data/\""));
}

#[test]
fn decisions_csv_has_a_bom_and_one_quoted_row_per_agenda_item() {
    let site = bundled_site();
    let out = build_ok(site.path());
    let bytes = std::fs::read(out.join("data/decisions.csv")).unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 BOM");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let rows = parse_csv(&text);
    assert_eq!(
        rows[0],
        [
            "日期",
            "民國日期",
            "會議紀錄",
            "會議",
            "案由",
            "案由標題",
            "單位",
            "決定",
            "網址",
            "類型",
            "決定標籤"
        ]
    );
    assert_eq!(rows.len(), 5, "header + 3 agenda items + 1 motion");
    for row in &rows[1..] {
        assert_eq!(row.len(), 11);
        assert_eq!(row[0], "2024-09-11");
        assert_eq!(row[1], "113年9月11日");
        assert_eq!(row[2], "第4次主管會議紀錄");
        assert_eq!(row[3], "主管會議");
    }
    assert_eq!(rows[1][4], "案由一");
    assert_eq!(rows[2][6], "國家資通安全研究院");
    assert!(rows[1][7].starts_with("一、洽悉。\n二、"), "{}", rows[1][7]);
    assert!(rows[3][8].starts_with("https://minutes.example.gov.tw/minutes/2024/executive-4/#"));
    // A motion (臨時動議) with its unit and decision is an agenda item too.
    assert_eq!((rows[1][9].as_str(), rows[1][10].as_str()), ("report", "決定"));
    assert_eq!(rows[4][4], "臨時動議一");
    assert_eq!(rows[4][9], "motion");
    assert_eq!(rows[4][6], "民主網絡司");
    assert!(rows[4][7].starts_with("一、洽悉。"), "{}", rows[4][7]);
    assert_eq!(
        rows[4][8],
        "https://minutes.example.gov.tw/minutes/2024/executive-4/#%E8%87%A8%E6%99%82%E5%8B%95%E8%AD%B0%E4%B8%80",
        "#臨時動議一"
    );

    // Quotes, commas and several units survive the round trip.
    let r = site.path();
    write(
        r,
        "content/2024/q.md",
        "---\ntitle: 第5次主管會議紀錄\nseries: 主管會議\ndate: 2024-10-01\nslug: executive-5\n---\n\n### 案由一：\"引號\", 逗號案（報告單位：秘書處、人事處）\n\n決定：照\"案\",通過。\n",
    );
    let out = build_ok(r);
    let bytes = std::fs::read(out.join("data/decisions.csv")).unwrap();
    let rows = parse_csv(std::str::from_utf8(&bytes[3..]).unwrap());
    assert_eq!(rows.len(), 6);
    let row = &rows[1];
    assert_eq!(row[0], "2024-10-01", "newest first");
    assert_eq!(row[5], "案由一：\"引號\", 逗號案（報告單位：秘書處、人事處）");
    assert_eq!(row[6], "秘書處、人事處");
    assert_eq!(row[7], "照\"案\",通過。");
    let minutes = json(out.join("data/minutes/2024.json"));
    assert_eq!(minutes["count"], 2);
    assert_eq!(minutes["updated"], "2024-10-01");
    validate(
        &json(out.join("data/schema/minutes.schema.json")),
        &minutes,
        "minutes.json",
    );
}

/// The records are in one file per year, `data/minutes/<year>.json`, each listed in dataset.json;
/// `full_data_file: true` adds `data/minutes.json`, the same records in one file, in order.
#[test]
fn the_records_are_split_by_year_and_one_full_file_is_optional() {
    let dir = tempfile::tempdir().unwrap();
    minutebook_bench::generate::generate_site(
        dir.path(),
        &minutebook_bench::generate::GenerateOptions { records: 30, seed: 3 },
    )
    .unwrap();
    let out = build_ok(dir.path());
    assert!(!out.join("data/minutes.json").exists());
    let schema = json(out.join("data/schema/minutes.schema.json"));
    let dataset = json(out.join("data/dataset.json"));
    let urls: Vec<String> = dataset["資料資源"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["資料下載網址"].as_str().unwrap().to_string())
        .collect();
    let mut years: Vec<(i32, serde_json::Value)> = Vec::new();
    for y in (2015..=2024).rev() {
        let path = out.join(format!("data/minutes/{y}.json"));
        if path.is_file() {
            let v = json(&path);
            validate(&schema, &v, &format!("minutes/{y}.json"));
            assert!(
                urls.iter().any(|u| u.ends_with(&format!("data/minutes/{y}.json"))),
                "{urls:?}"
            );
            years.push((y, v));
        }
    }
    assert!(years.len() >= 3, "{} years", years.len());
    let split: Vec<serde_json::Value> = years
        .iter()
        .flat_map(|(y, v)| {
            let records = v["records"].as_array().unwrap().clone();
            assert_eq!(v["count"], records.len(), "{y}");
            assert!(records
                .iter()
                .all(|r| r["date"].as_str().unwrap().starts_with(&y.to_string())));
            records
        })
        .collect();
    assert_eq!(split.len(), 30);

    let yaml = read(dir.path().join("minutebook.yaml"));
    write(
        dir.path(),
        "minutebook.yaml",
        &format!("{yaml}\nfull_data_file: true\n"),
    );
    let out = build_ok(dir.path());
    let full = json(out.join("data/minutes.json"));
    validate(&schema, &full, "minutes.json");
    assert_eq!(full["count"], 30);
    assert_eq!(
        full["records"].as_array().unwrap(),
        &split,
        "the same records, in order"
    );
    assert!(out.join("data/minutes/2024.json").is_file(), "the year files stay");
}

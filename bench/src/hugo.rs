//! The Hugo comparison of issue 21's budget ("a full build at most half of Hugo's wall time in
//! the same run"): the same generated archive as a Hugo site, built by the `hugo` binary given
//! with `--hugo PATH`, into the same tmpfs, timed the same way as minutebook's builds.
//!
//! The site is made to do the work a reader of minutebook's output gets, as far as Hugo does it
//! without plugins: every record as a page (its Markdown rendered, its facts and units listed),
//! paginated lists of every unit, topic and series (Hugo taxonomies with the records' own
//! front-matter keys) and of every year (the archive's year folders are Hugo sections), the home
//! page, and an RSS feed of each list (Hugo's default). It has no search index, no open data, no
//! follow-up pages and no minutes structure: minutebook's build does more, so the comparison
//! flatters Hugo.

use std::fs;
use std::io;
use std::path::Path;

/// Hugo's configuration: the records' `units`, `topics` and `series` keys as taxonomies; 20
/// entries a page as minutebook's lists, 50 in a feed as minutebook's feeds; `hasCJKLanguage`, as
/// Hugo's documentation asks of a Chinese site (summaries and word counts by character).
const CONFIG: &str = r#"baseURL = "https://minutes.example.gov.tw/"
languageCode = "zh-Hant-TW"
title = "會議紀錄"
disableKinds = ["sitemap", "robotsTXT"]
paginate = 20
hasCJKLanguage = true
rssLimit = 50
[taxonomies]
unit = "units"
topic = "topics"
series = "series"
[markup.goldmark.renderer]
unsafe = false
"#;

const BASEOF: &str = r#"<!doctype html>
<html lang="zh-Hant-TW"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} | {{ site.Title }}</title></head>
<body><header><a href="{{ "/" | relURL }}">{{ site.Title }}</a>
<nav><a href="{{ "/units/" | relURL }}">單位</a> <a href="{{ "/topics/" | relURL }}">主題</a> <a href="{{ "/series/" | relURL }}">會議</a></nav></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
"#;

const SINGLE: &str = r#"{{ define "main" }}<article><h1>{{ .Title }}</h1>
<dl><dt>日期</dt><dd>{{ .Date.Format "2006-01-02" }}</dd>
{{ with .Params.chair }}<dt>主席</dt><dd>{{ . }}</dd>{{ end }}
{{ with .Params.location }}<dt>地點</dt><dd>{{ . }}</dd>{{ end }}
<dt>出席</dt><dd>{{ delimit (.Params.attendees | default slice) "、" }}</dd></dl>
<ul>{{ range .GetTerms "units" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
<ul>{{ range .GetTerms "topics" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
{{ .TableOfContents }}
{{ .Content }}</article>{{ end }}
"#;

const LIST: &str = r#"{{ define "main" }}<h1>{{ .Title }}</h1>
{{ $p := .Paginate (where .Pages "Kind" "page") }}
<ol>{{ range $p.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time>
<ul>{{ range .GetTerms "units" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
<p>{{ .Summary | plainify | truncate 120 }}</p></li>{{ end }}</ol>
{{ template "_internal/pagination.html" . }}{{ end }}
"#;

const HOME: &str = r#"{{ define "main" }}<h1>{{ site.Title }}</h1>
{{ $p := .Paginate (where site.RegularPages "Type" "!=" "x") }}
<ol>{{ range $p.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>{{ end }}</ol>
{{ template "_internal/pagination.html" . }}{{ end }}
"#;

const TERMS: &str = r#"{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
"#;

/// Make the Hugo site of the minutebook archive `archive` in `dir` (replacing it): its records
/// copied into `content/` as they are (Hugo reads their YAML front-matter), the layouts above.
pub fn make_site(archive: &Path, dir: &Path) -> io::Result<()> {
    if dir.exists() {
        fs::remove_dir_all(dir)?;
    }
    fs::create_dir_all(dir.join("layouts/_default"))?;
    fs::write(dir.join("hugo.toml"), CONFIG)?;
    for (name, text) in [
        ("_default/baseof.html", BASEOF),
        ("_default/single.html", SINGLE),
        ("_default/list.html", LIST),
        ("_default/terms.html", TERMS),
        ("index.html", HOME),
    ] {
        fs::write(dir.join("layouts").join(name), text)?;
    }
    copy_records(&archive.join("content"), &dir.join("content"))
}

/// Copy the `.md` files under `from` to `to`, keeping their folders.
fn copy_records(from: &Path, to: &Path) -> io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            copy_records(&path, &to.join(entry.file_name()))?;
        } else if path.extension().is_some_and(|x| x == "md") {
            fs::copy(&path, to.join(entry.file_name()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::generate::{generate_site, GenerateOptions};

    /// The Hugo site holds every record of the archive, where it was, and the taxonomies are the
    /// records' own keys; the site is made anew over an old one.
    #[test]
    fn the_hugo_site_holds_every_record() {
        let t = tempfile::tempdir().unwrap();
        let (archive, site) = (t.path().join("archive"), t.path().join("hugo"));
        generate_site(&archive, &GenerateOptions { records: 30, seed: 1 }).unwrap();
        std::fs::create_dir_all(site.join("content/stale")).unwrap();
        std::fs::write(site.join("content/stale/old.md"), "---\ntitle: old\n---\n").unwrap();
        super::make_site(&archive, &site).unwrap();
        let md = |root: &std::path::Path| -> Vec<std::path::PathBuf> {
            let mut v: Vec<_> = walkdir::WalkDir::new(root)
                .into_iter()
                .map(|e| e.unwrap().into_path())
                .filter(|p| p.extension().is_some_and(|x| x == "md"))
                .map(|p| p.strip_prefix(root).unwrap().to_path_buf())
                .collect();
            v.sort();
            v
        };
        let records = md(&archive.join("content"));
        assert!(records.len() >= 30, "{records:?}");
        assert_eq!(md(&site.join("content")), records);
        let config = std::fs::read_to_string(site.join("hugo.toml")).unwrap();
        for key in [
            "unit = \"units\"",
            "topic = \"topics\"",
            "series = \"series\"",
            "paginate = 20",
        ] {
            assert!(config.contains(key), "{key}");
        }
        for layout in [
            "_default/baseof.html",
            "_default/single.html",
            "_default/list.html",
            "_default/terms.html",
            "index.html",
        ] {
            assert!(site.join("layouts").join(layout).is_file(), "{layout}");
        }
    }
}

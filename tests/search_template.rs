//! The search page template parses with Tera 2 and renders the elements search.js needs.
//! Uses a stand-in base.html with the blocks the real one provides.

#[test]
fn search_template_renders() {
    let base = r#"<!DOCTYPE html><html lang="{{ lang }}"><body>{% block content %}{% endblock content %}{% block scripts %}{% endblock scripts %}</body></html>"#;
    let page = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/search.html"),
    )
    .unwrap();
    let mut tera = tera::Tera::new();
    tera.add_raw_templates(vec![("base.html", base), ("search.html", page.as_str())])
        .unwrap();
    let mut ctx = tera::Context::new();
    ctx.insert("root", "/sub/");
    ctx.insert("lang", "zh-Hant");
    ctx.insert("t", &std::collections::BTreeMap::<String, String>::new());
    #[derive(serde::Serialize)]
    struct Item {
        name: &'static str,
        slug: &'static str,
    }
    ctx.insert(
        "units",
        &[Item {
            name: "數位發展部",
            slug: "moda",
        }],
    );
    ctx.insert(
        "topics",
        &[Item {
            name: "資安",
            slug: "security",
        }],
    );
    ctx.insert(
        "series",
        &[Item {
            name: "主管會議",
            slug: "executive",
        }],
    );
    ctx.insert("years", &[2024, 2023]);
    let html = tera.render("search.html", &ctx).unwrap();
    for needle in [
        r#"id="search-results""#,
        r#"id="search-status""#,
        r#"aria-live="polite""#,
        r#"<label for="search-q">"#,
        r#"data-index="/sub/search/""#,
        r#"<script src="/sub/search.js" defer></script>"#,
        r#"<option value="moda">數位發展部</option>"#,
        r#"<option value="2023">2023</option>"#,
    ] {
        assert!(html.contains(needle), "missing {needle} in\n{html}");
    }
}

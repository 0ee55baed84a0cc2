//! The default theme is built into the binary (`include_dir!` in `src/render/mod.rs`): rebuild
//! when any of its files changes, not only when Rust code does. The search's per-character fold
//! table is computed here once from OpenCC's data (`src/search/fold_gen.rs`), not at run time,
//! and the theme's `search.js` is minified (published as `search.js`, see `src/render/mod.rs`).

#[allow(dead_code)]
#[path = "src/search/fold_classes.rs"]
mod fold_classes;
#[path = "src/search/fold_gen.rs"]
mod fold_gen;

fn main() {
    println!("cargo:rerun-if-changed=themes/default");
    println!("cargo:rerun-if-changed=src/search/fold_classes.rs");
    println!("cargo:rerun-if-changed=src/search/fold_gen.rs");
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let (table, alts) = fold_gen::build_tables();
    std::fs::write(out.join("fold_table.bin"), table).expect("write the fold table");
    std::fs::write(out.join("fold_alts.bin"), alts).expect("write the alternatives table");
    // The default theme publishes its search client minified: every cold search query fetches it.
    let js = std::fs::read_to_string("themes/default/static/search.js").expect("read search.js");
    let min = minifier::js::minify(&js).expect("minify search.js").to_string();
    let min = format!("/* minutebook search client, minified from themes/default/static/search.js */\n{min}\n");
    std::fs::write(out.join("search.min.js"), min).expect("write search.min.js");
}

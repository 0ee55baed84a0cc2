//! The default theme is built into the binary (`include_dir!` in `src/render/mod.rs`): rebuild
//! when any of its files changes, not only when Rust code does.
fn main() {
    println!("cargo:rerun-if-changed=themes/default");
}

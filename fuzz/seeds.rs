//! Copies each fuzz target's seeds (real files of the repository, see `minutebook::fuzzing::TARGETS`)
//! into `fuzz/corpus/<target>/`, where cargo-fuzz keeps the inputs it finds.

fn main() -> std::io::Result<()> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for target in minutebook::fuzzing::TARGETS {
        let dir = root.join("fuzz/corpus").join(target.name);
        std::fs::create_dir_all(&dir)?;
        let files = minutebook::fuzzing::seed_files(&root, target);
        for (i, f) in files.iter().enumerate() {
            let ext = f.extension().map(|e| e.to_string_lossy().to_string()).unwrap_or_default();
            std::fs::copy(f, dir.join(format!("seed-{i:03}.{ext}")))?;
        }
        println!("{}: {} seeds", target.name, files.len());
    }
    Ok(())
}

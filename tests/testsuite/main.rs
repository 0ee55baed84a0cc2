//! The one integration test binary (as mdBook's tests/testsuite): one module per area, the helpers
//! in `support`. Run one area with `cargo test --test testsuite NAME::`, e.g. `check::`.

mod support;

mod broken_pipe;
mod build_cache;
mod check;
mod cli_help;
mod corpus_score;
mod feeds;
mod followups;
mod generate_site;
mod hostile_names;
mod import_build;
mod import_cases;
mod import_formats;
mod import_gazette;
mod import_header;
mod import_held_out;
mod import_language;
mod import_pdf;
mod import_real;
mod import_seed;
mod init;
mod interrupt;
mod message_format;
mod metadata;
mod new;
mod opendata;
mod portal_pages;
mod portal_theme;
mod preview;
mod scheduled;
mod search_client;
mod search_e2e;
mod search_exact;
mod search_facts;
mod search_followups;
mod search_golden;
mod search_parity;
mod search_query_rules;
mod search_random;
mod search_template;
mod search_ui;
mod serve;
mod site;
mod yaml_errors;

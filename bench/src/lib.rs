//! minutebook's archive generator and benchmark, kept out of the product: the `minutebook`
//! binary users install does not carry them.
//!
//! [`generate`] writes deterministic, realistic archives (the tests build theirs with it);
//! [`run`] measures full and cached builds of them with the `minutebook` binary in child
//! processes, and preview rebuilds in process; [`search`] the search index and its queries;
//! [`import`] times `minutebook import` on a document of each format; [`hugo`] makes the same
//! archive a Hugo site, for the comparison with Hugo's build time;
//! [`usage`] holds the platform calls (getrusage, wait4) behind `cfg(unix)`.

pub mod generate;
pub mod hugo;
pub mod import;
pub mod load;
pub mod run;
pub mod search;
pub mod usage;

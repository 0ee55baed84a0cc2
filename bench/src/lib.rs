//! minutebook's archive generator and benchmark, kept out of the product: the `minutebook`
//! binary users install does not carry them.
//!
//! [`generate`] writes deterministic, realistic archives (the tests build theirs with it);
//! [`run`] measures full and cached builds of them with the `minutebook` binary in child
//! processes, and preview rebuilds in process; [`search`] the search index and its queries;
//! [`usage`] holds the platform calls (getrusage, wait4) behind `cfg(unix)`.

pub mod generate;
pub mod load;
pub mod run;
pub mod search;
pub mod usage;

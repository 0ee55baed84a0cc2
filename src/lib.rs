//! minutebook: publish meeting minutes as a searchable static archive.

pub mod search;

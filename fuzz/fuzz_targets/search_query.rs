#![no_main]
// See minutebook::fuzzing::search_query for the property it checks.
libfuzzer_sys::fuzz_target!(|data: &[u8]| minutebook::fuzzing::search_query(data));

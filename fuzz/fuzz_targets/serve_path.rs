#![no_main]
// See minutebook::fuzzing::serve_path for the property it checks.
libfuzzer_sys::fuzz_target!(|data: &[u8]| minutebook::fuzzing::serve_path(data));

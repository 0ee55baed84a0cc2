#![no_main]
// See minutebook::fuzzing::import_txt for the property it checks.
libfuzzer_sys::fuzz_target!(|data: &[u8]| minutebook::fuzzing::import_txt(data));

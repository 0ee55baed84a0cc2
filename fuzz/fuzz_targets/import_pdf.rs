#![no_main]
// See minutebook::fuzzing::import_pdf for the property it checks.
libfuzzer_sys::fuzz_target!(|data: &[u8]| minutebook::fuzzing::import_pdf(data));

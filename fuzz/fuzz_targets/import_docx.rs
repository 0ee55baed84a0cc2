#![no_main]
// See minutebook::fuzzing::import_docx for the property it checks.
libfuzzer_sys::fuzz_target!(|data: &[u8]| minutebook::fuzzing::import_docx(data));

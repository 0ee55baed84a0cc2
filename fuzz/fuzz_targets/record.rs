#![no_main]
// See minutebook::fuzzing::record for the property it checks.
libfuzzer_sys::fuzz_target!(|data: &[u8]| minutebook::fuzzing::record(data));

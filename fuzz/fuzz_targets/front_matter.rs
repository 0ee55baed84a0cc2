#![no_main]
// See minutebook::fuzzing::front_matter for the property it checks.
libfuzzer_sys::fuzz_target!(|data: &[u8]| minutebook::fuzzing::front_matter(data));

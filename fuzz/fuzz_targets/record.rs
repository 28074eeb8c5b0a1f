//! The record reader, `verify` and the provenance graph on any bytes: a record or an error,
//! a report saying what is wrong, never a panic.
#![no_main]

use bactrian_engine::record::{to_dot, to_json_graph, verify_bytes, Record};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let report = verify_bytes(data, None);
    let _ = report.summary();
    if let Ok(record) = Record::from_bytes(Path::new("fuzz.record"), data) {
        let _ = record.chain_head();
        let _ = record.is_complete();
        let _ = to_dot(&record);
        let _ = to_json_graph(&record);
    }
});

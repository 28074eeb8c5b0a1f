//! `bactrian keygen`, `bactrian verify` and `bactrian graph`: keys for signing records, offline
//! verification of a record, and its provenance graph.

use std::path::{Path, PathBuf};

use bactrian_engine::record::{self, Record};
use clap::{Args, ValueEnum};

use super::exit;

#[derive(Args)]
pub struct KeygenArgs {
    /// Where to write the key pair: PREFIX.key (private, mode 0600) and PREFIX.pub. A
    /// directory means DIR/bactrian.key and DIR/bactrian.pub. Existing files are never
    /// overwritten.
    #[arg(long, value_name = "PREFIX", default_value = "bactrian")]
    pub out: PathBuf,
}

#[derive(Args)]
pub struct VerifyArgs {
    /// The record file.
    pub record: PathBuf,
    /// The signer's public key (PREFIX.pub): the record must be signed by it. Without it the
    /// signature is checked against the public key the record itself carries, which proves
    /// the record is intact but not who signed it.
    #[arg(long, value_name = "PUB")]
    pub key: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct GraphArgs {
    /// The record file.
    pub record: PathBuf,
    /// Output format: Graphviz DOT, or JSON nodes and edges.
    #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
    pub format: GraphFormat,
    /// Instead of the graph: the lineage of each argument of one call (`c2`) back to its
    /// sources, and the decision, in plain words.
    #[arg(long, value_name = "CALL")]
    pub explain: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum GraphFormat {
    Dot,
    Json,
}

/// Exit code: 0 written; 2 a file exists or cannot be written.
pub fn keygen(args: KeygenArgs) -> i32 {
    match record::keygen(&args.out) {
        Ok(files) => {
            println!("private key: {} (keep it secret)", files.private.display());
            println!("public key:  {}", files.public.display());
            println!("key id:      {}", files.key_id);
            exit::OK
        }
        Err(e) => {
            eprintln!("bactrian keygen: {e}");
            exit::USAGE
        }
    }
}

fn read_record(command: &str, path: &Path) -> Result<Vec<u8>, i32> {
    record::read_record_file(path).map_err(|e| {
        eprintln!("bactrian {command}: {}: cannot read: {e}", path.display());
        exit::USAGE
    })
}

/// Exit code: 0 valid (and signed by `--key` when given); 1 invalid or incomplete; 2 the
/// record or the key file cannot be read.
pub fn verify(args: VerifyArgs) -> i32 {
    let key = match args
        .key
        .as_deref()
        .map(record::load_verifying_key)
        .transpose()
    {
        Ok(key) => key,
        Err(e) => {
            eprintln!("bactrian verify: {e}");
            return exit::USAGE;
        }
    };
    let bytes = match read_record("verify", &args.record) {
        Ok(bytes) => bytes,
        Err(code) => return code,
    };
    let report = record::verify_bytes(&bytes, key.as_ref());
    if args.json {
        match serde_json::to_string_pretty(&report) {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("bactrian verify: {e}");
                return exit::USAGE;
            }
        }
    } else {
        println!("{}", report.summary());
        if report.ok && report.signed && !report.key_checked {
            eprintln!(
                "note: the signature was checked against the public key inside the record; \
                 give --key PUB to check who signed it"
            );
        }
    }
    if report.ok {
        exit::OK
    } else {
        1
    }
}

/// Exit code: 0 printed (a warning on stderr when the record does not verify); 1 not a
/// record; 2 the record cannot be read.
pub fn graph(args: GraphArgs) -> i32 {
    let bytes = match read_record("graph", &args.record) {
        Ok(bytes) => bytes,
        Err(code) => return code,
    };
    let record = match Record::from_bytes(&args.record, &bytes) {
        Ok(record) => record,
        Err(e) => {
            eprintln!("bactrian graph: {e}");
            return 1;
        }
    };
    let report = record::verify_bytes(&bytes, None);
    if !report.ok {
        eprintln!(
            "bactrian graph: warning: this record does not verify: {}",
            report.summary()
        );
    }
    if let Some(call) = &args.explain {
        return match bactrian_engine::explain_call(&record, call) {
            Ok(text) => {
                print!("{text}");
                exit::OK
            }
            Err(e) => {
                eprintln!("bactrian graph: {e}");
                exit::USAGE
            }
        };
    }
    match args.format {
        GraphFormat::Dot => print!("{}", record::to_dot(&record)),
        GraphFormat::Json => match serde_json::to_string_pretty(&record::to_json_graph(&record)) {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("bactrian graph: {e}");
                return exit::USAGE;
            }
        },
    }
    exit::OK
}

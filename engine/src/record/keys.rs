//! ed25519 key files: `PREFIX.key` (PKCS#8 PEM, mode 0600) and `PREFIX.pub` (SPKI PEM), the
//! forms OpenSSL reads and writes (`openssl pkey -in PREFIX.key -pubout` gives PREFIX.pub).

use std::fs::OpenOptions;
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use ed25519_dalek::pkcs8::spki::der::pem::LineEnding;
use ed25519_dalek::pkcs8::{
    DecodePrivateKey, DecodePublicKey, EncodePrivateKey, EncodePublicKey, KeypairBytes,
};
use ed25519_dalek::{SigningKey, VerifyingKey};

use super::digest::Digest;
use super::error::RecordError;

/// The files [`keygen`] wrote.
#[derive(Debug, Clone)]
pub struct KeyFiles {
    /// The private key (PKCS#8 PEM, mode 0600).
    pub private: PathBuf,
    /// The public key (SPKI PEM).
    pub public: PathBuf,
    /// Hex SHA-256 of the raw public key: what records name as `key_id`.
    pub key_id: String,
}

/// The key id records use: hex SHA-256 of the raw 32-byte ed25519 public key.
pub fn key_id(key: &VerifyingKey) -> String {
    Digest::of(key.as_bytes()).to_hex()
}

/// A new signing key from the operating system's random source.
pub fn generate_key() -> Result<SigningKey, RecordError> {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).map_err(|e| RecordError::Random(e.to_string()))?;
    let key = SigningKey::from_bytes(&seed);
    seed.fill(0);
    Ok(key)
}

/// Generates a key pair and writes `PREFIX.key` and `PREFIX.pub`; when `prefix` is an existing
/// directory, `DIR/bactrian.key` and `DIR/bactrian.pub`. Never overwrites a file.
pub fn keygen(prefix: &Path) -> Result<KeyFiles, RecordError> {
    let prefix = if prefix.is_dir() {
        prefix.join("bactrian")
    } else {
        prefix.to_path_buf()
    };
    let with_ext = |ext: &str| {
        let mut name = prefix.clone().into_os_string();
        name.push(ext);
        PathBuf::from(name)
    };
    let (private, public) = (with_ext(".key"), with_ext(".pub"));
    for path in [&private, &public] {
        if path.exists() {
            return Err(RecordError::KeyExists { path: path.clone() });
        }
    }
    let key = generate_key()?;
    // PKCS#8 v1 (the seed alone): the form OpenSSL reads; v2 with the public key it refuses.
    let private_pem = KeypairBytes {
        secret_key: key.to_bytes(),
        public_key: None,
    }
    .to_pkcs8_pem(LineEnding::LF)
    .map_err(|e| RecordError::Canonical(format!("PKCS#8 encoding failed: {e}")))?;
    let public_pem = key
        .verifying_key()
        .to_public_key_pem(LineEnding::LF)
        .map_err(|e| RecordError::Canonical(format!("SPKI encoding failed: {e}")))?;
    write_new(&private, private_pem.as_bytes(), 0o600)?;
    write_new(&public, public_pem.as_bytes(), 0o644)?;
    Ok(KeyFiles {
        private,
        public,
        key_id: key_id(&key.verifying_key()),
    })
}

fn write_new(path: &Path, bytes: &[u8], mode: u32) -> Result<(), RecordError> {
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode)
        .open(path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => RecordError::KeyExists {
                path: path.to_path_buf(),
            },
            _ => RecordError::io(path, "create", e),
        })?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(|e| RecordError::io(path, "write", e))
}

fn read_text(path: &Path) -> Result<String, RecordError> {
    std::fs::read_to_string(path).map_err(|e| RecordError::io(path, "read", e))
}

/// Reads a private key written by [`keygen`] (or `openssl genpkey -algorithm ed25519`).
pub fn load_signing_key(path: &Path) -> Result<SigningKey, RecordError> {
    let text = read_text(path)?;
    let bad = |message: String| RecordError::Key {
        path: path.to_path_buf(),
        what: "private key",
        form: "PKCS#8, -----BEGIN PRIVATE KEY-----",
        message,
    };
    if text.contains("-----BEGIN PUBLIC KEY-----") {
        return Err(bad("this is a public key; give the .key file".into()));
    }
    SigningKey::from_pkcs8_pem(&text).map_err(|e| bad(e.to_string()))
}

/// Reads a public key written by [`keygen`] (or `openssl pkey -pubout`).
pub fn load_verifying_key(path: &Path) -> Result<VerifyingKey, RecordError> {
    let text = read_text(path)?;
    let bad = |message: String| RecordError::Key {
        path: path.to_path_buf(),
        what: "public key",
        form: "SPKI, -----BEGIN PUBLIC KEY-----",
        message,
    };
    if text.contains("PRIVATE KEY-----") {
        return Err(bad("this is a private key; give the .pub file".into()));
    }
    VerifyingKey::from_public_key_pem(&text).map_err(|e| bad(e.to_string()))
}

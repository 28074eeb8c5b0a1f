//! Who may do what: bearer tokens with a scope, compared in constant time and never logged.
//!
//! The token file holds one token per line, `submitter TOKEN` or `approver TOKEN` (blank
//! lines and `#` comments are skipped). A submitter runs plans and resumes host calls; an
//! approver answers approvals, so an agent holding a submitter token cannot approve its own
//! calls. Without a token file (Unix socket only, mode 0600) every caller is the socket's
//! owner and has both scopes.

use std::path::Path;
use subtle::ConstantTimeEq;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Submitter,
    Approver,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Submitter => "submitter",
            Scope::Approver => "approver",
        }
    }
}

/// The tokens the daemon accepts.
pub struct Tokens {
    tokens: Vec<(Scope, Vec<u8>)>,
}

/// Says how many tokens there are, never what they are.
impl std::fmt::Debug for Tokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Tokens({} tokens)", self.tokens.len())
    }
}

/// What a request may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Grant {
    pub submitter: bool,
    pub approver: bool,
}

impl Grant {
    pub const ALL: Grant = Grant {
        submitter: true,
        approver: true,
    };

    pub fn allows(self, scope: Scope) -> bool {
        match scope {
            Scope::Submitter => self.submitter,
            Scope::Approver => self.approver,
        }
    }
}

/// Why a request was not let in.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// No `Authorization: Bearer` header.
    Missing,
    /// A token the daemon does not know.
    Unknown,
}

impl Tokens {
    pub fn load(path: &Path) -> Result<Tokens, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read the token file {}: {e}", path.display()))?;
        let mut tokens = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (scope, token) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
            let scope = match scope {
                "submitter" => Scope::Submitter,
                "approver" => Scope::Approver,
                other => {
                    return Err(format!(
                        "{}:{}: the scope must be submitter or approver, not {other:?}",
                        path.display(),
                        i + 1
                    ))
                }
            };
            let token = token.trim();
            if token.len() < 16 {
                return Err(format!(
                    "{}:{}: a token must be at least 16 characters",
                    path.display(),
                    i + 1
                ));
            }
            tokens.push((scope, token.as_bytes().to_vec()));
        }
        if tokens.is_empty() {
            return Err(format!("{} holds no token", path.display()));
        }
        Ok(Tokens { tokens })
    }

    /// The scopes of the token in an `Authorization` header value.
    pub fn grant(&self, header: Option<&str>) -> Result<Grant, Refusal> {
        let Some(token) = header.and_then(|h| h.strip_prefix("Bearer ")) else {
            return Err(Refusal::Missing);
        };
        let presented = token.trim().as_bytes();
        let mut grant = Grant {
            submitter: false,
            approver: false,
        };
        // Every token is compared, whether or not one matched already: the time taken says
        // nothing about which token, or how much of one, matched.
        for (scope, known) in &self.tokens {
            let same: bool = known.ct_eq(presented).into();
            match scope {
                Scope::Submitter => grant.submitter |= same,
                Scope::Approver => grant.approver |= same,
            }
        }
        if grant.submitter || grant.approver {
            Ok(grant)
        } else {
            Err(Refusal::Unknown)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Result<Tokens, String> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tokens");
        std::fs::write(&path, text).unwrap();
        Tokens::load(&path)
    }

    #[test]
    fn each_token_has_its_scope() {
        let t = tokens("# the agent\nsubmitter aaaaaaaaaaaaaaaa1\napprover bbbbbbbbbbbbbbbb2\n")
            .unwrap();
        let sub = t.grant(Some("Bearer aaaaaaaaaaaaaaaa1")).unwrap();
        assert!(sub.submitter && !sub.approver);
        let app = t.grant(Some("Bearer bbbbbbbbbbbbbbbb2")).unwrap();
        assert!(app.approver && !app.submitter);
        assert_eq!(t.grant(None), Err(Refusal::Missing));
        assert_eq!(t.grant(Some("Basic xyz")), Err(Refusal::Missing));
        assert_eq!(
            t.grant(Some("Bearer aaaaaaaaaaaaaaaa")),
            Err(Refusal::Unknown)
        );
    }

    #[test]
    fn a_bad_token_file_is_refused() {
        assert!(tokens("").unwrap_err().contains("no token"));
        assert!(tokens("admin aaaaaaaaaaaaaaaaaaaa")
            .unwrap_err()
            .contains("submitter or approver"));
        assert!(tokens("submitter short").unwrap_err().contains("16"));
    }
}

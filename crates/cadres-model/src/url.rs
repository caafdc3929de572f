//! Web addresses.

use std::str::FromStr;

use fluent_uri::Uri;
use serde::{Deserialize, Serialize};

/// An absolute `http` or `https` URL.
///
/// # Invariants
///
/// Valid per RFC 3986 (checked by `fluent-uri`, chosen over `url` for its lean build),
/// with an `http` or `https` scheme and a host. Kept as written.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Url(String);

/// Why a string is not a [`Url`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UrlError {
    /// Not RFC 3986 syntax.
    #[error("not a valid URL: {0}")]
    Syntax(String),
    /// A scheme other than http or https.
    #[error("a URL here starts with http:// or https://, found scheme {0:?}")]
    Scheme(String),
    /// No host.
    #[error("a URL needs a host, as in https://example.org/")]
    NoHost,
}

impl Url {
    /// The URL as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for Url {
    type Err = UrlError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let uri = Uri::parse(s).map_err(|e| UrlError::Syntax(e.to_string()))?;
        let scheme = uri.scheme().as_str();
        if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
            return Err(UrlError::Scheme(scheme.to_owned()));
        }
        match uri.authority() {
            Some(a) if !a.host().is_empty() => Ok(Url(s.to_owned())),
            _ => Err(UrlError::NoHost),
        }
    }
}

crate::text::string_newtype!(
    Url,
    UrlError,
    "An absolute http or https URL.",
    "^[hH][tT][tT][pP][sS]?://",
    format = "uri"
);

//! The second factor: time-based one-time codes (TOTP, RFC 6238) as Mattermost runs them
//! (`platform/shared/mfa`). The pieces, each in its file:
//!
//! - [`totp`]: making a secret, reading a code as Mattermost reads it (malformed, wrong, or
//!   the time step it matches), the `otpauth://` URI an authenticator app scans;
//! - [`qr`]: that URI as a QR code, a PNG;
//! - [`seal`]: secrets at rest, sealed under the operator's key when there is one.
//!
//! Nothing here touches a store or a setting: the rules (who may, replay, enforcement) are in
//! [`crate::service::mfa`].

pub mod qr;
pub mod seal;
pub mod totp;

pub use seal::SecretKey;

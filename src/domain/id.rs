//! Mattermost ids (`server/public/model/utils.go`): 16 random bytes written in base32 with the
//! alphabet `ybndrfg8ejkmcpqxot1uwisza345h769`, no padding, giving 26 lowercase characters.
//!
//! Validation follows `IsValidId` (26 letters or digits) but only ASCII ones: Mattermost's check
//! also lets multi-byte Unicode letters through, which no id it generates contains.

use std::fmt;
use std::sync::LazyLock;

use data_encoding::Encoding;

/// The length of every id.
pub const ID_LEN: usize = 26;

static MATTERMOST_BASE32: LazyLock<Encoding> = LazyLock::new(|| {
    let mut spec = data_encoding::Specification::new();
    spec.symbols.push_str("ybndrfg8ejkmcpqxot1uwisza345h769");
    spec.encoding().expect("the Mattermost base32 alphabet is a valid specification")
});

/// Encodes 16 bytes the way Mattermost writes ids and tokens.
pub(crate) fn encode(bytes: &[u8; 16]) -> String {
    MATTERMOST_BASE32.encode(bytes)
}

/// 16 bytes from the operating system's CSPRNG.
pub(crate) fn random_bytes() -> [u8; 16] {
    let mut bytes = [0u8; 16];
    // The OS generator failing is not something a server can carry on from.
    getrandom::fill(&mut bytes).expect("the operating system's random generator failed");
    bytes
}

/// Ids' random bytes come from the OS generator a block at a time, one `getrandom` call per 256
/// ids instead of one per id: a request id is made for every request, and the syscall was 2% of
/// a cached `GET /users/me` (docs/performance.md). Ids name things, they are not secrets (tokens
/// take [`random_bytes`], unpooled).
const POOLED_IDS: usize = 256;

thread_local! {
    static ID_POOL: std::cell::RefCell<(Box<[u8; 16 * POOLED_IDS]>, usize)> =
        std::cell::RefCell::new((Box::new([0; 16 * POOLED_IDS]), POOLED_IDS));
}

/// 16 bytes from the OS generator, by way of this thread's pool.
fn id_bytes() -> [u8; 16] {
    ID_POOL.with_borrow_mut(|(pool, used)| {
        if *used == POOLED_IDS {
            getrandom::fill(pool.as_mut_slice()).expect("the operating system's random generator failed");
            *used = 0;
        }
        let mut bytes = [0u8; 16];
        bytes.copy_from_slice(&pool[16 * *used..16 * (*used + 1)]);
        // Never handed out twice.
        pool[16 * *used..16 * (*used + 1)].fill(0);
        *used += 1;
        bytes
    })
}

/// A valid Mattermost id, held inline: copying one (every session names its user) allocates
/// nothing, which keeps the session cache and the hot path free of allocations per id.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Id([u8; ID_LEN]);

impl Id {
    /// A fresh random id.
    pub fn generate() -> Self {
        let mut text = [0u8; ID_LEN];
        // 16 bytes are 26 base32 symbols, each an ASCII letter or digit.
        MATTERMOST_BASE32.encode_mut(&id_bytes(), &mut text);
        Id(text)
    }

    /// Accepts `value` if it is a valid id (26 ASCII letters or digits).
    pub fn parse(value: &str) -> Option<Self> {
        if !is_valid(value) {
            return None;
        }
        value.as_bytes().try_into().ok().map(Id)
    }

    /// The id's text.
    pub fn as_str(&self) -> &str {
        // Only `parse` makes an Id, and it admits ASCII alone: always valid UTF-8.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }

    /// The id's text, owned.
    pub fn into_string(self) -> String {
        self.as_str().to_owned()
    }
}

/// Ids that name one kind of thing: a session's id is not a user's, and the compiler says so.
macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(Id);

        impl $name {
            /// A fresh random id.
            pub fn generate() -> Self {
                $name(Id::generate())
            }

            /// Accepts `value` if it is a valid id (26 ASCII letters or digits).
            pub fn parse(value: &str) -> Option<Self> {
                Id::parse(value).map($name)
            }

            /// The id's text.
            pub fn as_str(&self) -> &str {
                self.0.as_str()
            }

            /// The id's text, owned.
            pub fn into_string(self) -> String {
                self.0.into_string()
            }
        }

        impl std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                self.as_str()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self.as_str())
            }
        }
    };
}

typed_id!(
    /// A session's id (what `POST …/sessions/revoke` names), never its token.
    SessionId
);

typed_id!(
    /// A personal access token's id (what `GET /users/tokens/{token_id}` names), never its secret.
    TokenId
);

/// `IsValidId`, restricted to ASCII.
pub fn is_valid(value: &str) -> bool {
    value.len() == ID_LEN && value.bytes().all(|b| b.is_ascii_alphanumeric())
}

// An id reads as the text it is (it cannot be changed through this).
impl std::ops::Deref for Id {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Id({})", self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ids_have_mattermosts_shape_and_never_repeat() {
        // Four times the pool: the refills hand out fresh bytes, never a block twice.
        let mut seen = std::collections::HashSet::new();
        for _ in 0..4 * POOLED_IDS + 1 {
            let id = Id::generate();
            assert_eq!(id.as_str().len(), ID_LEN);
            assert!(id.as_str().chars().all(|c| "ybndrfg8ejkmcpqxot1uwisza345h769".contains(c)));
            assert!(is_valid(id.as_str()));
            assert!(seen.insert(id), "an id came out twice");
        }
    }

    #[test]
    fn validation_follows_is_valid_id() {
        assert!(is_valid("abcdefghijklmnopqrstuvwxyz"));
        assert!(is_valid("ABCDEFGHIJKLMNOPQRSTUVWXY1"));
        assert!(!is_valid("me"));
        assert!(!is_valid("abcdefghijklmnopqrstuvwxy"));
        assert!(!is_valid("abcdefghijklmnopqrstuvwxyz1"));
        assert!(!is_valid("abcdefghijklmnopqrstuvwxy-"));
        assert!(!is_valid("abcdefghijklmnopqrstuvwxé"));
    }

    #[test]
    fn encoding_matches_mattermost_for_known_bytes() {
        // All-zero bytes map to the alphabet's first symbol, as in Go's base32 with this alphabet.
        assert_eq!(encode(&[0u8; 16]), "yyyyyyyyyyyyyyyyyyyyyyyyyy");
    }
}

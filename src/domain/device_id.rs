//! A mobile device's id: what Mattermost's apps send at login (`device_id`) or attach to their
//! session, the push-notification id a mobile session is known by. A login with one makes a
//! mobile session and ends the device's earlier sessions of the user.

/// A device id, checked where it enters: at most [`DeviceId::MAX_CHARS`] characters
/// (Mattermost's column is `varchar(512)`, and a longer one fails its insert; here it is a clear
/// 400). Empty: no device (a web session).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeviceId(String);

impl DeviceId {
    /// The longest device id accepted.
    pub const MAX_CHARS: usize = 512;

    /// `value` as a device id; `None` when it is too long.
    pub fn parse(value: String) -> Option<Self> {
        (value.chars().count() <= Self::MAX_CHARS).then_some(DeviceId(value))
    }

    /// No device: a web session.
    pub fn is_none(&self) -> bool {
        self.0.is_empty()
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_device_id_is_at_most_512_characters() {
        assert!(DeviceId::parse(String::new()).is_some_and(|d| d.is_none()));
        let longest = "é".repeat(DeviceId::MAX_CHARS);
        assert_eq!(DeviceId::parse(longest.clone()).map(DeviceId::into_string), Some(longest.clone()));
        assert_eq!(DeviceId::parse(format!("{longest}x")), None);
    }
}

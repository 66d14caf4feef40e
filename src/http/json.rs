//! The JSON the API speaks: domain values in the generated models' shapes, sanitized as
//! Mattermost sanitizes them, and the pieces of requests read as Mattermost reads them.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use mm_sessions_api::{models, Json, Map, Serialized, SharedMap};

use crate::domain::{AccessToken, Audit, Profile, Session, User};

/// The sanitized JSON form of a session: never a token.
pub fn session_model(session: &Session) -> models::Session {
    models::Session::new(
        session.id.as_str().to_owned(),
        String::new(),
        session.create_at,
        session.expires_at,
        session.last_activity_at,
        session.user_id.as_str().to_owned(),
        session.device_id.clone(),
        session.roles.clone(),
        session.is_oauth,
        session.expired_notify,
        session.local,
        // Held sorted and unique: written as JSON here, not built into a map of owned strings.
        Map::from_sorted(session.props.iter()),
        // Teams are not this service's concern; Mattermost sends `[]` for a user without teams.
        Vec::new(),
    )
}

/// An audit record's JSON form.
pub fn audit_model(audit: Audit) -> models::Audit {
    models::Audit::new(
        audit.id.into_string(),
        audit.create_at,
        audit.user_id,
        audit.action,
        audit.extra_info,
        audit.ip_address,
        audit.session_id,
    )
}

/// The timezone Mattermost gives a user who never set one (`timezones.DefaultUserTimezone`).
/// Built and serialised once: a user answer shares it (a reference count), and writing the
/// answer copies its JSON.
static DEFAULT_TIMEZONE: LazyLock<SharedMap<String, String>> =
    LazyLock::new(|| shared([("useAutomaticTimezone", "true"), ("automaticTimezone", ""), ("manualTimezone", "")]));

/// The notification settings Mattermost gives a new user (`SetDefaultNotifications`), shared
/// as the timezone is.
static DEFAULT_NOTIFY_PROPS: LazyLock<SharedMap<String, String>> = LazyLock::new(|| {
    shared([
        ("email", "true"),
        ("push", "mention"),
        ("desktop", "mention"),
        ("desktop_sound", "true"),
        ("mention_keys", ""),
        ("channel", "true"),
        ("push_status", "away"),
        ("comments", "never"),
        ("first_name", "false"),
        ("desktop_threads", "all"),
        ("email_threads", "all"),
        ("push_threads", "all"),
    ])
});

fn shared<const N: usize>(entries: [(&str, &str); N]) -> SharedMap<String, String> {
    let map = entries.into_iter().map(|(k, v)| (k.to_owned(), v.to_owned())).collect();
    SharedMap::new(map).expect("a map of strings serialises")
}

/// Whose eyes a user's JSON is for: Mattermost shows a user more of themself than of others.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Viewer {
    /// The user themself (`GET /users/me`, a login): `notify_props` and `last_password_update`.
    Themself,
    /// Anyone else (`SanitizeProfile`): neither.
    Other,
}

/// The sanitized JSON form of a user (Mattermost's `Sanitize`): never its password hash or MFA
/// secret (which [`User`] does not even hold), `auth_data` "". The profile (names, position,
/// locale, timezone, notification settings) is an imported user's, else Mattermost's defaults
/// for a new user. It takes the user by value: its strings move into the model.
pub fn user_model(user: User, viewer: Viewer) -> models::User {
    let Some(profile) = user.profile.clone() else { return user_model_with(user, viewer, &Profile::default()) };
    user_model_with(user, viewer, &profile)
}

fn user_model_with(user: User, viewer: Viewer, profile: &Profile) -> models::User {
    let or_default = |map: &BTreeMap<String, String>, default: &SharedMap<String, String>| {
        if map.is_empty() {
            Map::Shared(default.clone())
        } else {
            Map::Owned(map.clone())
        }
    };
    let locale = if profile.locale.is_empty() { "en".to_owned() } else { profile.locale.clone() };
    let mut model = models::User::new(
        user.id.to_string(),
        user.create_at,
        user.update_at,
        user.delete_at,
        user.username,
        user.email,
        profile.nickname.clone(),
        profile.first_name.clone(),
        profile.last_name.clone(),
        profile.position.clone(),
        user.roles,
        locale,
        or_default(&profile.timezone, &DEFAULT_TIMEZONE),
        user.auth_service,
        String::new(),
        false,
    );
    // Mattermost's `omitempty`: present only when on, for any viewer.
    model.mfa_active = user.mfa_active.then_some(true);
    if viewer == Viewer::Themself {
        model.notify_props = Some(or_default(&profile.notify_props, &DEFAULT_NOTIFY_PROPS));
        model.last_password_update = (user.last_password_update > 0).then_some(user.last_password_update);
    }
    model
}

/// A personal access token's JSON form, sanitized: never its secret.
pub fn token_model(token: AccessToken) -> models::UserAccessToken {
    models::UserAccessToken::new(
        token.id.into_string(),
        token.user_id.into_string(),
        token.description,
        token.is_active,
        token.expires_at,
    )
}

/// A value of a body Mattermost reads as a map of strings (`model.MapFromJSON`): a string is
/// itself; anything else (a number, `false`, `null`, absent) reads as "".
pub fn map_string(value: Option<serde_json::Value>) -> String {
    match value {
        Some(serde_json::Value::String(text)) => text,
        _ => String::new(),
    }
}

/// Mattermost's paging (`web/params.go`): nonsense or negative means the first page and 60 a
/// page; more than 200 a page means 200.
pub fn paging(page: Option<i32>, per_page: Option<i32>) -> (u32, u32) {
    let page = page.and_then(|p| u32::try_from(p).ok()).unwrap_or(0);
    let per_page = per_page.and_then(|p| u32::try_from(p).ok()).unwrap_or(60).min(200);
    (page, per_page)
}

/// The JS client's `deviceId`, read from the raw body (see the LoginRequest definition).
pub fn camel_case_device_id(body: &[u8]) -> Option<String> {
    let body: serde_json::Value = serde_json::from_slice(body).ok()?;
    body.get("deviceId")?.as_str().filter(|d| !d.is_empty()).map(str::to_owned)
}

/// `{"status":"OK"}`, serialised once: every answer that says only that sends the same bytes.
pub fn ok_status() -> Json<models::StatusOk> {
    static OK: LazyLock<Serialized<models::StatusOk>> = LazyLock::new(|| {
        Serialized::new(&models::StatusOk::new(models::StatusOkStatus::Ok)).expect("a StatusOk serialises")
    });
    Json::Serialized(OK.clone())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::sync::Arc;

    use mm_sessions_api::Map;

    use super::{user_model, Viewer};
    use crate::domain::user::{NewUser, Profile};
    use crate::domain::Id;

    fn alice() -> crate::domain::User {
        let new =
            NewUser { username: "alice".into(), email: "alice@example.com".into(), roles: vec!["system_user".into()] };
        new.validate(Id::generate(), 1_800_000_000_000).unwrap()
    }

    /// A session's props are written as JSON straight from the packed pairs, byte for byte as
    /// the map of them would be (escapes included), and still read as that map.
    #[test]
    fn a_sessions_props_are_written_as_their_map_is_without_building_it() {
        let props: BTreeMap<String, String> = [
            ("platform", "Chrome"),
            ("csrf", "k5wz8"),
            ("os", "Linux \"x86\" \u{e9}\n"),
            ("browser", "Chrome/120.0"),
            ("is\tguest", "false"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
        let (_, session) = crate::domain::Session::issue(&alice(), 1_800_000_000_000, 0, String::new(), props.clone());
        let model = super::session_model(&session);
        assert!(matches!(model.props, Map::Written(_)), "written, not built");
        assert_eq!(serde_json::to_vec(&model.props).unwrap(), serde_json::to_vec(&props).unwrap());
        let answer = mm_sessions_api::Json::from(model.clone()).into_bytes().unwrap();
        let expected = format!(r#""props":{}"#, serde_json::to_string(&props).unwrap());
        assert!(std::str::from_utf8(&answer).unwrap().contains(&expected), "{answer:?}");
        // Read as the map it is: taken whole before anything reads it, then read.
        assert_eq!(super::session_model(&session).props.into_owned(), props);
        assert_eq!(*model.props, props);
        assert_eq!(model.props, Map::Owned(props.clone()));
        assert_eq!(model.props.clone().into_owned(), props);

        // No props: `{}`, as an empty map.
        let (_, bare) = crate::domain::Session::issue(&alice(), 1_800_000_000_000, 0, String::new(), BTreeMap::new());
        assert_eq!(serde_json::to_vec(&super::session_model(&bare).props).unwrap(), b"{}");
    }

    /// Entries out of order, or a key twice, are built into a map (the later value winning), so
    /// the JSON is always the map's.
    #[test]
    fn entries_not_strictly_ascending_are_built_into_a_map() {
        let unsorted: Map<String, String> = Map::from_sorted([("b", "1"), ("a", "2")]);
        assert!(matches!(unsorted, Map::Owned(_)));
        assert_eq!(serde_json::to_string(&unsorted).unwrap(), r#"{"a":"2","b":"1"}"#);
        let twice: Map<String, String> = Map::from_sorted([("a", "1"), ("a", "2")]);
        assert!(matches!(twice, Map::Owned(_)));
        assert_eq!(serde_json::to_string(&twice).unwrap(), r#"{"a":"2"}"#);
        let sorted: Map<String, String> = Map::from_sorted([("a", "1"), ("b", "2")]);
        assert!(matches!(sorted, Map::Written(_)));
        assert_eq!(serde_json::to_string(&sorted).unwrap(), r#"{"a":"1","b":"2"}"#);
    }

    /// A user without settings of their own carries Mattermost's defaults, shared with every
    /// other such answer, and written exactly as the same maps of their own would be.
    #[test]
    fn default_maps_are_shared_and_written_as_a_users_own_maps_are() {
        let (first, second) = (user_model(alice(), Viewer::Themself), user_model(alice(), Viewer::Themself));
        let (Map::Shared(a), Map::Shared(b)) = (&first.timezone, &second.timezone) else {
            panic!("the default timezone is not shared")
        };
        assert!(std::ptr::eq::<BTreeMap<String, String>>(&**a, &**b), "one map for every answer");
        assert!(matches!(first.notify_props, Some(Map::Shared(_))));

        // The bytes the server sends: the defaults in Go's key order.
        let answer = mm_sessions_api::Json::from(first.clone()).into_bytes().unwrap();
        let answer = std::str::from_utf8(&answer).unwrap();
        assert!(
            answer.contains(r#""timezone":{"automaticTimezone":"","manualTimezone":"","useAutomaticTimezone":"true"}"#),
            "{answer}"
        );
        assert!(
            answer.contains(r#""notify_props":{"channel":"true","comments":"never","desktop":"mention","#),
            "{answer}"
        );

        let json = serde_json::to_value(&first).unwrap();
        assert_eq!(
            json["timezone"],
            serde_json::json!({"automaticTimezone": "", "manualTimezone": "", "useAutomaticTimezone": "true"})
        );
        assert_eq!(json["notify_props"]["push"], "mention");
        assert_eq!(json["notify_props"].as_object().unwrap().len(), 12);

        // The same entries as the user's own: the same bytes, keys in Go's order, and equal.
        let mut own = alice();
        own.profile = Some(Arc::new(Profile {
            timezone: first.timezone.clone().into_owned(),
            notify_props: first.notify_props.clone().unwrap().into_owned(),
            ..Profile::default()
        }));
        let owned = user_model(own, Viewer::Themself);
        assert!(matches!(owned.timezone, Map::Owned(_)) && matches!(owned.notify_props, Some(Map::Owned(_))));
        assert_eq!(serde_json::to_vec(&owned.timezone).unwrap(), serde_json::to_vec(&first.timezone).unwrap());
        assert_eq!(serde_json::to_vec(&owned.notify_props).unwrap(), serde_json::to_vec(&first.notify_props).unwrap());
        assert_eq!(owned.timezone, first.timezone);
        // Read back, a shared map's JSON is a map of the reader's own, equal to it.
        let read: mm_sessions_api::models::User = serde_json::from_value(json).unwrap();
        assert!(matches!(read.timezone, Map::Owned(_)));
        assert_eq!((read.timezone, read.notify_props), (first.timezone, first.notify_props));
    }

    /// The shared bytes are Mattermost's, and the same as the model's own serialisation.
    #[test]
    fn ok_status_is_serialised_once_as_mattermost_writes_it() {
        let bytes = super::ok_status().into_bytes().unwrap();
        assert_eq!(&bytes[..], br#"{"status":"OK"}"#);
        let model = mm_sessions_api::models::StatusOk::new(mm_sessions_api::models::StatusOkStatus::Ok);
        assert_eq!(super::ok_status(), mm_sessions_api::Json::Model(model));
        assert_eq!(super::ok_status().into_bytes().unwrap().as_ptr(), bytes.as_ptr(), "shared, not serialised again");
        // A response enum's derived `Serialize` writes a serialised body as its model would.
        assert_eq!(serde_json::to_vec(&super::ok_status()).unwrap(), br#"{"status":"OK"}"#);
    }
}

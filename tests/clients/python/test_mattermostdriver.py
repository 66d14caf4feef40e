"""mattermostdriver (PyPI, pinned in ../requirements.txt), used as a Python script would, against
the real server: password and token logins, sessions listed and revoked, typed exceptions."""
import pytest
from mattermostdriver import Driver
from mattermostdriver.exceptions import InvalidOrMissingParameters, NoAccessTokenProvided, NotEnoughPermissions

from conftest import PASSWORD


def driver(server, **options):
    config = {"url": "127.0.0.1", "port": server.port, "scheme": "http", "basepath": "/api/v4", "timeout": 10}
    config.update(options)
    return Driver(config)


def logged_in(server, login_id):
    d = driver(server, login_id=login_id, password=PASSWORD)
    d.login()
    return d


def test_password_login_then_token_login(server):
    d = logged_in(server, "alice")
    assert d.client.token, "the driver took the Token header"
    assert d.client.userid == server.ids["alice"]
    assert d.client.username == "alice"
    # A second driver logging in with the token only: GET /users/me.
    t = driver(server, token=d.client.token)
    t.login()
    assert t.client.userid == server.ids["alice"]


def test_wrong_password_raises_the_typed_401(server):
    d = driver(server, login_id="alice", password="wrong password")
    with pytest.raises(NoAccessTokenProvided) as e:
        d.login()
    assert "valid email or username" in str(e.value)


def test_list_and_revoke_one_session(server):
    d = logged_in(server, "alice")
    uid = server.ids["alice"]
    before = {s["id"] for s in d.users.get_user_sessions(uid)}
    other = logged_in(server, "alice")
    sessions = d.users.get_user_sessions(uid)
    assert len(sessions) == len(before) + 1
    assert all(s["token"] == "" and s["user_id"] == uid for s in sessions)
    other_id = next(s["id"] for s in sessions if s["id"] not in before)
    assert d.users.revoke_user_session(uid, {"session_id": other_id}) == {"status": "OK"}
    with pytest.raises(NoAccessTokenProvided):
        other.users.get_user("me")
    # Revoking it again: Mattermost's 400 for an unknown session.
    with pytest.raises(InvalidOrMissingParameters):
        d.users.revoke_user_session(uid, {"session_id": other_id})
    assert d.users.get_user("me")["id"] == uid


def test_another_users_sessions_are_forbidden(server):
    d = logged_in(server, "alice")
    with pytest.raises(NotEnoughPermissions):
        d.users.get_user_sessions(server.ids["bob"])
    with pytest.raises(NotEnoughPermissions):
        d.users.revoke_all_user_sessions(server.ids["bob"])


def test_invalid_user_id_is_the_typed_400(server):
    d = logged_in(server, "alice")
    with pytest.raises(InvalidOrMissingParameters):
        # Alphanumeric, so it reaches the handler (Mattermost's route pattern), but not 26 long.
        d.users.get_user_sessions("notanid")


def test_revoke_all_ends_every_session_including_the_callers(server):
    d = logged_in(server, "alice")
    other = logged_in(server, "alice")
    assert d.users.revoke_all_user_sessions(server.ids["alice"]) == {"status": "OK"}
    for gone in (d, other):
        with pytest.raises(NoAccessTokenProvided):
            gone.users.get_user("me")


def test_admin_revokes_another_users_sessions(server):
    bob = logged_in(server, "bob")
    admin = logged_in(server, "admin")
    assert len(admin.users.get_user_sessions(server.ids["bob"])) >= 1
    assert admin.users.revoke_all_user_sessions(server.ids["bob"]) == {"status": "OK"}
    assert admin.users.get_user_sessions(server.ids["bob"]) == []
    with pytest.raises(NoAccessTokenProvided):
        bob.users.get_user("me")


def test_logout_revokes_the_token(server):
    d = logged_in(server, "alice")
    token = d.client.token
    d.logout()
    stale = driver(server, token=token)
    with pytest.raises(NoAccessTokenProvided):
        stale.login()


def test_update_user_password_and_the_other_sessions_end(server):
    server.create_user("carol")
    first = logged_in(server, "carol")
    d = logged_in(server, "carol")
    with pytest.raises(InvalidOrMissingParameters) as e:
        d.users.update_user_password("me", options={"current_password": "not it", "new_password": "brand new pw"})
    assert "Current Password" in str(e.value)
    assert d.users.update_user_password(
        d.client.userid, options={"current_password": PASSWORD, "new_password": "brand new pw"}
    ) == {"status": "OK"}
    assert d.users.get_user("me")["id"] == d.client.userid
    with pytest.raises(NoAccessTokenProvided):
        first.users.get_user("me")
    fresh = driver(server, login_id="carol", password="brand new pw")
    fresh.login()


def test_attach_mobile_device(server):
    d = logged_in(server, "bob")
    assert d.users.attach_mobile_device(options={"device_id": "apple_rn-v2:phone"}) == {"status": "OK"}
    sessions = d.users.get_user_sessions(d.client.userid)
    assert any(s["device_id"] == "apple_rn-v2:phone" for s in sessions), sessions
    with pytest.raises(InvalidOrMissingParameters):
        d.users.attach_mobile_device(options={"device_id": ""})


def test_update_user_active_status(server):
    dave = server.create_user("dave")
    admin = logged_in(server, "admin")
    d = logged_in(server, "dave")
    with pytest.raises(NotEnoughPermissions):
        d.users.update_user_active_status(server.ids["alice"], options={"active": False})
    assert admin.users.update_user_active_status(dave, options={"active": False}) == {"status": "OK"}
    with pytest.raises(NoAccessTokenProvided):
        d.users.get_user("me")
    with pytest.raises(NoAccessTokenProvided) as e:
        logged_in(server, "dave")
    assert "deactivated" in str(e.value)
    assert admin.users.update_user_active_status(dave, options={"active": True}) == {"status": "OK"}
    logged_in(server, "dave")


def test_get_user_audits(server):
    d = logged_in(server, "alice")
    audits = d.users.get_user_audits(d.client.userid)
    assert audits[0]["action"] == "/api/v4/users/login" and audits[0]["extra_info"] == "success", audits
    with pytest.raises(NotEnoughPermissions):
        d.users.get_user_audits(server.ids["bob"])


def test_a_personal_access_token_logs_a_driver_in_and_an_admin_finds_it(token_server):
    bot = logged_in(token_server, "ci-bot")
    made = bot.users.create_user_access_token(token_server.ids["bot"], {"description": "nightly build"})
    assert made["user_id"] == token_server.ids["bot"] and len(made["token"]) == 26
    # A script's Driver, given only the personal access token.
    script = driver(token_server, token=made["token"])
    script.login()
    assert script.users.get_user("me")["id"] == token_server.ids["bot"]
    admin = logged_in(token_server, "admin")
    found = admin.users.search_tokens({"term": "ci-bot"})
    assert [t["id"] for t in found] == [made["id"]]
    assert all("token" not in t for t in found), "sanitized"
    with pytest.raises(NotEnoughPermissions):
        bot.users.search_tokens({"term": "ci-bot"})
    admin.users.disable_personal_access_token({"token_id": made["id"]})
    with pytest.raises(NoAccessTokenProvided):
        script.users.get_user("me")


def test_the_forward_auth_check_through_the_drivers_generic_call(server):
    # Not a Mattermost endpoint, so the driver has no method for it: its generic GET, as a
    # script checking a token for a protected app would.
    d = logged_in(server, "alice")
    assert d.client.get("/auth/check") == {"status": "OK"}
    response = d.client.make_request("get", "/auth/check")
    assert response.headers["X-Mattermost-User-Id"] == server.ids["alice"]
    assert response.headers["X-Mattermost-Username"] == "alice"
    with pytest.raises(NotEnoughPermissions):
        d.client.get("/auth/check", params={"role": "system_admin"})
    d.logout()
    with pytest.raises(NoAccessTokenProvided):
        driver(server, token=d.client.token).client.get("/auth/check")

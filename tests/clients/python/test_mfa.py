"""mattermostdriver's multi-factor authentication, as a script would use it: users.generate_mfa,
users.update_user_mfa, and a Driver whose options carry mfa_token. The codes are computed here
(RFC 6238 with the standard library), apart from the server's own; within one time step the
previous step's code activates and the current one logs in, once."""
import base64
import hashlib
import hmac
import struct
import time

import pytest
from mattermostdriver.exceptions import InvalidOrMissingParameters, NoAccessTokenProvided

from conftest import PASSWORD
from test_mattermostdriver import driver, logged_in


def code_at(secret, step):
    mac = hmac.new(base64.b32decode(secret), struct.pack(">Q", step), hashlib.sha1).digest()
    offset = mac[-1] & 0xF
    value = (struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{value:06d}"


def settled_step():
    """The current 30 s step, once at least 3 s into it and 5 s before its end."""
    while not 3 < time.time() % 30 < 25:
        time.sleep(1)
    return int(time.time() // 30)


def test_generate_activate_and_log_in_with_mfa_token(mfa_server):
    uid = mfa_server.ids["alice"]
    d = logged_in(mfa_server, "alice")
    generated = d.users.generate_mfa(uid)
    secret = generated["secret"]
    assert len(secret) == 32 and base64.b64decode(generated["qr_code"])[1:4] == b"PNG"
    step = settled_step()
    with pytest.raises(InvalidOrMissingParameters):
        d.users.update_user_mfa(uid, {"activate": True})
    assert d.users.update_user_mfa(uid, {"activate": True, "code": code_at(secret, step - 1)}) == {"status": "OK"}

    # The password alone no longer logs in: the typed 401 says a code is needed.
    with pytest.raises(NoAccessTokenProvided) as e:
        driver(mfa_server, login_id="alice", password=PASSWORD).login()
    assert "MFA" in str(e.value)
    with_code = driver(mfa_server, login_id="alice", password=PASSWORD, mfa_token=code_at(secret, step))
    with_code.login()
    assert with_code.client.userid == uid
    # The same code again is a replay.
    with pytest.raises(NoAccessTokenProvided):
        driver(mfa_server, login_id="alice", password=PASSWORD, mfa_token=code_at(secret, step)).login()

    # Turning one's own MFA off takes a current code.
    assert d.users.update_user_mfa(uid, {"activate": False, "code": code_at(secret, step + 1)}) == {"status": "OK"}
    logged_in(mfa_server, "alice")

"""Schemathesis auth for mm-sessions: log in with a password (POST /users/login) and send the
Token header back as `Authorization: Bearer <token>`.

A static token would not survive the run: schemathesis calls Logout and RevokeAllSessions,
which end the very session it authenticates with. Schemathesis retries a 401 once after
fetching a fresh token (its default `retry_on`), so a revoked token is replaced, and the
401s it checks for (missing or invalid credentials) stay 401s.
"""
import os

import requests
import schemathesis


@schemathesis.auth()
class PasswordLogin:
    def get(self, case, ctx):
        base = os.environ["MM_CONTRACT_BASE"]
        response = requests.post(
            f"{base}/users/login",
            json={"login_id": os.environ["MM_CONTRACT_LOGIN"], "password": os.environ["MM_CONTRACT_PASSWORD"]},
            timeout=10,
        )
        response.raise_for_status()
        return response.headers["Token"]

    def set(self, case, data, ctx):
        case.headers = case.headers or {}
        case.headers["Authorization"] = f"Bearer {data}"

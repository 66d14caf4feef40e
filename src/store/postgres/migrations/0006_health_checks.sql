-- What GET /system/ping?get_server_status=true writes (see the SQLite migration).
CREATE TABLE health_checks (
    name   TEXT PRIMARY KEY,
    checks BIGINT NOT NULL
);

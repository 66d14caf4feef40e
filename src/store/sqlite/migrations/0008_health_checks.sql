-- What GET /system/ping?get_server_status=true writes, as Mattermost's DBHealthCheckWrite
-- writes a row: one row per check name, its count bumped by every check (so the table stays
-- one row, and a check is a real write: a full disk or a read-only file fails it).
CREATE TABLE health_checks (
    name   TEXT PRIMARY KEY,
    checks INTEGER NOT NULL
);

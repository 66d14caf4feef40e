-- A counter every change to users or sessions moves, whoever makes it (this server, the admin
-- CLI, an sqlite3 shell): the session cache compares it with the value its own writes left and
-- forgets everything when someone else's commit moved it (src/store/sqlite/changes.rs).
CREATE TABLE change_counter (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL
);
INSERT INTO change_counter (id, n) VALUES (1, 0);

CREATE TRIGGER sessions_insert_counted AFTER INSERT ON sessions
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER sessions_update_counted AFTER UPDATE ON sessions
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER sessions_delete_counted AFTER DELETE ON sessions
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER users_insert_counted AFTER INSERT ON users
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER users_update_counted AFTER UPDATE ON users
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER users_delete_counted AFTER DELETE ON users
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;

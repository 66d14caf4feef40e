-- wrk script for scripts/bench: one operation of the session API per run.
--   BENCH_OP       get | me | check | revoke | revoke_all | login
--   BENCH_DATA     the folder bench-seed wrote (users.tsv, login.tsv, admin.token)
--   BENCH_THREADS  wrk's -t (each thread takes a disjoint share of the targets)
-- Revocations each consume a target; a thread that runs out starts over ("wrapped"), and those
-- requests answer 400, which wrk counts as errors: scripts/bench reports both.

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local function split(line)
  local fields = {}
  for field in string.gmatch(line, "[^\t]+") do fields[#fields + 1] = field end
  return fields
end

local function read_lines(name)
  local lines = {}
  for line in io.lines(os.getenv("BENCH_DATA") .. "/" .. name) do
    if #line > 0 then lines[#lines + 1] = split(line) end
  end
  return lines
end

local op, requests, cursor = nil, {}, 0
wrapped = 0

function init(args)
  op = os.getenv("BENCH_OP")
  local count = tonumber(os.getenv("BENCH_THREADS"))
  local mine = function(i) return (i - 1) % count == id end
  if op == "me" or op == "check" then
    -- The check as a proxy calls it: GET, the browser's token, the forwarded URL.
    local path = op == "me" and "/api/v4/users/me" or "/api/v4/auth/check"
    for i, u in ipairs(read_lines("users.tsv")) do
      if mine(i) then
        local headers = { ["Authorization"] = "Bearer " .. u[2] }
        if op == "check" then
          headers["X-Forwarded-Proto"] = "https"
          headers["X-Forwarded-Host"] = "wiki.example.com"
          headers["X-Forwarded-Uri"] = "/page"
          headers["X-Forwarded-Method"] = "GET"
        end
        requests[#requests + 1] = wrk.format("GET", path, headers)
      end
    end
  elseif op == "get" then
    for i, u in ipairs(read_lines("users.tsv")) do
      if mine(i) then
        requests[#requests + 1] = wrk.format("GET", "/api/v4/users/" .. u[1] .. "/sessions",
          { ["Authorization"] = "Bearer " .. u[2] })
      end
    end
  elseif op == "revoke" then
    -- Round-robin over the users: the k-th revocation of every user before the (k+1)-th.
    local users = {}
    for i, u in ipairs(read_lines("users.tsv")) do
      if mine(i) then
        local ids = {}
        for sid in string.gmatch(u[3], "[^,]+") do ids[#ids + 1] = sid end
        users[#users + 1] = { id = u[1], token = u[2], sessions = ids }
      end
    end
    local k = 1
    while true do
      local added = false
      for _, u in ipairs(users) do
        if u.sessions[k] then
          added = true
          requests[#requests + 1] = wrk.format("POST", "/api/v4/users/" .. u.id .. "/sessions/revoke",
            { ["Authorization"] = "Bearer " .. u.token, ["Content-Type"] = "application/json" },
            '{"session_id":"' .. u.sessions[k] .. '"}')
        end
      end
      if not added then break end
      k = k + 1
    end
  elseif op == "revoke_all" then
    local admin = io.open(os.getenv("BENCH_DATA") .. "/admin.token"):read("*l")
    for i, u in ipairs(read_lines("users.tsv")) do
      if mine(i) then
        requests[#requests + 1] = wrk.format("POST", "/api/v4/users/" .. u[1] .. "/sessions/revoke/all",
          { ["Authorization"] = "Bearer " .. admin })
      end
    end
  elseif op == "login" then
    for i, u in ipairs(read_lines("login.tsv")) do
      if mine(i) then
        requests[#requests + 1] = wrk.format("POST", "/api/v4/users/login",
          { ["Content-Type"] = "application/json" },
          '{"login_id":"' .. u[1] .. '","password":"' .. u[2] .. '"}')
      end
    end
  else
    error("unknown BENCH_OP " .. tostring(op))
  end
  if #requests == 0 then error("no requests for thread " .. id) end
end

function request()
  cursor = cursor + 1
  if cursor > #requests then
    cursor = 1
    if op == "revoke" or op == "revoke_all" then wrapped = wrapped + 1 end
  end
  return requests[cursor]
end

function done(summary, latency, requests)
  local wraps = 0
  for _, t in ipairs(threads) do wraps = wraps + (t:get("wrapped") or 0) end
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"duration_us":%d,"errors_status":%d,"errors_socket":%d,' ..
    '"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,"mean_us":%.1f,"wrapped":%d}\n',
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean, wraps))
end

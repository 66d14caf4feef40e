-- wrk script for scripts/bench: one operation of the session API per run.
--   BENCH_OP       get | me | check | revoke | revoke_all | login
--   BENCH_DATA     the folder bench-seed wrote (users.tsv, tokens.tsv, login.tsv, admin.token)
--   BENCH_THREADS  wrk's -t (each thread takes a disjoint share of the targets)
--   BENCH_LOAD     uniform (default: every sampled user in turn, with their first token) or
--                  zipf (get, me, check: users drawn by a Zipf law over their rank, each
--                  request's token drawn from the chosen user's sessions)
--   BENCH_ZIPF     the Zipf exponent (default 1)
-- The same script, with the same draws (seeded by the thread's number), drives the server and
-- both ceilings, so the three answer the same sequence of requests.
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

-- The requests of `op` (get, me, check) for one user with one of their tokens.
local function read_request(user_id, token)
  local headers = { ["Authorization"] = "Bearer " .. token }
  if op == "get" then
    return wrk.format("GET", "/api/v4/users/" .. user_id .. "/sessions", headers)
  end
  if op == "check" then
    -- The check as a proxy calls it: GET, the browser's token, the forwarded URL.
    headers["X-Forwarded-Proto"] = "https"
    headers["X-Forwarded-Host"] = "wiki.example.com"
    headers["X-Forwarded-Uri"] = "/page"
    headers["X-Forwarded-Method"] = "GET"
    return wrk.format("GET", "/api/v4/auth/check", headers)
  end
  return wrk.format("GET", "/api/v4/users/me", headers)
end

-- Zipf: the k-th user of tokens.tsv is drawn with probability proportional to 1 / k^s. A
-- fixed sequence per thread (long enough that its cycle does not matter), drawn up front so
-- that the draw costs nothing while measuring.
local ZIPF_REQUESTS = 200000

local function zipf_requests(count)
  local s = tonumber(os.getenv("BENCH_ZIPF") or "1")
  local users = read_lines("tokens.tsv")
  local cdf, total = {}, 0
  for k = 1, #users do
    total = total + 1 / (k ^ s)
    cdf[k] = total
  end
  math.randomseed(7919 * (id + 1))
  local per_thread = math.floor(ZIPF_REQUESTS / count)
  for _ = 1, per_thread do
    local x, lo, hi = math.random() * total, 1, #users
    while lo < hi do
      local mid = math.floor((lo + hi) / 2)
      if cdf[mid] < x then lo = mid + 1 else hi = mid end
    end
    local tokens = {}
    for t in string.gmatch(users[lo][2], "[^,]+") do tokens[#tokens + 1] = t end
    requests[#requests + 1] = read_request(users[lo][1], tokens[math.random(#tokens)])
  end
end

function init(args)
  op = os.getenv("BENCH_OP")
  local count = tonumber(os.getenv("BENCH_THREADS"))
  local mine = function(i) return (i - 1) % count == id end
  local load = os.getenv("BENCH_LOAD") or "uniform"
  if load == "zipf" then
    if op ~= "get" and op ~= "me" and op ~= "check" then
      error("BENCH_LOAD=zipf is for get, me and check (writes consume their targets)")
    end
    zipf_requests(count)
  elseif load ~= "uniform" then
    error("unknown BENCH_LOAD " .. load)
  elseif op == "me" or op == "check" or op == "get" then
    for i, u in ipairs(read_lines("users.tsv")) do
      if mine(i) then requests[#requests + 1] = read_request(u[1], u[2]) end
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

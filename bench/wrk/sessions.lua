-- Spreads requests over several sessions (bench/run.sh with SESSIONS > 1).
-- BENCH_COOKIES holds one "name=value" per line, BENCH_METHOD the HTTP method,
-- BENCH_THREADS wrk's -t. Each wrk thread cycles through its own share of the
-- cookies, so two threads never send the same session; with more sessions than
-- connections, one session rarely has two requests in flight (many users, each
-- clicking at human speed, rather than one user hammering).
local cookies = {}
for line in string.gmatch(os.getenv("BENCH_COOKIES") or "", "[^\n]+") do
  cookies[#cookies + 1] = line
end
wrk.method = os.getenv("BENCH_METHOD") or "GET"
local stride = tonumber(os.getenv("BENCH_THREADS") or "1")

local threads = 0
function setup(thread)
  thread:set("thread_index", threads)
  threads = threads + 1
end

local requests = {}
local next_index = 0
function init(args)
  local index = thread_index or 0
  for i = index + 1, #cookies, stride do
    requests[#requests + 1] = wrk.format(nil, nil, { ["Cookie"] = cookies[i] })
  end
  if #requests == 0 then
    requests[1] = wrk.format(nil, nil, { ["Cookie"] = cookies[1] })
  end
end

function request()
  next_index = next_index % #requests + 1
  return requests[next_index]
end

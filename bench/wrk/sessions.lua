-- Spreads requests over several sessions (bench/run.sh with SESSIONS > 1).
-- BENCH_COOKIES holds one "name=value" per line, BENCH_METHOD the HTTP method.
-- Each thread starts at a different cookie and then walks the list in turn.
local cookies = {}
for line in string.gmatch(os.getenv("BENCH_COOKIES") or "", "[^\n]+") do
  cookies[#cookies + 1] = line
end
wrk.method = os.getenv("BENCH_METHOD") or "GET"

local requests = {}
local threads = 0
function setup(thread)
  thread:set("first", threads)
  threads = threads + 1
end

local next_index = nil
function init(args)
  for i, cookie in ipairs(cookies) do
    requests[i] = wrk.format(nil, nil, { ["Cookie"] = cookie })
  end
  next_index = (first or 0) % #requests
end

function request()
  next_index = next_index % #requests + 1
  return requests[next_index]
end

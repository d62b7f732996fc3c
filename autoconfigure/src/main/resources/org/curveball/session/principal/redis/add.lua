-- Add a session to a principal's, signed in now (the server's time), unless the caller
-- checked a list of the principal's sessions that another sign-in has since changed.
-- KEYS[1]: the principal's index key
-- ARGV[1]: the session id
-- ARGV[2]: the rest of the entry's JSON object after its sign-in time: ',"device":...}' or '}'
-- ARGV[3]: the index key's expiry in milliseconds, or '0' for none
-- ARGV[4]: '1' to check against the listed ids that follow, '0' to add in any case
-- ARGV[5...]: the ids of the sessions the caller listed
-- Returns 'added', or 'conflict' (having written nothing) when the index holds a
-- session that was not listed, other than one marked expired ('{"expired":true}').
if ARGV[4] == '1' then
  local listed = {}
  for i = 5, #ARGV do
    listed[ARGV[i]] = true
  end
  local entries = redis.call('HGETALL', KEYS[1])
  for i = 1, #entries, 2 do
    local id = entries[i]
    if id ~= ARGV[1] and not listed[id] and entries[i + 1] ~= '{"expired":true}' then
      return 'conflict'
    end
  end
end
local now = redis.call('TIME')
redis.call('HSET', KEYS[1], ARGV[1], '{"signedIn":' .. (now[1] * 1000 + math.floor(now[2] / 1000)) .. ARGV[2])
if ARGV[3] ~= '0' then
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
end
return 'added'

-- Follow a session of a principal to the id it is stored under now, keeping its entry
-- (also one marked expired); a session the index misses (a sign-in that took longer
-- than the grace a listing gives it) is added, signed in now.
-- KEYS[1]: the principal's index key
-- ARGV[1]: the id the session moved from, or '' for a session stored under its first id
-- ARGV[2]: the id it is stored under now
-- ARGV[3]: the index key's expiry in milliseconds, or '0' for none
-- Returns 'followed'.
local entry = false
if ARGV[1] ~= '' then
  entry = redis.call('HGET', KEYS[1], ARGV[1])
  if entry then
    redis.call('HDEL', KEYS[1], ARGV[1])
  end
end
if entry then
  redis.call('HSET', KEYS[1], ARGV[2], entry)
elseif redis.call('HEXISTS', KEYS[1], ARGV[2]) == 0 then
  local now = redis.call('TIME')
  redis.call('HSET', KEYS[1], ARGV[2], '{"signedIn":' .. (now[1] * 1000 + math.floor(now[2] / 1000)) .. '}')
end
if ARGV[3] ~= '0' then
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
end
return 'followed'

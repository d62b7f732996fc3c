-- Replace a session's JSON only if it is still the JSON the caller read.
-- KEYS[1]: the session key
-- ARGV[1]: SHA-1 (hex) of the JSON the caller read
-- ARGV[2]: the new JSON, or "" to delete the session
-- ARGV[3]: the idle expiry in milliseconds
-- Returns {"replaced"}, {"missing"} when the session is gone (never recreated),
-- or {"conflict", <current JSON>} when another request changed it.
local current = redis.call('GET', KEYS[1])
if not current then
  return {'missing'}
end
if redis.sha1hex(current) ~= ARGV[1] then
  return {'conflict', current}
end
if ARGV[2] == '' then
  redis.call('DEL', KEYS[1])
else
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
end
return {'replaced'}

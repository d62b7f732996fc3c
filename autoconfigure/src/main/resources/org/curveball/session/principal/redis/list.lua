-- The entries of a principal's sessions, with the server's time to judge them by.
-- KEYS[1]: the principal's index key
-- Returns {{seconds, microseconds}, {id, entry, id, entry, ...}}.
return {redis.call('TIME'), redis.call('HGETALL', KEYS[1])}

--[[
  Acknowledges a delivered reminder: removes it and remembers its id, only if the owner still holds
  the lease (nobody re-claimed it after it ran out). Old delivered ids are trimmed here.
  KEYS[1]  due sorted set   KEYS[2] items hash   KEYS[3] leases hash   KEYS[4] delivered zset
  ARGV[1]  id   ARGV[2] owner   ARGV[3] retention of delivered ids (ms)
  Returns  1 when acknowledged, 0 when the lease was lost.
]]
local lease = redis.call('HGET', KEYS[3], ARGV[1])
if not lease or cjson.decode(lease).owner ~= ARGV[2] then
  return 0
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
redis.call('ZADD', KEYS[4], now, ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now - tonumber(ARGV[3]))
return 1

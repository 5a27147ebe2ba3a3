--[[
  Gives a claimed reminder back for a later attempt, only if the owner still holds its lease. The
  attempt count is kept.
  KEYS[1]  due sorted set   KEYS[2] items hash   KEYS[3] leases hash
  ARGV[1]  id   ARGV[2] owner   ARGV[3] retry at (ms)
  Returns  1 when released, 0 when the lease was lost or the item is gone.
]]
local lease = redis.call('HGET', KEYS[3], ARGV[1])
if not lease or redis.call('HEXISTS', KEYS[2], ARGV[1]) == 0 then
  return 0
end
local l = cjson.decode(lease)
if l.owner ~= ARGV[2] then
  return 0
end
redis.call('HSET', KEYS[3], ARGV[1], cjson.encode({ owner = '', ['until'] = 0, attempts = l.attempts }))
redis.call('ZADD', KEYS[1], tonumber(ARGV[3]), ARGV[1])
return 1

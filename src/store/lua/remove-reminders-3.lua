--[[
  Removes queued reminders by id (reconciliation), with their leases.
  KEYS[1]  due sorted set   KEYS[2] items hash   KEYS[3] leases hash
  ARGV     ids
  Returns  the number of items removed.
]]
local n = 0
for _, id in ipairs(ARGV) do
  n = n + redis.call('HDEL', KEYS[2], id)
  redis.call('ZREM', KEYS[1], id)
  redis.call('HDEL', KEYS[3], id)
end
return n

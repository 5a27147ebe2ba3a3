--[[
  Atomically claims due reminders: items whose score (due time, or lease expiry while claimed) is at or
  before now. Each claimed item gets a lease for the owner until now + leaseMs, and its score moves to
  the lease expiry so no other claimer sees it until the lease runs out.
  KEYS[1]  due sorted set ({reminders}:due)
  KEYS[2]  items hash     ({reminders}:items)
  KEYS[3]  leases hash    ({reminders}:leases)
  ARGV[1]  now (ms)   ARGV[2] owner   ARGV[3] lease (ms)   ARGV[4] limit
  Returns  flat list: item JSON, lease-until ms, attempts, ... per claimed item.
]]
local now, owner, leaseMs, limit = tonumber(ARGV[1]), ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, limit)
local out = {}
local untilMs = now + leaseMs
for _, id in ipairs(ids) do
  local item = redis.call('HGET', KEYS[2], id)
  if not item then
    redis.call('ZREM', KEYS[1], id)
    redis.call('HDEL', KEYS[3], id)
  else
    local attempts = 1
    local lease = redis.call('HGET', KEYS[3], id)
    if lease then attempts = cjson.decode(lease).attempts + 1 end
    redis.call('HSET', KEYS[3], id, cjson.encode({ owner = owner, ['until'] = untilMs, attempts = attempts }))
    redis.call('ZADD', KEYS[1], untilMs, id)
    out[#out + 1] = item
    out[#out + 1] = tostring(untilMs)
    out[#out + 1] = tostring(attempts)
  end
end
return out

--[[
  Adds or replaces queued reminders, idempotent by id. An id already delivered is not queued again; an
  item under a live lease keeps its lease (its score never drops below the lease expiry).
  KEYS[1]  due sorted set    ({reminders}:due, score = due or lease-until ms)
  KEYS[2]  items hash        ({reminders}:items, id -> JSON)
  KEYS[3]  leases hash       ({reminders}:leases, id -> JSON {owner, until, attempts})
  KEYS[4]  delivered zset    ({reminders}:delivered, id -> delivered-at ms)
  ARGV     triples: id, dueAt ms, item JSON
  Returns  the number of items queued or replaced.
]]
local n = 0
for i = 1, #ARGV, 3 do
  local id, due, item = ARGV[i], tonumber(ARGV[i + 1]), ARGV[i + 2]
  if not redis.call('ZSCORE', KEYS[4], id) then
    local score = due
    local lease = redis.call('HGET', KEYS[3], id)
    if lease then
      local l = cjson.decode(lease)
      if l.owner ~= '' and l['until'] > score then score = l['until'] end
    end
    redis.call('HSET', KEYS[2], id, item)
    redis.call('ZADD', KEYS[1], score, id)
    n = n + 1
  end
end
return n

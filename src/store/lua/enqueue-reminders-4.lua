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
--#include queue-reminder
local n = 0
for i = 1, #ARGV, 3 do
  local id, due, item = ARGV[i], tonumber(ARGV[i + 1]), ARGV[i + 2]
  if not redis.call('ZSCORE', KEYS[4], id) then
    queue(id, due, item)
    n = n + 1
  end
end
return n

--[[
  Replaces the queued reminders of one owner (a channel's, by id prefix) with a new plan, atomically:
  queued ids with the prefix that the plan no longer holds are removed (with their leases); the plan's
  items are queued when not queued yet, or when still to come (a changed plan replaces them), as
  enqueue-reminders does: never an id already delivered, and a live lease is kept.
  KEYS[1]  due sorted set   KEYS[2] items hash   KEYS[3] leases hash   KEYS[4] delivered zset
  ARGV[1]  id prefix   ARGV[2] now (ms)   ARGV[3..] triples: id, dueAt ms, item JSON
  Returns  the number of items removed.
]]
--#include queue-reminder
local prefix, now = ARGV[1], tonumber(ARGV[2])
local wanted = {}
for i = 3, #ARGV, 3 do wanted[ARGV[i]] = true end
local removed = 0
for _, id in ipairs(redis.call('HKEYS', KEYS[2])) do
  if string.sub(id, 1, #prefix) == prefix and not wanted[id] then
    removed = removed + redis.call('HDEL', KEYS[2], id)
    redis.call('ZREM', KEYS[1], id)
    redis.call('HDEL', KEYS[3], id)
  end
end
for i = 3, #ARGV, 3 do
  local id, due, item = ARGV[i], tonumber(ARGV[i + 1]), ARGV[i + 2]
  local queued = redis.call('HEXISTS', KEYS[2], id) == 1
  if (not queued or due > now) and not redis.call('ZSCORE', KEYS[4], id) then queue(id, due, item) end
end
return removed

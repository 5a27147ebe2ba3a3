--[[
  Not a script of its own (no key count in the name): the queueing step enqueue-reminders-4 and
  replace-reminders-4 share, put in their place of `--#include queue-reminder` by redis-scripts.ts.
  Queues one item at its due time, except that an item under a live lease keeps its lease (its score
  never drops below the lease expiry). KEYS as in those scripts: due, items, leases.
]]
local function queue(id, due, item)
  local score = due
  local lease = redis.call('HGET', KEYS[3], id)
  if lease then
    local l = cjson.decode(lease)
    if l.owner ~= '' and l['until'] > score then score = l['until'] end
  end
  redis.call('HSET', KEYS[2], id, item)
  redis.call('ZADD', KEYS[1], score, id)
end

--[[
  Renews or ends a turn's in-progress lease, only for the delivery that holds it (its token).
  KEYS[1]  the mark ({once:KEY})   KEYS[2] the replay ({once:KEY}:replay)
  ARGV[1]  token
  ARGV[2]  'renew' (extend the lease by ARGV[3] ms), 'done' (mark answered for ARGV[3] ms, drop the
           replay) or 'retry' (free the key for a redelivery, keep the replay)
  ARGV[3]  ms
  Returns  1 when done, 0 when another delivery holds the key (or, for 'renew', the lease is gone).
]]
local mark = redis.call('GET', KEYS[1])
local mine = mark == ('p:' .. ARGV[1])
if ARGV[2] == 'renew' then
  if not mine then return 0 end
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
  return 1
end
-- A lease that ran out (no mark) is still ours to end: nobody claimed the delivery since.
if mark and not mine then return 0 end
if ARGV[2] == 'done' then
  redis.call('SET', KEYS[1], 'd', 'PX', ARGV[3])
  redis.call('DEL', KEYS[2])
else
  redis.call('DEL', KEYS[1])
end
return 1

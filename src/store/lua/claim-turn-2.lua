--[[
  Claims a turn's delivery (docs/reliability.md, "Turns"). A free key gets an in-progress lease for
  this delivery's token; a live lease of another delivery, or a done-mark, is reported instead.
  KEYS[1]  the mark ({once:KEY}): "p:TOKEN" while in progress, "d" once answered ("1" from claimOnce = done)
  KEYS[2]  the replay ({once:KEY}:replay): replies JSON of a turn whose state change was written
  ARGV[1]  token   ARGV[2] lease (ms)
  Returns  {'claimed'} or {'claimed', replayJson}, {'in-progress'}, or {'done'}.
]]
local mark = redis.call('GET', KEYS[1])
if mark then
  if string.sub(mark, 1, 2) == 'p:' then return { 'in-progress' } end
  return { 'done' }
end
redis.call('SET', KEYS[1], 'p:' .. ARGV[1], 'PX', ARGV[2])
local replay = redis.call('GET', KEYS[2])
if replay then return { 'claimed', replay } end
return { 'claimed' }

--[[
  Fixed-window rate counter: counts one hit in the window and sets the window's expiry on its first
  hit, atomically (a crash between INCR and PEXPIRE would otherwise leave a counter that never expires).
  KEYS[1]  the window's counter ({rate:KEY}:windowIndex)
  ARGV[1]  limit   ARGV[2] time to live of the window (ms)
  Returns  1 when the hit is within the limit, 0 when over it.
]]
local n = redis.call('INCR', KEYS[1])
if n == 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
if n <= tonumber(ARGV[1]) then
  return 1
end
return 0

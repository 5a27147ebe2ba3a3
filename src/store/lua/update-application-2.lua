--[[
  Compare-and-set: writes the next application only if the stored version is the expected one, and
  appends the audit entry in the same atomic step (so no change is ever without its audit entry).
  KEYS[1]  application hash ({app:ID}: fields v, doc)
  KEYS[2]  audit stream     ({app:ID}:audit)
  ARGV[1]  expected version
  ARGV[2]  next application JSON (its version is expected + 1)
  ARGV[3]  audit actor tag
  ARGV[4]  audit entry JSON (without id)
  Returns  {'ok', streamId} | {'not-found'} | {'conflict', currentJSON}
]]
local v = redis.call('HGET', KEYS[1], 'v')
if not v then
  return {'not-found'}
end
if v ~= ARGV[1] then
  return {'conflict', redis.call('HGET', KEYS[1], 'doc')}
end
redis.call('HSET', KEYS[1], 'v', tonumber(ARGV[1]) + 1, 'doc', ARGV[2])
return {'ok', redis.call('XADD', KEYS[2], '*', 'a', ARGV[3], 'e', ARGV[4])}

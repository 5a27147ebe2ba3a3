--[[
  Creates an application and appends its first audit entry, atomically.
  KEYS[1]  application hash ({app:ID}: fields v, doc)
  KEYS[2]  audit stream     ({app:ID}:audit)
  ARGV[1]  application JSON (version already 1)
  ARGV[2]  audit actor tag ("platform:userId", "system" or "anonymous")
  ARGV[3]  audit entry JSON (without id)
  Returns  the audit stream id, or false when the id already exists.
]]
if redis.call('EXISTS', KEYS[1]) == 1 then
  return false
end
redis.call('HSET', KEYS[1], 'v', 1, 'doc', ARGV[1])
return redis.call('XADD', KEYS[2], '*', 'a', ARGV[2], 'e', ARGV[3])

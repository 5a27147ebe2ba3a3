--[[
  A call's applications in one round trip: the call's index, then each application's document.
  Standalone and Sentinel only: the application keys are not declared (they are known only once the
  index is read), which Redis Cluster refuses across slots; there the store reads in two round trips.
  KEYS[1]  the call's index ({call:ID}:apps)
  ARGV[1]  what comes before an application id in its key   ARGV[2] what comes after it
  Returns  one document per id in the index (nil where the application is gone).
]]
local ids = redis.call('SMEMBERS', KEYS[1])
local docs = {}
for i, id in ipairs(ids) do
  -- As keys.ts escapes an id inside its hash tag.
  local escaped = string.gsub(string.gsub(id, '}', '%%7D'), '{', '%%7B')
  docs[i] = redis.call('HGET', ARGV[1] .. escaped .. ARGV[2], 'doc')
end
return docs

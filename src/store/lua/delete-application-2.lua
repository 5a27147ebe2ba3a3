--[[
  Deletes an application and its audit stream, but only if it belongs to the given applicant (an
  index entry may be stale; never delete someone else's application through it).
  KEYS[1]  application hash ({app:ID})
  KEYS[2]  audit stream     ({app:ID}:audit)
  ARGV[1]  applicant platform
  ARGV[2]  applicant user id
  Returns  the deleted application JSON, or false when absent or not the applicant's.
]]
local doc = redis.call('HGET', KEYS[1], 'doc')
if not doc then
  return false
end
local app = cjson.decode(doc)
if type(app.applicant) ~= 'table' or app.applicant.platform ~= ARGV[1] or app.applicant.userId ~= ARGV[2] then
  return false
end
redis.call('DEL', KEYS[1], KEYS[2])
return doc

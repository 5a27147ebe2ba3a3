--[[
  Reduces one actor's entries in an audit stream to an anonymous marker. Stream entries cannot be
  edited, so the stream is rebuilt in place with the same ids (order and ids are kept); the rebuild is
  atomic, so no concurrent append is lost.
  KEYS[1]  audit stream ({app:ID}:audit)
  ARGV[1]  actor tag to anonymise ("platform:userId")
  Returns  the number of entries anonymised.
  Marker   {at, platform, action, actor: {anonymous: true}}: comment and changes are dropped because
           they may carry the person's words or name.
]]
local entries = redis.call('XRANGE', KEYS[1], '-', '+')
local hits = 0
for _, entry in ipairs(entries) do
  local f = entry[2]
  for i = 1, #f, 2 do
    if f[i] == 'a' and f[i + 1] == ARGV[1] then hits = hits + 1 end
  end
end
if hits == 0 then
  return 0
end
redis.call('DEL', KEYS[1])
for _, entry in ipairs(entries) do
  local id, f = entry[1], entry[2]
  local actor, body = nil, nil
  for i = 1, #f, 2 do
    if f[i] == 'a' then actor = f[i + 1] elseif f[i] == 'e' then body = f[i + 1] end
  end
  if actor == ARGV[1] then
    local e = cjson.decode(body)
    body = cjson.encode({ at = e.at, platform = e.platform, action = e.action, actor = { anonymous = true } })
    actor = 'anonymous'
  end
  redis.call('XADD', KEYS[1], id, 'a', actor, 'e', body)
end
return hits

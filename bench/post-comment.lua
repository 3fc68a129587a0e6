-- wrk script: every request posts a new, distinct comment as JSON (so none is a duplicate).
local counter = 0
local stamp = tostring(os.time())

request = function()
  counter = counter + 1
  local body = string.format(
    '{"body":"Benchmark comment %d of run %s.","name":"Bench Reader","email":"bench-%s-%d@example.org"}',
    counter, stamp, stamp, counter)
  return wrk.format("POST", wrk.path, { ["Content-Type"] = "application/json" }, body)
end

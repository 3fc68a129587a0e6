-- Cycles through the generated queries (queries.lua beside this script, written by
-- search-seed.py) and prints p50/p95/p99 in milliseconds, which wrk's own report lacks (p95).
local dir = debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./"
dofile(os.getenv("SEARCH_QUERIES") or (dir .. "queries.lua"))
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d non2xx=%d p50=%.1f p95=%.1f p99=%.1f rps=%.1f\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6)))
end

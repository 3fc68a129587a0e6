-- wrk script for the WordPress reference site (bench/wordpress.sh): every request posts a new,
-- distinct comment through WordPress's own form handler, as a browser submitting the comment form
-- would. WordPress answers a comment it accepted with a 302 to the comment's anchor.
--
--   WP_POST_ID=N wrk -t2 -c8 -d10s -s bench/wp-post-comment.lua http://127.0.0.1:PORT/wp-comments-post.php
--
-- At the end it prints how many requests were sent, how many answers were 302s and how many were
-- anything else (an error page for a rejected comment: 409 duplicate, 429 flood, 4xx/5xx otherwise).
-- wrk counts only answered requests; the few still in flight when it stops (at most one per
-- connection) reach WordPress all the same, so the comment count grows by "sent", not by wrk's
-- "requests".

local threads = {}

-- Runs in wrk's main Lua state once per thread: gives each thread its own number, so that two
-- threads never build the same text.
function setup(thread)
  thread:set("thread_no", #threads + 1)
  table.insert(threads, thread)
end

local post_id
local stamp
-- Globals, so that done() can read them with thread:get.
counter = 0 -- requests built by this thread
found, other = 0, 0

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c)
    return string.format("%%%02X", string.byte(c))
  end))
end

function init(args)
  post_id = os.getenv("WP_POST_ID")
  if not post_id or not post_id:match("^%d+$") then
    error("set WP_POST_ID to the post's id (bench/wordpress.sh up prints it)")
  end
  -- The start time plus the thread's number make the text unique across threads and runs.
  stamp = string.format("%d-%d", os.time(), thread_no or 0)
end

request = function()
  counter = counter + 1
  local body = table.concat({
    "comment_post_ID=" .. post_id,
    "author=" .. urlencode("Bench Reader " .. stamp),
    "email=" .. urlencode(string.format("bench-%s-%d@example.org", stamp, counter)),
    "url=",
    "comment=" .. urlencode(string.format("Benchmark comment %d of run %s, posted through the comment form.", counter, stamp)),
    "comment_parent=0",
  }, "&")
  return wrk.format("POST", wrk.path, { ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end

response = function(status, headers, body)
  if status == 302 then
    found = found + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  -- wrk calls request() once more than it sends: on the first thread, before the run, to check
  -- that the script builds a valid request.
  local sent, ok, bad = -1, 0, 0
  for _, t in ipairs(threads) do
    sent = sent + (t:get("counter") or 0)
    ok = ok + (t:get("found") or 0)
    bad = bad + (t:get("other") or 0)
  end
  io.write(string.format("comment posts: %d sent, %d answered 302, %d answered otherwise, %d in flight at the end\n",
    sent, ok, bad, sent - ok - bad))
end

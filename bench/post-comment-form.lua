-- wrk script: every request posts a new, distinct comment through a comment form, as a browser
-- without JavaScript sends it (form-encoded). For Dateline, the "Leave a Reply" form
-- (POST /comments; an accepted comment answers 303); for WordPress (FORM=wordpress), its
-- wp-comments-post.php (an accepted comment answers 302).
--
--   ARTICLE_ID=N wrk -t2 -c8 -d10s -s bench/post-comment-form.lua http://127.0.0.1:PORT/comments
--   FORM=wordpress ARTICLE_ID=N wrk ... http://127.0.0.1:PORT/wp-comments-post.php
--
-- Prints at the end how many requests were built and sent, how many were accepted and how many
-- got anything else. wrk's own count leaves out the requests still in flight when it stops (one
-- per connection at most), which may reach the server all the same.

local threads = {}

function setup(thread)
  thread:set("thread_no", #threads + 1)
  table.insert(threads, thread)
end

local article, stamp, wordpress
counter, accepted, other = 0, 0, 0

function init(args)
  article = os.getenv("ARTICLE_ID")
  if not article or not article:match("^%d+$") then
    error("set ARTICLE_ID to the article's (or WordPress post's) id")
  end
  wordpress = os.getenv("FORM") == "wordpress"
  -- The start time and the thread's number make every text unique across threads and runs.
  stamp = string.format("%d-%d", os.time(), thread_no or 0)
end

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

request = function()
  counter = counter + 1
  local name = encode("Bench Reader " .. stamp)
  local email = encode(string.format("bench-%s-%d@example.org", stamp, counter))
  local text = encode(string.format("Benchmark comment %d of run %s, posted through the comment form.", counter, stamp))
  local fields
  if wordpress then
    fields = { "comment_post_ID=" .. article, "comment_parent=0", "author=" .. name, "email=" .. email, "url=", "comment=" .. text }
  else
    fields = { "articleId=" .. article, "parentId=", "name=" .. name, "email=" .. email, "url=", "homepage=", "body=" .. text }
  end
  return wrk.format("POST", wrk.path, { ["Content-Type"] = "application/x-www-form-urlencoded" }, table.concat(fields, "&"))
end

response = function(status, headers, body)
  if status == (wordpress and 302 or 303) then
    accepted = accepted + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  -- wrk builds one request more than it sends, on the first thread, to check the script.
  local sent, ok, bad = -1, 0, 0
  for _, t in ipairs(threads) do
    sent = sent + (t:get("counter") or 0)
    ok = ok + (t:get("accepted") or 0)
    bad = bad + (t:get("other") or 0)
  end
  -- done() runs in wrk's main Lua state, where init() never ran: read the form's kind again.
  local status = os.getenv("FORM") == "wordpress" and 302 or 303
  io.write(string.format("comment posts: %d sent, %d accepted (%d), %d answered otherwise, %d in flight at the end\n",
    sent, ok, status, bad, sent - ok - bad))
end

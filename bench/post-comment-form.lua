-- wrk script: every request posts a new, distinct comment through the reader's "Leave a Reply"
-- form (POST /comments, form-encoded, as a browser without JavaScript sends it). Dateline answers
-- an accepted comment with a 303 to the comment.
--
--   ARTICLE_ID=N wrk -t2 -c8 -d10s -s bench/post-comment-form.lua http://127.0.0.1:PORT/comments
--
-- Prints at the end how many requests were built and sent, how many got a 303 and how many got
-- anything else. wrk's own count leaves out the requests still in flight when it stops (one per
-- connection at most), which reach the server all the same: the comment count grows by "sent".

local threads = {}

function setup(thread)
  thread:set("thread_no", #threads + 1)
  table.insert(threads, thread)
end

local article, stamp
counter, accepted, other = 0, 0, 0

function init(args)
  article = os.getenv("ARTICLE_ID")
  if not article or not article:match("^%d+$") then
    error("set ARTICLE_ID to the article's id")
  end
  stamp = string.format("%d-%d", os.time(), thread_no or 0)
end

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

request = function()
  counter = counter + 1
  local body = table.concat({
    "articleId=" .. article,
    "parentId=",
    "name=" .. encode("Bench Reader " .. stamp),
    "email=" .. encode(string.format("bench-%s-%d@example.org", stamp, counter)),
    "url=",
    "homepage=",
    "body=" .. encode(string.format("Benchmark comment %d of run %s, posted through the reply form.", counter, stamp)),
  }, "&")
  return wrk.format("POST", wrk.path, { ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end

response = function(status, headers, body)
  if status == 303 then
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
  io.write(string.format("comment posts: %d sent, %d answered 303, %d answered otherwise, %d in flight at the end\n",
    sent, ok, bad, sent - ok - bad))
end

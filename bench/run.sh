#!/usr/bin/env bash
# The reading and commenting benchmark (issue 7): Dateline against nginx serving the same article
# as a static file (the machine's upper bound) and against a stock WordPress on this machine, in
# one run, everything on 127.0.0.1, every load bounded in time.
#
#   bench/run.sh            (as root: it installs wrk, nginx and WordPress's packages if missing)
#
# Dateline is published as the README advises for a server (Release, self-contained, one composite
# ReadyToRun image of the app and the framework: about three minutes) and imports a generated site
# (bench/site-generate.py: 1,000 articles over 50 topics, the newest with 500 threaded comments). WordPress gets the same
# newest article and comments (bench/wordpress.sh). Prints one table and writes it, with the date
# and the machine, to docs/benchmarks.md. Environment: DURATION (seconds per load, 10),
# APP_DIR (an already published Dateline to use), SKIP_WORDPRESS=1.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
DURATION=${DURATION:-10}
DL_PORT=5181
NGINX_PORT=5182
WP_PORT=5183
WORK=$(mktemp -d)
SERVER=
NGINX_CONF=
WP_UP=

log() { printf '[run.sh] %s\n' "$*" >&2; }
stop_server() {
  if [[ -n $SERVER ]]; then
    kill "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
    SERVER=
  fi
}
cleanup() {
  stop_server
  if [[ -n $NGINX_CONF ]]; then nginx -c "$NGINX_CONF" -s stop 2>/dev/null || true; fi
  if [[ -n $WP_UP ]]; then bench/wordpress.sh down >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || missing+=(nginx)
command -v curl >/dev/null || missing+=(curl)
if ((${#missing[@]})); then
  apt-get update -q >&2 && apt-get install -y -q -o DPkg::Lock::Timeout=300 "${missing[@]}" >&2
fi

# --- Dateline: publish, import the site, settings -------------------------------------------
python3 bench/site-generate.py "$WORK/site.xml" "$WORK/article.json"
if [[ -n ${APP_DIR:-} ]]; then
  APP=$APP_DIR
else
  log "publishing Dateline (Release, self-contained, composite ReadyToRun)"
  dotnet publish src/Dateline -c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true \
    -o "$WORK/app" -nologo -v quiet >&2
  APP=$WORK/app
fi
# A self-contained build runs its own runtime through its own executable.
if [[ -f $APP/libcoreclr.so ]]; then DL=("$APP/Dateline"); else DL=(dotnet "$APP/Dateline.dll"); fi
if [[ -f $APP/Dateline.r2r.dll ]]; then BUILD="self-contained, composite ReadyToRun"
elif [[ -f $APP/libcoreclr.so ]]; then BUILD="self-contained"
else BUILD="framework-dependent"; fi
DATA=$WORK/data
log "importing the site"
"${DL[@]}" import wxr "$WORK/site.xml" --data "$DATA" >"$WORK/import.txt"
KEY=$("${DL[@]}" keys create --name bench --role admin --data "$DATA" | tail -1)
BASE=http://127.0.0.1:$DL_PORT

# Starts Dateline on SQLite with extra settings (NAME=VALUE ...); sets SERVER, and START_MS to
# the milliseconds from the start of the process to the first 200 of the home page.
start_dateline() {
  local log_file=$WORK/server-$1.log
  shift
  local started
  started=$(date +%s%N)
  (cd "$WORK" && exec env Dateline__CommentPostsPerMinute=100000 "$@" "${DL[@]}" serve --urls "$BASE" --data "$DATA") >"$log_file" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 1500); do
    if curl -fs -o /dev/null "$BASE/"; then
      START_MS=$((($(date +%s%N) - started) / 1000000))
      return 0
    fi
    kill -0 "$SERVER" 2>/dev/null || break
    sleep 0.01
  done
  log "Dateline did not start:"; cat "$log_file" >&2; exit 1
}
peak_mb() { awk '/VmHWM/ {printf "%d", $2 / 1024}' "/proc/$SERVER/status"; }

# wrk's figures as "requests/s|p50|p99|errors" (errors: socket errors, timeouts and answers >= 400).
measure() { # NAME CONNECTIONS URL [wrk args...]
  local name=$1 connections=$2 url=$3
  shift 3
  wrk -t2 -c"$connections" -d"${DURATION}s" --timeout 30s --latency "$@" "$url" >"$WORK/$name.txt"
  awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
       /Socket errors/ {gsub(/,/, ""); bad += $4 + $6 + $8 + $10} /Non-2xx/ {bad += $NF}
       END {printf "%s|%s|%s|%d", rps, p50, p99, bad}' "$WORK/$name.txt"
}
# wrk's "Non-2xx or 3xx" line counts only answers >= 400, so redirects after a post are not errors.
# A server that has just started runs ahead-of-time code until the JIT has tiered up its hot
# paths; a news site's server runs for days, so each is measured after a warm-up. On the uncached
# article the rate still climbed for 60 to 90 seconds (the runtime's profile-guided recompilation
# of the hot methods), so a Dateline server is warmed for a minute.
warm() { wrk -t2 -c8 -d"${WARMUP:-60}s" "$@" >/dev/null; }

# --- Dateline, cold start and the cached pages -------------------------------------------------
declare -A R
start_dateline cached
cold_first=$START_MS
# The discussion settings are stored in the database; setting them needs a running server.
curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" "$BASE/api/newsroom/settings/discussion" \
  --data '{"requirePreviousApproval":false,"floodSeconds":0,"holdLinkCount":0,"minimumSecondsToSubmit":0,"pageSize":500}'
latest=$(curl -fsS "$BASE/api/articles?page=1")
read -r ARTICLE_ID ARTICLE_PATH TOPIC_PATH OTHER_ID < <(python3 -c '
import json, sys, urllib.parse
l = json.load(sys.stdin)
a = l["articles"][0]
print(a["id"], urllib.parse.urlparse(a["url"]).path, "/topics/" + a["topics"][0]["slug"] + "/", l["articles"][1]["id"])' <<<"$latest")
comments_before=$(curl -fsS "$BASE/api/articles/$ARTICLE_ID" | python3 -c 'import json,sys; print(json.load(sys.stdin)["commentCount"])')
[[ $comments_before == 500 ]] || { log "expected 500 comments on the article, found $comments_before"; exit 1; }
curl -fsS -o "$WORK/article.html" "$BASE$ARTICLE_PATH"
article_kb=$(( $(stat -c %s "$WORK/article.html") / 1024 ))

log "Dateline with its page cache"
warm "$BASE$ARTICLE_PATH"
R[cached]=$(measure cached 32 "$BASE$ARTICLE_PATH")
R[home]=$(measure home 32 "$BASE/")
R[topic]=$(measure topic 32 "$BASE$TOPIC_PATH")
R[rss]=$(measure rss 32 "$BASE/feed/")
WARMUP=5 warm "$BASE/search?q=harbour"
R[search]=$(measure search 8 "$BASE/search?q=harbour+council")
# What a browser asks for: compressed. The cache stores the gzip answer once.
R[cached_gzip]=$(measure cached_gzip 32 "$BASE$ARTICLE_PATH" -H "Accept-Encoding: gzip")
peak_cached=$(peak_mb)
stop_server

# A second and third start, on a warm disk cache, for the cold-start figure (the median of three).
starts=("$cold_first")
for run in 2 3; do
  start_dateline "start$run"
  starts+=("$START_MS")
  stop_server
done
cold_ms=$(printf '%s\n' "${starts[@]}" | sort -n | sed -n 2p)

log "Dateline without its page cache (the cold path)"
start_dateline uncached Dateline__PageCache=false
warm "$BASE$ARTICLE_PATH"
R[uncached]=$(measure uncached 8 "$BASE$ARTICLE_PATH")
R[uncached_home]=$(measure uncached_home 8 "$BASE/")
R[uncached_topic]=$(measure uncached_topic 8 "$BASE$TOPIC_PATH")
peak_uncached=$(peak_mb)
stop_server

# Posting last, so that every page above was measured with the article's 500 comments. The page
# cache is on, as in production: each accepted comment evicts the article's pages.
log "Dateline comment posting"
start_dateline posting
# Warmed up on another article, so that the measured one starts from its 500 comments, as
# WordPress's does.
ARTICLE_ID=$OTHER_ID warm -s bench/post-comment-form.lua "$BASE/comments"
comments_before=$(curl -fsS "$BASE/api/articles/$ARTICLE_ID" | python3 -c 'import json,sys; print(json.load(sys.stdin)["commentCount"])')
R[post]=$(ARTICLE_ID=$ARTICLE_ID measure post 8 "$BASE/comments" -s bench/post-comment-form.lua)
sent=$(awk '/^comment posts:/ {print $3}' "$WORK/post.txt")
accepted=$(awk '/^comment posts:/ {print $5}' "$WORK/post.txt")
comments_after=$(curl -fsS "$BASE/api/articles/$ARTICLE_ID" | python3 -c 'import json,sys; print(json.load(sys.stdin)["commentCount"])')
peak_posting=$(peak_mb)
stop_server

# --- nginx: the same article's bytes as a static file --------------------------------------------
log "nginx serving the article as a static file"
mkdir -p "$WORK/nginx/html"
chmod 755 "$WORK" # nginx's workers run as www-data
cp "$WORK/article.html" "$WORK/nginx/html/article.html"
gzip -k -6 "$WORK/nginx/html/article.html" # served by gzip_static to readers that accept gzip
NGINX_CONF=$WORK/nginx/nginx.conf
cat >"$NGINX_CONF" <<NGINX
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  default_type text/html;
  client_body_temp_path $WORK/nginx/tmp;
  proxy_temp_path $WORK/nginx/tmp;
  fastcgi_temp_path $WORK/nginx/tmp;
  uwsgi_temp_path $WORK/nginx/tmp;
  scgi_temp_path $WORK/nginx/tmp;
  gzip_static on;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/nginx/html;
  }
}
NGINX
mkdir -p "$WORK/nginx/tmp"
nginx -c "$NGINX_CONF"
WARMUP=3 warm "http://127.0.0.1:$NGINX_PORT/article.html"
R[nginx]=$(measure nginx 32 "http://127.0.0.1:$NGINX_PORT/article.html")
R[nginx_gzip]=$(measure nginx_gzip 32 "http://127.0.0.1:$NGINX_PORT/article.html" -H "Accept-Encoding: gzip")
nginx -c "$NGINX_CONF" -s stop
NGINX_CONF=

# --- WordPress: the same article and comments ----------------------------------------------------
if [[ -z ${SKIP_WORDPRESS:-} ]]; then
  log "WordPress (twentytwentyone, PHP-FPM with opcache, MariaDB)"
  WP_UP=1
  read -r WP_PATH WP_POST < <(bench/wordpress.sh up "$WORK/article.json" "$WP_PORT")
  WP=http://127.0.0.1:$WP_PORT
  wp_comments=$(grep -c 'class="comment-body"' < <(curl -fsS "$WP$WP_PATH") || true)
  WARMUP=5 warm "$WP$WP_PATH"
  R[wp]=$(measure wp 8 "$WP$WP_PATH")
  wp_before=$(bench/wordpress.sh count "$WP_POST")
  R[wp_post]=$(FORM=wordpress ARTICLE_ID=$WP_POST measure wp_post 8 "$WP/wp-comments-post.php" -s bench/post-comment-form.lua)
  wp_sent=$(awk '/^comment posts:/ {print $3}' "$WORK/wp_post.txt")
  wp_accepted=$(awk '/^comment posts:/ {print $5}' "$WORK/wp_post.txt")
  wp_after=$(bench/wordpress.sh count "$WP_POST")
  bench/wordpress.sh down >&2
  WP_UP=
fi

# --- the table ------------------------------------------------------------------------------------
field() { cut -d'|' -f"$2" <<<"${R[$1]:-|||}"; }
row() { # LABEL KEY
  printf '| %s | %s | %s | %s | %s |\n' "$1" "$(field "$2" 1)" "$(field "$2" 2)" "$(field "$2" 3)" "$(field "$2" 4)"
}
ratio() { # KEY OVER-KEY
  local a b
  a=$(field "$1" 1) b=$(field "$2" 1)
  [[ -n $a && -n $b ]] && python3 -c "print(f'{$a / $b:.2f}' if $b else 'n/a')" || echo "n/a"
}
verdict() { python3 -c "print('met' if $1 else '**missed**')"; }
p99_ms() { python3 -c "
s = '$1'
print(float(s[:-2]) if s.endswith('ms') else float(s[:-2]) / 1000 if s.endswith('us') else float(s[:-1]) * 1000 if s.endswith('s') else 'nan')"; }

cached_over_nginx=$(ratio cached nginx)
gzip_over_nginx=$(ratio cached_gzip nginx_gzip)
uncached_over_wp=$(ratio uncached wp)
post_over_wp=$(ratio post wp_post)
uncached_p99=$(p99_ms "$(field uncached 3)")
# Lost: acknowledged (303 or 302) but not in the database afterwards. A post still in flight when
# wrk stops has no answer; it may or may not be stored, and is not counted either way.
lost=$((accepted - (comments_after - comments_before)))
((lost < 0)) && lost=0
wp_lost=$(( ${wp_accepted:-0} - (${wp_after:-0} - ${wp_before:-0}) ))
((wp_lost < 0)) && wp_lost=0
peak=$(printf '%s\n' "$peak_cached" "$peak_uncached" "$peak_posting" | sort -n | tail -1)
cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
mem=$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)

table=$(cat <<MD
# Reading and commenting benchmark

$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores ($cpu), $mem, $(. /etc/os-release && echo "$PRETTY_NAME"). Written by \`bench/run.sh\`.
Everything on 127.0.0.1; wrk (2 threads) runs on the same cores as the servers, ${DURATION} s per row.
Dateline: Release ($BUILD), SQLite, a generated site of 1,000 articles over 50 topics imported
from WXR, each server warmed up for ${WARMUP:-60} s before it is measured (posting on another article); the article read is the newest, with 500 threaded comments (five levels), $article_kb KB of HTML.
nginx $(nginx -v 2>&1 | sed 's/.*nginx\///') serves that same HTML as a static file. WordPress $(dpkg-query -W -f='${Version}' wordpress 2>/dev/null || echo '?') (Debian's package,
theme Twenty Twenty-One, PHP-FPM with opcache and 8 workers, MariaDB, nginx) holds the same article
and comments${wp_comments:+ ($wp_comments shown on its page)}. Flood checks are off on both sides for the posting rows.

| what | requests/s | p50 | p99 | errors |
| --- | ---: | ---: | ---: | ---: |
$(row "nginx: the article as a static file (32 connections)" nginx)
$(row "Dateline: article, cached (32 connections)" cached)
$(row "nginx: the same, gzip (gzip_static), for a reader sending Accept-Encoding: gzip (32)" nginx_gzip)
$(row "Dateline: article, cached, gzip (32)" cached_gzip)
$(row "Dateline: home page, cached (32)" home)
$(row "Dateline: topic archive, cached (32)" topic)
$(row "Dateline: RSS feed, cached (32)" rss)
$(row "Dateline: search, two words (8)" search)
$(row "Dateline: article, page cache off (8 connections)" uncached)
$(row "Dateline: home page, page cache off (8)" uncached_home)
$(row "Dateline: topic archive, page cache off (8)" uncached_topic)
$(row "Dateline: comment posting through the reply form (8)" post)
$(row "WordPress: the article (8 connections)" wp)
$(row "WordPress: comment posting through wp-comments-post.php (8)" wp_post)

| target | figure | aim | |
| --- | ---: | ---: | --- |
| cached article, Dateline / nginx | ${cached_over_nginx} | ≥ 0.5 | $(verdict "'$cached_over_nginx' != 'n/a' and $cached_over_nginx >= 0.5") |
| the same, gzip on both sides | ${gzip_over_nginx} | (≥ 0.5) | $(verdict "'$gzip_over_nginx' != 'n/a' and $gzip_over_nginx >= 0.5") |
| article with 500 comments, cache off, Dateline / WordPress | ${uncached_over_wp} | ≥ 100 | $(verdict "'$uncached_over_wp' != 'n/a' and $uncached_over_wp >= 100") |
| same, p99 at 8 connections | ${uncached_p99} ms | < 30 ms | $(verdict "$uncached_p99 < 30") |
| comment posting, Dateline / WordPress | ${post_over_wp} | ≥ 20 | $(verdict "'$post_over_wp' != 'n/a' and $post_over_wp >= 20") |
| comments lost, Dateline: acknowledged but not stored ($sent sent, $accepted answered 303, $comments_before → $comments_after in the database) | $lost | 0 | $(verdict "$lost == 0") |
| comments lost, WordPress: the same (${wp_sent:-?} sent, ${wp_accepted:-?} answered 302, ${wp_before:-?} → ${wp_after:-?}) | $wp_lost | 0 | $(verdict "$wp_lost == 0") |
| Dateline peak resident memory (cached / cache-off / posting runs) | $peak_cached / $peak_uncached / $peak_posting MB | < 250 MB | $(verdict "$peak < 250") |
| Dateline cold start to the first 200 (median of three: ${starts[*]} ms) | $cold_ms ms | < 1500 ms | $(verdict "$cold_ms < 1500") |

Where the time goes, and why a target is missed: [performance.md](performance.md).
MD
)
echo "$table"
echo "$table" >docs/benchmarks.md

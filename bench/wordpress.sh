#!/usr/bin/env bash
# The WordPress side of the Dateline-vs-WordPress benchmark: a stock WordPress (Debian's
# `wordpress` package, theme Twenty Twenty-One, PHP-FPM with opcache, nginx, MariaDB) on this
# machine, bound to 127.0.0.1 only, holding one article with its comments.
#
#   usage (as root):
#     bench/wordpress.sh up ARTICLE.json PORT   set up (or set up afresh) and serve on 127.0.0.1:PORT;
#                                               prints one line on stdout: "PATH POST_ID"
#     bench/wordpress.sh count POST_ID          prints the number of comments (all statuses) on the post
#     bench/wordpress.sh down                   stops and removes everything that `up` made
#
#   ARTICLE.json: {"title", "slug", "date_gmt": "YYYY-MM-DD HH:MM:SS", "author", "excerpt",
#                  "category", "content" (WordPress storage form: paragraphs split by blank lines),
#                  "comments": [{"id", "parent" (0 = top level), "author", "email", "date_gmt",
#                                "content"}, ...]}   (a parent always comes before its replies)
#
#   environment: WP_FPM_CHILDREN  PHP-FPM workers (pm = static), default 8
#
# The site answers only to the host name 127.0.0.1 (http://127.0.0.1:PORT/): Debian's
# /usr/share/wordpress/wp-config.php picks /etc/wordpress/config-<Host header without port>.php,
# so the one file this script writes outside its state dir is /etc/wordpress/config-127.0.0.1.php.
# Everything else (configs, pid files, logs, socket) lives in /run/dateline-wp-bench; `down`
# removes it. Only the one stdout line of `up` and the number of `count` are meant for callers;
# all progress goes to stderr.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

STATE=/run/dateline-wp-bench
DB_NAME=dateline_wp_bench
DB_USER=dateline_wp_bench
DB_PASS=dateline-wp-bench-not-secret
WP_ROOT=/usr/share/wordpress
HOST=127.0.0.1
WP_CONFIG=/etc/wordpress/config-$HOST.php
# A line in the config file that tells `down` (and a later `up`) the file is ours to remove.
CONFIG_MARK='// Written by Dateline bench/wordpress.sh up; removed by bench/wordpress.sh down.'
FPM_CHILDREN=${WP_FPM_CHILDREN:-8}

log() { printf '[wordpress.sh] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2
  exit 2
}

need_root() { [[ $(id -u) -eq 0 ]] || die "run as root (it installs packages and manages MariaDB, PHP-FPM and nginx)"; }

# --- MariaDB ----------------------------------------------------------------------------------
mysql_root() { mariadb --protocol=socket -uroot "$@"; }
# `mariadb-admin ping` exits 0 when the server answers at all, even with "access denied".
mariadb_socket_up() { mariadb-admin --protocol=socket -uroot --connect-timeout=2 ping >/dev/null 2>&1; }
mariadb_tcp_up() { mariadb-admin --protocol=tcp -h127.0.0.1 -P3306 -uroot --connect-timeout=2 ping >/dev/null 2>&1; }

start_mariadb() {
  if mariadb_tcp_up; then
    mariadb_socket_up || die "a MariaDB answers on 127.0.0.1:3306 but not on its local socket; this script needs root over the socket"
    return
  fi
  mariadb_socket_up && die "MariaDB is running but does not listen on 127.0.0.1:3306 (skip-networking?); not touching it"
  log "starting MariaDB on 127.0.0.1:3306"
  install -d -m 0755 -o mysql -g root /run/mysqld
  setsid nohup mysqld_safe --bind-address=127.0.0.1 --port=3306 >/dev/null 2>&1 </dev/null &
  for _ in $(seq 1 150); do
    mariadb_tcp_up && mariadb_socket_up && break
    sleep 0.2
  done
  if ! mariadb_tcp_up || ! mariadb_socket_up; then die "MariaDB did not start"; fi
  # Remembered so that `down` stops only a MariaDB this script started (a second `up` finds it
  # running and must not forget that it was ours).
  touch "$STATE/started-mariadb"
}

stop_mariadb_if_ours() {
  [[ -e $STATE/started-mariadb ]] || return 0
  log "stopping MariaDB (started by up)"
  mariadb-admin --protocol=socket -uroot shutdown 2>/dev/null || true
  for _ in $(seq 1 150); do
    mariadb_socket_up || break
    sleep 0.2
  done
  rm -f "$STATE/started-mariadb"
}

drop_database() {
  mariadb_socket_up || return 0
  mysql_root -e "DROP DATABASE IF EXISTS \`$DB_NAME\`; DROP USER IF EXISTS '$DB_USER'@'127.0.0.1', '$DB_USER'@'localhost';" || true
}

create_database() {
  log "creating database $DB_NAME (fresh)"
  mysql_root <<SQL
DROP DATABASE IF EXISTS \`$DB_NAME\`;
DROP USER IF EXISTS '$DB_USER'@'127.0.0.1', '$DB_USER'@'localhost';
CREATE DATABASE \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci;
CREATE USER '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$DB_PASS';
CREATE USER '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASS';
GRANT ALL PRIVILEGES ON \`$DB_NAME\`.* TO '$DB_USER'@'127.0.0.1', '$DB_USER'@'localhost';
SQL
}

# --- processes started from pid files in $STATE --------------------------------------------------
# A pid counts only while it is alive and still the program we started (pids get reused).
pid_of() { # pidfile program-name
  local pid
  [[ -s $1 ]] || return 1
  pid=$(<"$1")
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "$2" || return 1
  echo "$pid"
}

stop_pidfile() { # pidfile program-name label
  local pid
  if pid=$(pid_of "$1" "$2"); then
    log "stopping $3 (pid $pid)"
    kill -QUIT "$pid" 2>/dev/null || true # graceful for both nginx and PHP-FPM
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      sleep 0.5
    fi
  fi
  rm -f "$1"
}

fpm_binary() {
  local f
  f=$(find /usr/sbin -maxdepth 1 -name 'php-fpm[0-9]*' | sort -V | tail -n 1)
  [[ -n $f ]] || die "no php-fpm binary in /usr/sbin"
  echo "$f"
}

# --- packages ---------------------------------------------------------------------------------
install_packages() {
  # php-mbstring: without it sanitize_title() cannot lowercase non-ASCII letters in slugs.
  # php-fpm pulls in php8.x-opcache (a Depends of php8.x-fpm).
  local pkgs=(wordpress wordpress-theme-twentytwentyone php-cli php-fpm php-mysql php-mbstring
    mariadb-server mariadb-client nginx curl)
  local missing=() p
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    apt-get update -q >&2
    apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=300 "${missing[@]}" >&2
  fi
}

# --- the WordPress pieces -----------------------------------------------------------------------
write_wp_config() { # port
  local port=$1 salt
  if [[ -e $WP_CONFIG ]] && ! grep -qF "$CONFIG_MARK" "$WP_CONFIG"; then
    die "$WP_CONFIG exists and was not written by this script; move it away first"
  fi
  salt=$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=')
  # Readable by the PHP-FPM workers (www-data), not by everyone: it holds the DB password.
  install -m 0640 -o root -g www-data /dev/null "$WP_CONFIG"
  cat >"$WP_CONFIG" <<PHP
<?php
$CONFIG_MARK
// Loaded by Debian's /usr/share/wordpress/wp-config.php for the Host "$HOST" (any port).
define( 'DB_NAME', '$DB_NAME' );
define( 'DB_USER', '$DB_USER' );
define( 'DB_PASSWORD', '$DB_PASS' );
define( 'DB_HOST', '127.0.0.1:3306' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
\$table_prefix = 'wp_';

define( 'WP_HOME', 'http://$HOST:$port' );
define( 'WP_SITEURL', 'http://$HOST:$port' );
// WP_CONTENT_DIR stays Debian's default, /var/lib/wordpress/wp-content, where the theme package
// links twentytwentyone; only the must-use plugins come from the bench's state dir.
define( 'WPMU_PLUGIN_DIR', '$STATE/mu-plugins' );
// WP-Cron would fire a loopback HTTP request from page loads; nothing here needs it.
define( 'DISABLE_WP_CRON', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_DEBUG', false );

foreach ( array( 'AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY',
                 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT' ) as \$k ) {
	define( \$k, '$salt-' . \$k );
}
PHP
}

write_mu_plugin() {
  # Made anew, so that the plugin below is the only one.
  rm -rf "$STATE/mu-plugins"
  mkdir -p "$STATE/mu-plugins"
  cat >"$STATE/mu-plugins/dateline-bench.php" <<'PHP'
<?php
/*
 * Plugin Name: Dateline benchmark
 * Description: Keeps the bench site offline and lets a load of posted comments through.
 */

// Offline: no HTTP requests (update checks, oEmbed discovery, pingbacks), no mail.
add_filter( 'pre_http_request', function () {
	return new WP_Error( 'http_request_blocked', 'the benchmark site is offline' );
}, 1 );
if ( ! function_exists( 'wp_mail' ) ) {
	function wp_mail() { return true; }
}

// Every benchmark comment comes from 127.0.0.1, so WordPress's flood check (one comment per IP
// every 15 s) would reject nearly all of them. Its query still runs, as on a stock site; only the
// verdict is overridden. wp_check_comment_flood() calls wp_die() itself when
// `comment_flood_filter` says "flood", before `wp_is_comment_flood` returns, so both are needed.
add_filter( 'comment_flood_filter', '__return_false', PHP_INT_MAX );
add_filter( 'wp_is_comment_flood', '__return_false', PHP_INT_MAX );
// Likewise the duplicate check runs its query but never rejects.
add_filter( 'duplicate_comment_id', '__return_zero', PHP_INT_MAX );
PHP
}

write_php_scripts() {
  # What a web request would carry, then Debian's wp-config.php, which loads $WP_CONFIG from it.
  cat >"$STATE/bootstrap.php" <<PHP
<?php
\$_SERVER['HTTP_HOST']       = '$HOST:$1';
\$_SERVER['SERVER_NAME']     = '$HOST';
\$_SERVER['SERVER_PORT']     = '$1';
\$_SERVER['REQUEST_URI']     = '/';
\$_SERVER['REQUEST_METHOD']  = 'GET';
\$_SERVER['REMOTE_ADDR']     = '127.0.0.1';
\$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
require '$WP_ROOT/wp-config.php';
PHP

  cat >"$STATE/install.php" <<'PHP'
<?php
define( 'WP_INSTALLING', true );
require_once __DIR__ . '/bootstrap.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
if ( ! function_exists( 'wp_new_blog_notification' ) ) {
	function wp_new_blog_notification() {}
}
$r = wp_install( 'Dateline benchmark (WordPress)', 'admin', 'admin@example.org', true, '', wp_generate_password( 24 ), '' );
if ( empty( $r['user_id'] ) ) {
	fwrite( STDERR, "wp_install failed\n" );
	exit( 1 );
}
fwrite( STDERR, 'installed WordPress ' . get_bloginfo( 'version' ) . "\n" );
PHP

  cat >"$STATE/populate.php" <<'PHP'
<?php
// usage: php populate.php ARTICLE.json   (prints "PATH POST_ID" on stdout)
require_once __DIR__ . '/bootstrap.php';
require_once ABSPATH . 'wp-admin/includes/post.php';
require_once ABSPATH . 'wp-admin/includes/user.php';

function fail( $what ) {
	fwrite( STDERR, "failed: $what\n" );
	exit( 1 );
}
function must( $r, $what ) {
	if ( is_wp_error( $r ) || ! $r ) {
		fail( $what . ': ' . ( is_wp_error( $r ) ? $r->get_error_message() : var_export( $r, true ) ) );
	}
	return $r;
}

$json = file_get_contents( $argv[1] );
$a    = json_decode( $json, true );
if ( ! is_array( $a ) ) {
	fail( 'cannot parse ' . $argv[1] . ': ' . json_last_error_msg() );
}
foreach ( array( 'title', 'slug', 'date_gmt', 'author', 'content' ) as $k ) {
	if ( ! isset( $a[ $k ] ) || '' === $a[ $k ] ) {
		fail( "ARTICLE.json has no \"$k\"" );
	}
}

// --- site settings ------------------------------------------------------------------------------
update_option( 'siteurl', WP_SITEURL );
update_option( 'home', WP_HOME );
update_option( 'blogdescription', 'Benchmark reference site' );

$theme = wp_get_theme( 'twentytwentyone' );
if ( ! $theme->exists() ) {
	fail( 'theme twentytwentyone not found under ' . get_theme_root() );
}
switch_theme( 'twentytwentyone' );

$discussion = array(
	'thread_comments'             => 1,
	'thread_comments_depth'       => 5,
	'page_comments'               => 0, // every comment on the article page
	'comment_moderation'          => 0,
	'comment_previously_approved' => 0, // with the line above: new comments approved at once
	'require_name_email'          => 1,
	'comment_registration'        => 0,
	'close_comments_for_old_posts' => 0,
	'default_comment_status'      => 'open',
);
foreach ( $discussion as $k => $v ) {
	update_option( $k, $v );
}

// What wp_install created: Hello world! (with its comment), Sample Page, the Privacy Policy draft.
foreach ( get_posts( array( 'post_type' => 'any', 'post_status' => 'any', 'numberposts' => -1, 'fields' => 'ids' ) ) as $id ) {
	wp_delete_post( $id, true );
}
update_option( 'wp_page_for_privacy_policy', 0 );

// As an administrator in wp-admin would, so the content is stored as given (no kses).
wp_set_current_user( 1 );
kses_remove_filters();

// --- author and category --------------------------------------------------------------------------
$login  = sanitize_user( sanitize_title( $a['author'] ), true );
$login  = '' === $login ? 'author' : substr( $login, 0, 60 );
$author = must( wp_insert_user( wp_slash( array(
	'user_login'   => $login,
	'user_pass'    => wp_generate_password( 24 ),
	'user_email'   => $login . '@example.org',
	'display_name' => $a['author'],
	'nickname'     => $a['author'],
	'role'         => 'author',
) ) ), 'user ' . $a['author'] );

$cats = array();
if ( ! empty( $a['category'] ) ) {
	$t      = must( wp_insert_term( wp_slash( $a['category'] ), 'category' ), 'category ' . $a['category'] );
	$cats[] = (int) $t['term_id'];
}

// --- the article ------------------------------------------------------------------------------------
$post_id = must( wp_insert_post( wp_slash( array(
	'post_type'      => 'post',
	'post_status'    => 'publish',
	'post_author'    => $author,
	'post_title'     => $a['title'],
	'post_name'      => $a['slug'],
	'post_excerpt'   => isset( $a['excerpt'] ) ? $a['excerpt'] : '',
	'post_content'   => $a['content'],
	'post_date'      => get_date_from_gmt( $a['date_gmt'] ),
	'post_date_gmt'  => $a['date_gmt'],
	'post_category'  => $cats,
	'comment_status' => 'open',
	'ping_status'    => 'closed',
) ), true ), 'post ' . $a['title'] );
// wp_insert_post() turns a "publish" dated in the future into "future" (scheduled); the article
// must be readable now whatever its date.
if ( 'publish' !== get_post_status( $post_id ) ) {
	wp_publish_post( $post_id );
}
// Publishing queues pings and enclosure checks for WP-Cron, which is off; clear them as it would.
delete_post_meta( $post_id, '_pingme' );
delete_post_meta( $post_id, '_encloseme' );

// --- comments -----------------------------------------------------------------------------------------
wp_defer_comment_counting( true );
$ids = array(); // JSON id => WordPress comment id
foreach ( isset( $a['comments'] ) ? $a['comments'] : array() as $c ) {
	$parent = empty( $c['parent'] ) ? 0 : $c['parent'];
	if ( $parent && ! isset( $ids[ $parent ] ) ) {
		fail( "comment {$c['id']}: parent $parent does not come before it" );
	}
	$date = isset( $c['date_gmt'] ) ? $c['date_gmt'] : $a['date_gmt'];
	$ids[ $c['id'] ] = must( wp_insert_comment( wp_slash( array(
		'comment_post_ID'      => $post_id,
		'comment_parent'       => $parent ? $ids[ $parent ] : 0,
		'comment_author'       => $c['author'],
		'comment_author_email' => isset( $c['email'] ) ? $c['email'] : '',
		'comment_author_url'   => '',
		'comment_author_IP'    => '127.0.0.1',
		'comment_date'         => get_date_from_gmt( $date ),
		'comment_date_gmt'     => $date,
		'comment_content'      => $c['content'],
		'comment_approved'     => 1,
		'comment_agent'        => 'dateline-bench',
		'user_id'              => 0,
	) ) ), 'comment ' . $c['id'] );
}
wp_defer_comment_counting( false );
wp_update_comment_count_now( $post_id );

// Pretty permalinks. flush_rewrite_rules( false ): the soft flush only updates the rules in the
// database; a hard one would write .htaccess, which Debian links to /etc/wordpress/htaccess.
global $wp_rewrite;
$wp_rewrite->set_permalink_structure( '/%year%/%monthnum%/%day%/%postname%/' );
flush_rewrite_rules( false );

clean_post_cache( $post_id );
fwrite( STDERR, sprintf( "post %d with %d comments\n", $post_id, count( $ids ) ) );
echo wp_make_link_relative( get_permalink( $post_id ) ), ' ', $post_id, "\n";
PHP
}

php_run() { php -d display_errors=stderr -d log_errors=0 -d memory_limit=512M "$@"; }

# --- PHP-FPM and nginx ------------------------------------------------------------------------------
start_fpm() {
  local fpm
  fpm=$(fpm_binary)
  # Debian enables opcache for FPM out of the box (php8.x-opcache is a dependency of php8.x-fpm,
  # conf.d/10-opcache.ini loads it, opcache.enable defaults to 1; JIT is off). The -d below only
  # states it; the check makes sure the extension is really there.
  "$fpm" -d opcache.enable=1 -m 2>/dev/null | grep -qx 'Zend OPcache' || die "$fpm has no opcache"
  cat >"$STATE/php-fpm.conf" <<CONF
[global]
pid = $STATE/php-fpm.pid
error_log = $STATE/php-fpm.log
daemonize = yes

[wordpress-bench]
user = www-data
group = www-data
listen = $STATE/php-fpm.sock
listen.owner = www-data
listen.group = www-data
listen.mode = 0660
; A fixed number of workers: no spawning during a measurement.
pm = static
pm.max_children = $FPM_CHILDREN
catch_workers_output = yes
CONF
  log "starting PHP-FPM ($FPM_CHILDREN workers)"
  # The system pool (/etc/php/*/fpm/pool.d) is not read: --fpm-config replaces php-fpm.conf.
  "$fpm" --fpm-config "$STATE/php-fpm.conf" -d opcache.enable=1 >&2
  for _ in $(seq 1 100); do
    [[ -S $STATE/php-fpm.sock ]] && break
    sleep 0.1
  done
  [[ -S $STATE/php-fpm.sock ]] || { cat "$STATE/php-fpm.log" >&2 2>/dev/null; die "PHP-FPM did not start"; }
}

start_nginx() { # port
  mkdir -p "$STATE/nginx-tmp"
  cat >"$STATE/nginx.conf" <<CONF
user www-data;
worker_processes auto;
pid $STATE/nginx.pid;
error_log $STATE/nginx-error.log;

events {
    worker_connections 1024;
}

http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    keepalive_requests 100000;
    client_body_temp_path $STATE/nginx-tmp/body;
    fastcgi_temp_path $STATE/nginx-tmp/fastcgi;
    proxy_temp_path $STATE/nginx-tmp/proxy;
    uwsgi_temp_path $STATE/nginx-tmp/uwsgi;
    scgi_temp_path $STATE/nginx-tmp/scgi;

    server {
        listen $HOST:$1;
        server_name $HOST;
        root $WP_ROOT;
        index index.php;

        location / {
            try_files \$uri \$uri/ /index.php?\$args;
        }

        # Debian keeps wp-content (themes, plugins, uploads) outside the document root.
        location /wp-content/ {
            alias /var/lib/wordpress/wp-content/;
        }

        location ~ \.php\$ {
            try_files \$uri =404;
            include /etc/nginx/fastcgi_params;
            # Debian's fastcgi_params (a security update) passes HTTP_HOST as \$host, which drops
            # the port; WordPress then sees http://127.0.0.1/ and redirect_canonical() answers
            # every page with a 301 to itself. PHP-FPM keeps the last value of a repeated param.
            fastcgi_param HTTP_HOST \$host:\$server_port;
            fastcgi_param SCRIPT_FILENAME \$document_root\$fastcgi_script_name;
            fastcgi_pass unix:$STATE/php-fpm.sock;
        }
    }
}
CONF
  log "starting nginx on $HOST:$1"
  # -e: otherwise nginx opens the compiled-in /var/log/nginx/error.log before reading the config.
  nginx -q -p "$STATE" -e "$STATE/nginx-error.log" -c "$STATE/nginx.conf" ||
    { cat "$STATE/nginx-error.log" >&2 2>/dev/null; die "nginx did not start"; }
}

# --- commands -------------------------------------------------------------------------------------
cmd_up() {
  [[ $# -eq 2 ]] || usage
  local article=$1 port=$2 line
  [[ -r $article ]] || die "cannot read $article"
  if ! [[ $port =~ ^[0-9]+$ ]] || ((port < 1 || port > 65535)); then die "bad port: $port"; fi
  article=$(cd "$(dirname "$article")" && pwd)/$(basename "$article")
  need_root
  install_packages

  # 0755: nginx and PHP-FPM workers (www-data) go through it to the socket and the mu-plugin.
  install -d -m 0755 "$STATE"
  # A second `up` starts over: the previous servers go, the database is made anew.
  stop_pidfile "$STATE/nginx.pid" nginx nginx
  stop_pidfile "$STATE/php-fpm.pid" php-fpm PHP-FPM
  if ss -Hltn "sport = :$port" | grep -q .; then
    die "something else already listens on port $port"
  fi

  start_mariadb
  create_database
  write_wp_config "$port"
  write_mu_plugin
  write_php_scripts "$port"

  log "installing WordPress"
  php_run "$STATE/install.php" >&2
  log "adding the article and its comments"
  line=$(php_run "$STATE/populate.php" "$article")
  [[ $line =~ ^/[^[:space:]]*\ [0-9]+$ ]] || die "unexpected output from populate.php: $line"

  start_fpm
  start_nginx "$port"
  local code=
  for _ in $(seq 1 150); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://$HOST:$port/" || true)
    [[ $code == 200 ]] && break
    sleep 0.2
  done
  [[ $code == 200 ]] || die "http://$HOST:$port/ answers $code, not 200 (logs in $STATE)"
  log "up: http://$HOST:$port${line% *}"
  echo "$line"
}

cmd_count() {
  [[ $# -eq 1 && $1 =~ ^[0-9]+$ ]] || usage
  need_root
  mariadb_socket_up || die "MariaDB is not running (is the bench up?)"
  mysql_root -N -B -e "SELECT COUNT(*) FROM wp_comments WHERE comment_post_ID = $1" "$DB_NAME"
}

cmd_down() {
  [[ $# -eq 0 ]] || usage
  need_root
  stop_pidfile "$STATE/nginx.pid" nginx nginx
  stop_pidfile "$STATE/php-fpm.pid" php-fpm PHP-FPM
  drop_database
  if [[ -e $WP_CONFIG ]] && grep -qF "$CONFIG_MARK" "$WP_CONFIG"; then
    rm -f "$WP_CONFIG"
  fi
  stop_mariadb_if_ours
  rm -rf "$STATE"
  log "down"
}

case ${1:-} in
  up) shift; cmd_up "$@" ;;
  count) shift; cmd_count "$@" ;;
  down) shift; cmd_down "$@" ;;
  *) usage ;;
esac

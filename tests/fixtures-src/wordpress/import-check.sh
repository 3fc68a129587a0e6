#!/usr/bin/env bash
# core-API import, not the WordPress Importer plugin.
#
# Checks that a WXR file goes into a real WordPress: builds a throwaway WordPress (Debian's
# `wordpress` package) on a local MariaDB, the same way make-export.sh does, removes the default
# content, then runs import-check.php on FILE. That script parses the file the way the WordPress
# Importer plugin's SimpleXML parser does and inserts it with WordPress core functions, following
# the plugin's import steps (the plugin itself is not available from Debian or npm here; see
# README.md). It prints a fixed-format summary of what WordPress now holds. The database is
# dropped at the end.
#
#   usage (as root): tests/fixtures-src/wordpress/import-check.sh FILE.xml
#   env: DATELINE_WXR_AUTHORS=create (default: each wp:author becomes a user, as wp-admin's
#        importer form does when submitted untouched) or skip (every post goes to the admin,
#        as WP_Import does when driven from code without form data)
#
# Exit status: 0 when the import ran (read the messages), 1 when the file could not be parsed
# as WXR, 2 on usage errors.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
SECONDS=0

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [[ $# -ne 1 ]]; then
  echo "usage: $0 FILE.xml" >&2
  exit 2
fi
file=$1
case $file in /*) ;; *) file=$PWD/$file ;; esac
if [[ ! -r $file ]]; then
  echo "cannot read $file" >&2
  exit 2
fi

db_name=dateline_wxr_import_check
db_user=dateline_wxr_import_check
db_pass=dateline_wxr_import_check
wp_root=/usr/share/wordpress/

log() { printf '[import-check] %s\n' "$*" >&2; }

if [[ $(id -u) -ne 0 ]]; then
  echo "run as root (it installs packages and manages MariaDB)" >&2
  exit 1
fi

# --- packages -------------------------------------------------------------------------------
# php-xml brings SimpleXML and DOM, which the parser needs (make-export.sh does not need them).
pkgs=(wordpress php-cli php-mysql php-mbstring php-xml mariadb-server mariadb-client)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  log "installing ${missing[*]}"
  apt-get update -q >&2
  apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=300 "${missing[@]}" >&2
fi

# --- MariaDB on 127.0.0.1 -------------------------------------------------------------------
mysql_root() { mariadb --protocol=socket -uroot "$@"; }
started_mariadb=0
if ! mariadb-admin --protocol=socket -uroot --connect-timeout=2 ping >/dev/null 2>&1; then
  log "starting MariaDB (127.0.0.1:3306)"
  install -d -m 0755 -o mysql -g root /run/mysqld
  setsid nohup mysqld_safe --bind-address=127.0.0.1 --port=3306 >/dev/null 2>&1 </dev/null &
  for _ in $(seq 1 150); do
    mariadb-admin --protocol=socket -uroot --connect-timeout=2 ping >/dev/null 2>&1 && break
    sleep 0.2
  done
  mariadb-admin --protocol=socket -uroot --connect-timeout=2 ping >/dev/null
  started_mariadb=1
fi

work=$(mktemp -d /tmp/dateline-wxr-import.XXXXXX)
cleanup() {
  mysql_root -e "DROP DATABASE IF EXISTS \`$db_name\`; DROP USER IF EXISTS '$db_user'@'127.0.0.1', '$db_user'@'localhost';" 2>/dev/null || true
  rm -rf "$work"
  # A MariaDB that this run started is stopped again (waiting until it is gone);
  # one that was already running is left alone.
  if ((started_mariadb)); then
    mariadb-admin --protocol=socket -uroot shutdown 2>/dev/null || true
  fi
}
trap cleanup EXIT

mysql_root <<SQL
DROP DATABASE IF EXISTS \`$db_name\`;
DROP USER IF EXISTS '$db_user'@'127.0.0.1', '$db_user'@'localhost';
CREATE DATABASE \`$db_name\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci;
CREATE USER '$db_user'@'127.0.0.1' IDENTIFIED BY '$db_pass';
CREATE USER '$db_user'@'localhost' IDENTIFIED BY '$db_pass';
GRANT ALL PRIVILEGES ON \`$db_name\`.* TO '$db_user'@'127.0.0.1', '$db_user'@'localhost';
SQL

# --- PHP pieces (all in the temp dir; nothing is written under /etc or /usr/share) ------------
mkdir -p "$work/wp-content/mu-plugins" "$work/wp-content/uploads"

cat > "$work/bootstrap.php" <<PHP
<?php
\$_SERVER['HTTP_HOST']       = 'import-check.example';
\$_SERVER['SERVER_NAME']     = 'import-check.example';
\$_SERVER['SERVER_PORT']     = '80';
\$_SERVER['REQUEST_URI']     = '/';
\$_SERVER['REQUEST_METHOD']  = 'GET';
\$_SERVER['REMOTE_ADDR']     = '127.0.0.1';
\$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';

define( 'DB_NAME', '$db_name' );
define( 'DB_USER', '$db_user' );
define( 'DB_PASSWORD', '$db_pass' );
define( 'DB_HOST', '127.0.0.1:3306' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
\$table_prefix = 'wp_';

define( 'WP_HOME', 'http://import-check.example' );
define( 'WP_SITEURL', 'http://import-check.example' );
define( 'WP_CONTENT_DIR', '$work/wp-content' );
define( 'WP_CONTENT_URL', 'http://import-check.example/wp-content' );
define( 'DISABLE_WP_CRON', true );
define( 'WP_AUTO_UPDATE_CORE', false );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_DEBUG', false );

foreach ( array( 'AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY',
                 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT' ) as \$k ) {
	define( \$k, 'dateline-wxr-import-check-' . \$k );
}

define( 'ABSPATH', '$wp_root' );
require_once ABSPATH . 'wp-settings.php';
PHP

# Offline and quiet: no HTTP requests, no mail.
cat > "$work/wp-content/mu-plugins/import-check-offline.php" <<'PHP'
<?php
add_filter( 'pre_http_request', function () {
	return new WP_Error( 'http_request_blocked', 'the WXR import check is offline' );
}, 1 );
if ( ! function_exists( 'wp_mail' ) ) {
	function wp_mail() { return true; }
}
PHP

# A fresh site, as someone would import into: administrator "admin" (user 1), site timezone UTC.
# Its sample post, page, privacy-policy draft and comment are removed so that the summary shows
# only what the import made; the Uncategorized category stays, as it would.
cat > "$work/install.php" <<'PHP'
<?php
define( 'WP_INSTALLING', true );
require __DIR__ . '/bootstrap.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/translation-install.php';
if ( ! function_exists( 'wp_new_blog_notification' ) ) {
	function wp_new_blog_notification() {}
}
$r = wp_install( 'WXR import check', 'admin', 'admin@import-check.example', true, '', 'import-check-password-not-secret', '' );
if ( empty( $r['user_id'] ) ) {
	fwrite( STDERR, "wp_install failed\n" );
	exit( 1 );
}
foreach ( get_posts( array( 'post_type' => 'any', 'post_status' => 'any', 'numberposts' => -1, 'fields' => 'ids' ) ) as $id ) {
	wp_delete_post( $id, true );
}
foreach ( get_comments( array( 'status' => 'all', 'fields' => 'ids' ) ) as $id ) {
	wp_delete_comment( $id, true );
}
update_option( 'wp_page_for_privacy_policy', 0 );
echo 'installed WordPress ', get_bloginfo( 'version' ), "\n";
PHP

php_run() { php -d display_errors=stderr -d log_errors=0 -d memory_limit=256M "$@"; }

log "installing a throwaway WordPress"
php_run "$work/install.php" >&2
log "importing $file"
rc=0
DATELINE_WXR_BOOTSTRAP="$work/bootstrap.php" php_run "$here/import-check.php" "$file" || rc=$?
log "finished in ${SECONDS}s (exit $rc)"
exit "$rc"

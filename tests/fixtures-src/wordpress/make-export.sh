#!/usr/bin/env bash
# Builds a throwaway WordPress (Debian's `wordpress` package) on a local MariaDB,
# fills it with a small, fixed set of content through WordPress's own PHP API,
# and writes what WordPress's own exporter (export_wp) produces.
#
#   usage (as root): tests/fixtures-src/wordpress/make-export.sh [OUTPUT.xml]
#   default OUTPUT:  tests/Dateline.Tests/Fixtures/Wxr/wordpress-real.xml (under the repo root)
#
# Idempotent: installs the packages if missing, starts MariaDB on 127.0.0.1 only when it is
# not already answering, recreates the database on every run and drops it at the end.
# Only the two date stamps WordPress writes in the header (the generator comment's
# created="…" and the channel <pubDate>) change from one run to the next.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
SECONDS=0

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$here/../../.." && pwd)
out=${1:-$repo_root/tests/Dateline.Tests/Fixtures/Wxr/wordpress-real.xml}
case $out in /*) ;; *) out=$PWD/$out ;; esac

db_name=dateline_wxr_fixture
db_user=dateline_wxr_fixture
db_pass=dateline_wxr_fixture
wp_root=/usr/share/wordpress/

log() { printf '[make-export] %s\n' "$*" >&2; }

if [[ $(id -u) -ne 0 ]]; then
  echo "run as root (it installs packages and manages MariaDB)" >&2
  exit 1
fi

# --- packages -------------------------------------------------------------------------------
# php-mbstring matters: without it sanitize_title() cannot lowercase non-ASCII letters, and the
# Cyrillic slug comes out as %d0%92… instead of %d0%b2… (real hosts nearly always have mbstring).
pkgs=(wordpress php-cli php-mysql php-mbstring mariadb-server mariadb-client libxml2-utils)
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

work=$(mktemp -d /tmp/dateline-wxr.XXXXXX)
cleanup() {
  mysql_root -e "DROP DATABASE IF EXISTS \`$db_name\`; DROP USER IF EXISTS '$db_user'@'127.0.0.1', '$db_user'@'localhost';" 2>/dev/null || true
  rm -rf "$work"
  # A MariaDB that this run started is stopped again; one that was already running is left alone.
  if ((started_mariadb)); then
    mariadb-admin --protocol=socket -uroot shutdown 2>/dev/null || true
  fi
}
trap cleanup EXIT

log "creating database $db_name"
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

# The config wp-config.php would hold, plus the $_SERVER values a web request would carry.
cat > "$work/bootstrap.php" <<PHP
<?php
\$_SERVER['HTTP_HOST']       = 'news.example.org';
\$_SERVER['SERVER_NAME']     = 'news.example.org';
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

define( 'WP_HOME', 'http://news.example.org' );
define( 'WP_SITEURL', 'http://news.example.org' );
define( 'WP_CONTENT_DIR', '$work/wp-content' );
define( 'WP_CONTENT_URL', 'http://news.example.org/wp-content' );
define( 'DISABLE_WP_CRON', true );
define( 'WP_AUTO_UPDATE_CORE', false );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_DEBUG', false );

// Fixed salts: nothing secret lives in this throwaway site.
foreach ( array( 'AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY',
                 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT' ) as \$k ) {
	define( \$k, 'dateline-wxr-fixture-' . \$k );
}

define( 'ABSPATH', '$wp_root' );
require_once ABSPATH . 'wp-settings.php';
PHP

# Keeps the run offline and quiet: no HTTP requests, no mail.
cat > "$work/wp-content/mu-plugins/fixture-offline.php" <<'PHP'
<?php
add_filter( 'pre_http_request', function () {
	return new WP_Error( 'http_request_blocked', 'the WXR fixture build is offline' );
}, 1 );
if ( ! function_exists( 'wp_mail' ) ) {
	function wp_mail() { return true; }
}
PHP

cat > "$work/install.php" <<'PHP'
<?php
define( 'WP_INSTALLING', true );
require __DIR__ . '/bootstrap.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/translation-install.php';
if ( ! function_exists( 'wp_new_blog_notification' ) ) {
	function wp_new_blog_notification() {}
}
$r = wp_install( 'Example City Ledger', 'editor', 'maria@news.example.org', true, '', 'fixture-password-not-secret', '' );
if ( empty( $r['user_id'] ) ) {
	fwrite( STDERR, "wp_install failed\n" );
	exit( 1 );
}
echo 'installed WordPress ', get_bloginfo( 'version' ), "\n";
PHP

cat > "$work/populate.php" <<'PHP'
<?php
require __DIR__ . '/bootstrap.php';
require_once ABSPATH . 'wp-admin/includes/post.php';
require_once ABSPATH . 'wp-admin/includes/comment.php';
require_once ABSPATH . 'wp-admin/includes/user.php';

function must( $r, $what ) {
	if ( is_wp_error( $r ) || ! $r ) {
		fwrite( STDERR, "failed: $what: " . ( is_wp_error( $r ) ? $r->get_error_message() : var_export( $r, true ) ) . "\n" );
		exit( 1 );
	}
	return $r;
}
// wp_insert_post, wp_insert_comment, wp_insert_user and wp_insert_term all expect slashed input.
function post( array $a )    { return must( wp_insert_post( wp_slash( $a ), true ), 'post ' . $a['post_title'] ); }
function comment( array $a ) { return must( wp_insert_comment( wp_slash( $a ) ), 'comment by ' . $a['comment_author'] ); }
function term( $name, $tax, array $a = array() ) {
	$r = must( wp_insert_term( wp_slash( $name ), $tax, wp_slash( $a ) ), "term $name" );
	return (int) $r['term_id'];
}

// --- site settings ----------------------------------------------------------------------------
update_option( 'blogdescription', 'News from Example City since 1921' );
update_option( 'timezone_string', 'America/New_York' );
update_option( 'gmt_offset', '' );
update_option( 'date_format', 'F j, Y' );
update_option( 'time_format', 'g:i a' );

// Remove what wp_install created (Hello world!, Sample Page, the Privacy Policy draft and the
// sample comment) so that every item in the export is one made below.
foreach ( get_posts( array( 'post_type' => 'any', 'post_status' => 'any', 'numberposts' => -1, 'fields' => 'ids' ) ) as $id ) {
	wp_delete_post( $id, true );
}
update_option( 'wp_page_for_privacy_policy', 0 );

// --- authors ----------------------------------------------------------------------------------
$editor = 1; // created by wp_install as "editor", an administrator
must( wp_update_user( wp_slash( array(
	'ID'           => $editor,
	'first_name'   => 'Maria',
	'last_name'    => 'Ortega',
	'nickname'     => 'Maria',
	'display_name' => 'Maria Ortega',
	'user_url'     => 'http://news.example.org/staff/maria-ortega/',
) ) ), 'update editor' );

$reporter = must( wp_insert_user( wp_slash( array(
	'user_login'      => 'reporter',
	'user_pass'       => 'fixture-password-not-secret',
	'user_email'      => 'chen.wei@news.example.org',
	'first_name'      => '伟',
	'last_name'       => '陈',
	'display_name'    => 'Chen Wei',
	'role'            => 'author',
	'user_registered' => '2025-06-01 12:00:00',
) ) ), 'user reporter' );

$sean = must( wp_insert_user( wp_slash( array(
	'user_login'      => 'sobrien',
	'user_pass'       => 'fixture-password-not-secret',
	'user_email'      => 'sean.obrien@news.example.org',
	'first_name'      => 'Seán',
	'last_name'       => "O'Brien",
	'display_name'    => 'Seán O\'Brien "Jr"',
	'role'            => 'author',
	'user_registered' => '2025-09-15 08:00:00',
) ) ), 'user sobrien' );

// Act as the administrator, as someone using wp-admin would (this also means no kses filtering).
wp_set_current_user( $editor );

// --- terms ------------------------------------------------------------------------------------
$uncategorized = (int) get_option( 'default_category' );
$politics      = term( 'Politics', 'category', array( 'slug' => 'politics', 'description' => 'Elections, the council & the statehouse.' ) );
$local         = term( 'Local News', 'category', array( 'slug' => 'local-news' ) );
$city_hall     = term( 'City Hall', 'category', array( 'slug' => 'city-hall', 'parent' => $local ) );
$t_elections   = term( 'elections', 'post_tag' );
$t_transit     = term( 'transit', 'post_tag' );
$t_zurich      = term( 'Zürich', 'post_tag', array( 'description' => 'Sister city since 1987' ) );
$t_budget      = term( 'budget', 'post_tag' );

// --- (a) published post with a featured image, caption shortcode, <pre>, excerpt ------------------
$img_url = 'http://news.example.org/wp-content/uploads/2026/03/council.jpg';
$alt     = 'Council members raise their hands during the budget vote';
$a = post( array(
	'import_id'    => 10,
	'post_type'    => 'post',
	'post_status'  => 'publish',
	'post_author'  => $editor,
	'post_date'    => '2026-03-14 09:30:00', // EDT, the week after the switch to summer time
	'post_title'   => 'Council approves 2026 budget after an 11-hour session',
	'post_name'    => 'council-approves-2026-budget',
	'post_excerpt' => 'Transit spending rises 4 percent while property taxes stay flat.',
	'post_content' => "The city council approved the 2026 budget late Friday, 7 votes to 2, after a session that began at 10 a.m. and ended just before 9 p.m.\n\n"
		. "[caption id=\"attachment_11\" align=\"aligncenter\" width=\"640\"]<img class=\"size-large wp-image-11\" src=\"$img_url\" alt=\"$alt\" width=\"640\" height=\"427\" /> The council votes. Photo: Jane Doe/Example Wire[/caption]\n\n"
		. "The plan raises transit spending by 4 percent and keeps the property tax rate where it was. \"We kept the promise we made in January,\" the mayor said.\nThe two members who voted no said the transit figures rely on fares that have not been approved.\n\n"
		. "The tally as the clerk read it into the record:\n\n"
		. "<pre>Ayes:    7\nNoes:    2\nAbsent:  0</pre>\n\n"
		. "A second vote, on the capital plan, is set for April.",
	'post_category'  => array( $politics ),
	'comment_status' => 'open',
	'ping_status'    => 'open',
) );
must( wp_set_post_terms( $a, array( $t_budget, $t_transit, $t_elections ), 'post_tag' ), 'tags a' );

$att = must( wp_insert_attachment( wp_slash( array(
	'import_id'      => 11,
	'post_author'    => $editor,
	'post_date'      => '2026-03-14 09:12:00',
	'post_title'     => 'council',
	'post_name'      => 'council',
	'post_content'   => 'Council members vote on the 2026 budget in the chamber at City Hall.',
	'post_excerpt'   => 'The council votes. Photo: Jane Doe/Example Wire',
	'post_mime_type' => 'image/jpeg',
	'post_status'    => 'inherit',
	'guid'           => $img_url,
) ), false, $a, true ), 'attachment' );
update_post_meta( $att, '_wp_attached_file', '2026/03/council.jpg' );
update_post_meta( $att, '_wp_attachment_metadata', array(
	'width'    => 1280,
	'height'   => 854,
	'file'     => '2026/03/council.jpg',
	'filesize' => 183422,
	'sizes'    => array(
		'medium'    => array( 'file' => 'council-300x200.jpg', 'width' => 300, 'height' => 200, 'mime-type' => 'image/jpeg', 'filesize' => 14210 ),
		'large'     => array( 'file' => 'council-1024x683.jpg', 'width' => 1024, 'height' => 683, 'mime-type' => 'image/jpeg', 'filesize' => 121877 ),
		'thumbnail' => array( 'file' => 'council-150x150.jpg', 'width' => 150, 'height' => 150, 'mime-type' => 'image/jpeg', 'filesize' => 6120 ),
	),
	'image_meta' => array(
		'aperture' => '4', 'credit' => 'Jane Doe/Example Wire', 'camera' => '', 'caption' => '',
		'created_timestamp' => '1773480000', 'copyright' => '', 'focal_length' => '35', 'iso' => '800',
		'shutter_speed' => '0.008', 'title' => '', 'orientation' => '1', 'keywords' => array(),
	),
) );
update_post_meta( $att, '_wp_attachment_image_alt', wp_slash( $alt ) );
update_post_meta( $a, '_thumbnail_id', $att );

// --- (b) Cyrillic title and slug, backslashes, quotes and a literal ]]> --------------------------
$b = post( array(
	'import_id'    => 12,
	'post_type'    => 'post',
	'post_status'  => 'publish',
	'post_author'  => $sean,
	'post_date'    => '2026-01-31 21:15:00', // EST; already 1 February in GMT
	'post_title'   => 'Выборы в городской совет',
	'post_content' => "Голосование пройдёт 8 марта. Участки откроются в 7:00.\n\n"
		. "Poll workers were told to save the sample ballot to C:\\path\\to\\ballot.pdf, and a clerk said \"double\" quotes and 'single' quotes are kept as typed.\n\n"
		. "A CDATA edge: the sequence ]]> appears in this sentence, and again at the very end ]]>",
	'post_category' => array( $politics ),
) );
must( wp_set_post_terms( $b, array( $t_elections, $t_zurich ), 'post_tag' ), 'tags b' );

// --- (c) draft, (d) pending, (e) private, (f) scheduled ------------------------------------------
post( array(
	'import_id'    => 13,
	'post_type'    => 'post',
	'post_status'  => 'draft',
	'post_author'  => $reporter,
	'post_date'    => '2026-03-20 10:00:00',
	'post_title'   => 'Fare changes on the number 9 bus',
	'post_content' => "Notes so far: the route loses two stops in June.\n\nWaiting on the transit office for numbers.",
	'post_category' => array( $local ),
	'tags_input'    => array( 'transit' ),
) );
post( array(
	'import_id'    => 14,
	'post_type'    => 'post',
	'post_status'  => 'pending',
	'post_author'  => $reporter,
	'post_date'    => '2026-03-21 16:45:00',
	'post_title'   => 'School board meeting recap',
	'post_content' => 'The board met for two hours and approved the new calendar.',
) );
post( array(
	'import_id'    => 15,
	'post_type'    => 'post',
	'post_status'  => 'private',
	'post_author'  => $editor,
	'post_date'    => '2026-03-22 08:00:00',
	'post_title'   => 'Newsroom staffing notes',
	'post_content' => 'For editors only: the weekend desk rota changes on 1 April.',
) );
post( array(
	'import_id'    => 16,
	'post_type'    => 'post',
	'post_status'  => 'future',
	'post_author'  => $editor,
	'post_date'    => '2030-01-01 06:00:00',
	'post_title'   => "New Year's Day road closures",
	'post_content' => 'Main Street closes from 6 a.m. to noon for the parade.',
	'post_category' => array( $local ),
) );

// --- (g) sticky post in City Hall, dated in the hour that does not exist locally (DST start) ----
$g = post( array(
	'import_id'    => 17,
	'post_type'    => 'post',
	'post_status'  => 'publish',
	'post_author'  => $reporter,
	'post_date'    => '2026-03-08 02:30:00',
	'post_title'   => 'City Hall opens late on Thursdays',
	'post_content' => "From this week the service counters stay open until 7 p.m. on Thursdays.\n\nThe change is a six-month trial.",
	'post_category' => array( $city_hall ),
	'tags_input'    => array( 'transit' ),
) );
stick_post( $g );

// --- pages (About us dated in the repeated hour at the end of summer time) --------------------
$about = post( array(
	'import_id'      => 20,
	'post_type'      => 'page',
	'post_status'    => 'publish',
	'post_author'    => $editor,
	'post_date'      => '2025-11-02 01:30:00',
	'post_title'     => 'About us',
	'post_name'      => 'about-us',
	'post_content'   => "The Example City Ledger has covered Example City since 1921.\n\nWe are owned by our readers.",
	'comment_status' => 'open',
	'menu_order'     => 0,
) );
post( array(
	'import_id'      => 21,
	'post_type'      => 'page',
	'post_status'    => 'publish',
	'post_author'    => $editor,
	'post_date'      => '2025-11-03 10:00:00',
	'post_title'     => 'Ethics policy',
	'post_name'      => 'ethics',
	'post_parent'    => $about,
	'menu_order'     => 1,
	'post_content'   => "We do not accept gifts from the people we cover.\n\nCorrections are noted at the foot of the story.",
	'comment_status' => 'closed',
) );

// --- comments ---------------------------------------------------------------------------------
$agent = 'Mozilla/5.0 (X11; Linux x86_64) Fixture/1.0';
$c = array();
$c['ana'] = comment( array(
	'comment_post_ID' => $a, 'comment_author' => 'Ana Lima', 'comment_author_email' => 'ana@example.com',
	'comment_author_url' => 'http://ana.example.com/', 'comment_author_IP' => '203.0.113.5',
	'comment_date' => '2026-03-14 10:02:00', 'comment_content' => "Finally. The transit money was overdue.\n\nWill the number 9 route get any of it?",
	'comment_approved' => 1, 'comment_agent' => $agent,
) );
$c['dmitri'] = comment( array(
	'comment_post_ID' => $a, 'comment_author' => 'Дмитрий Иванов', 'comment_author_email' => 'dmitri@example.net',
	'comment_author_url' => '', 'comment_author_IP' => '203.0.113.17',
	'comment_date' => '2026-03-14 11:40:00', 'comment_content' => 'Спасибо за подробный разбор бюджета! 谢谢。',
	'comment_approved' => 1, 'comment_agent' => $agent,
) );
$c['links'] = comment( array(
	'comment_post_ID' => $a, 'comment_author' => 'Link Dropper', 'comment_author_email' => 'links@example.org',
	'comment_author_url' => 'http://links.example.org/', 'comment_author_IP' => '203.0.113.99',
	'comment_date' => '2026-03-14 12:15:00',
	'comment_content' => 'My numbers differ: <a href="http://links.example.org/budget">see my analysis</a>.<script>alert("owned")</script>',
	'comment_approved' => 1, 'comment_agent' => $agent,
) );
$c['maria_reply'] = comment( array(
	'comment_post_ID' => $a, 'comment_parent' => $c['ana'], 'user_id' => $editor,
	'comment_author' => 'Maria Ortega', 'comment_author_email' => 'maria@news.example.org',
	'comment_author_url' => 'http://news.example.org/staff/maria-ortega/', 'comment_author_IP' => '198.51.100.20',
	'comment_date' => '2026-03-14 13:05:00', 'comment_content' => 'Yes: the budget funds two more buses on the 9 from September.',
	'comment_approved' => 1, 'comment_agent' => $agent,
) );
$c['ana_again'] = comment( array(
	'comment_post_ID' => $a, 'comment_parent' => $c['maria_reply'], 'comment_author' => 'Ana Lima',
	'comment_author_email' => 'ana@example.com', 'comment_author_url' => 'http://ana.example.com/',
	'comment_author_IP' => '203.0.113.5', 'comment_date' => '2026-03-14 13:30:00',
	'comment_content' => 'Thanks, that answers it.', 'comment_approved' => 1, 'comment_agent' => $agent,
) );
$c['held'] = comment( array(
	'comment_post_ID' => $a, 'comment_author' => 'First Time Commenter', 'comment_author_email' => 'newbie@example.com',
	'comment_author_url' => '', 'comment_author_IP' => '203.0.113.40', 'comment_date' => '2026-03-14 15:00:00',
	'comment_content' => 'Is this held for moderation?', 'comment_approved' => 0, 'comment_agent' => $agent,
) );
$c['spam'] = comment( array(
	'comment_post_ID' => $a, 'comment_author' => 'Cheap Watches', 'comment_author_email' => 'sales@spam.example.net',
	'comment_author_url' => 'http://spam.example.net/', 'comment_author_IP' => '192.0.2.66', 'comment_date' => '2026-03-14 16:00:00',
	'comment_content' => 'Great post! Buy watches at http://spam.example.net/', 'comment_approved' => 0, 'comment_agent' => $agent,
) );
$c['trash'] = comment( array(
	'comment_post_ID' => $a, 'comment_author' => 'Angry Reader', 'comment_author_email' => 'angry@example.com',
	'comment_author_url' => '', 'comment_author_IP' => '203.0.113.66', 'comment_date' => '2026-03-14 17:00:00',
	'comment_content' => 'This comment broke the rules and was moved to the bin.', 'comment_approved' => 1, 'comment_agent' => $agent,
) );
$c['pingback'] = comment( array(
	'comment_post_ID' => $a, 'comment_author' => 'Riverside Weekly &raquo; Budget roundup',
	'comment_author_email' => '', 'comment_author_url' => 'http://riverside.example.com/2026/03/15/budget-roundup/',
	'comment_author_IP' => '198.51.100.7', 'comment_date' => '2026-03-15 07:20:00',
	'comment_content' => '[&#8230;] The Ledger reports the council approved the budget 7 to 2 [&#8230;]',
	'comment_approved' => 1, 'comment_type' => 'pingback', 'comment_agent' => 'WordPress/6.1.9; http://riverside.example.com',
) );
$c['trackback'] = comment( array(
	'comment_post_ID' => $a, 'comment_author' => 'Metro Transit Blog', 'comment_author_email' => '',
	'comment_author_url' => 'http://transit.example.com/posts/budget-buses', 'comment_author_IP' => '198.51.100.8',
	'comment_date' => '2026-03-15 09:00:00',
	'comment_content' => "<strong>Two more buses for the 9</strong>\n\nThe budget passed on Friday funds two extra buses&#8230;",
	'comment_approved' => 1, 'comment_type' => 'trackback', 'comment_agent' => 'Incutio XML-RPC',
) );
$c['about'] = comment( array(
	'comment_post_ID' => $about, 'comment_author' => 'Longtime Reader', 'comment_author_email' => 'reader@example.com',
	'comment_author_url' => '', 'comment_author_IP' => '203.0.113.8', 'comment_date' => '2025-11-05 19:00:00',
	'comment_content' => 'Been reading since my grandfather subscribed.', 'comment_approved' => 1, 'comment_agent' => $agent,
) );

// Spam and trash go through WordPress's own moderation calls; they stamp the current time,
// which is then pinned so that reruns give the same file.
must( wp_spam_comment( $c['spam'] ), 'spam' );
must( wp_trash_comment( $c['trash'] ), 'trash' );
foreach ( array( $c['spam'], $c['trash'] ) as $cid ) {
	update_comment_meta( $cid, '_wp_trash_meta_time', '1773525600' );
}

// Publishing queues pings and enclosure checks (_pingme / _encloseme) for WP-Cron; the cron run
// that would clear them is disabled here, so clear them as it would.
foreach ( array( $a, $b, $g, $about, 21 ) as $id ) {
	delete_post_meta( $id, '_pingme' );
	delete_post_meta( $id, '_encloseme' );
}

// Pretty permalinks, set after the content so the stored guids are the usual ?p=N form.
global $wp_rewrite;
$wp_rewrite->set_permalink_structure( '/%year%/%monthnum%/%day%/%postname%/' );
flush_rewrite_rules( false );

echo "populated\n";
PHP

cat > "$work/export.php" <<'PHP'
<?php
require __DIR__ . '/bootstrap.php';
require_once ABSPATH . 'wp-admin/includes/export.php';
// Tools > Export runs as a logged-in administrator; that user can read the private post,
// so its <link> is the pretty permalink, as in a real export.
wp_set_current_user( 1 );
$out = $argv[1];
ob_start();
export_wp( array( 'content' => 'all' ) );
$xml = ob_get_clean();
if ( false === file_put_contents( $out, $xml ) ) {
	fwrite( STDERR, "cannot write $out\n" );
	exit( 1 );
}
echo 'wrote ', strlen( $xml ), " bytes\n";
PHP

# display_errors to stderr so that no PHP notice can end up inside the XML;
# header() in export_wp is harmless under php-cli.
php_run() { php -d display_errors=stderr -d log_errors=0 -d memory_limit=256M "$@"; }

log "installing WordPress"
php_run "$work/install.php" >&2
log "creating content"
php_run "$work/populate.php" >&2
log "exporting to $out"
mkdir -p "$(dirname "$out")"
php_run "$work/export.php" "$out.tmp" >&2
xmllint --noout "$out.tmp"
mv "$out.tmp" "$out"
log "done in ${SECONDS}s: $out"

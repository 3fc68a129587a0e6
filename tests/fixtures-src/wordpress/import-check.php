<?php
/**
 * core-API import, not the WordPress Importer plugin.
 *
 * The WordPress Importer plugin (wordpress-importer: WP_Import, WXR_Parser_*) is not shipped by
 * Debian or by any npm package, and wordpress.org cannot be reached from here. This script is the
 * closest honest stand-in: it reads a WXR file with SimpleXML the way the plugin's SimpleXML
 * parser reads it, then writes what it read into a throwaway WordPress with WordPress core
 * functions, following the steps the plugin takes (and its known quirks), and prints a summary
 * of what ended up in the database. Written for Dateline; run it through import-check.sh, which
 * builds the throwaway site and passes the path of its bootstrap file in DATELINE_WXR_BOOTSTRAP.
 *
 *   php import-check.php FILE.xml
 *   env: DATELINE_WXR_AUTHORS=create (default) | skip
 *
 * What it follows from the plugin's behaviour (fetch_attachments off, as in a non-interactive run):
 * - parse: DOMDocument::loadXML (a DOCTYPE is refused), wp:wxr_version must match /^\d+\.\d+$/,
 *   base_site_url / base_blog_url, wp:author, wp:category, wp:tag, wp:term, item (dc:creator,
 *   content:encoded, excerpt:encoded, wp:* fields, <category domain nicename>, wp:postmeta,
 *   wp:comment with wp:commentmeta). The "wp" and "excerpt" prefixes are looked up from the
 *   document's own namespace declarations, falling back to the 1.1 URIs, as the plugin does.
 *   The plugin falls back to a regex parser when the XML is not well-formed; this script does not,
 *   it reports the XML error and stops (a stricter check).
 * - authors: "create" does what wp-admin's importer form does when submitted with its fields left
 *   as they are: each wp:author becomes a new user with its own login, e-mail, display name and
 *   first/last name (role: the site's default role); a login that already exists makes
 *   wp_insert_user fail and that author's posts go to the current user. "skip" is what WP_Import
 *   does when it is driven from code with no form data: no users are created and every post goes
 *   to the current user. dc:creator logins with no wp:author go to the current user in both modes.
 * - terms: categories, then tags, then wp:term entries; anything whose slug already exists in its
 *   taxonomy is left alone; a parent is found by slug-or-name among terms that already exist.
 * - posts: unknown post types, auto-drafts and already-seen ids are skipped; nav_menu_item items
 *   are not handled here (reported); a post with the same title and date as an existing one is
 *   "already exists"; the rest go through wp_insert_post with import_id (the file's post_id);
 *   attachments fail with "Fetching attachments is not enabled"; parents not yet imported are
 *   fixed up at the end; is_sticky 1 -> stick_post; item terms missing on the site are created.
 * - comments: per post, ordered by their file id; a parent is remapped only when it was inserted
 *   before the child, otherwise the file's parent id is kept as it is (the plugin does the same);
 *   wp_filter_comment then wp_insert_comment; commentmeta added; comment_user_id mapped through
 *   the created authors.
 * - post meta: _wp_attached_file, _wp_attachment_metadata and _edit_lock are dropped; _edit_last
 *   is kept only when it maps to a created author; _thumbnail_id is remapped only if the
 *   attachment it names was imported (with attachments off it keeps the file's id).
 */

if ( $argc < 2 ) {
	fwrite( STDERR, "usage: php import-check.php FILE.xml\n" );
	exit( 2 );
}
$wxr_file = $argv[1];
if ( ! is_readable( $wxr_file ) ) {
	fwrite( STDERR, "cannot read $wxr_file\n" );
	exit( 2 );
}
$authors_mode = getenv( 'DATELINE_WXR_AUTHORS' ) ?: 'create';
if ( ! in_array( $authors_mode, array( 'create', 'skip' ), true ) ) {
	fwrite( STDERR, "DATELINE_WXR_AUTHORS must be create or skip\n" );
	exit( 2 );
}

// wp-admin/admin.php defines this before it hands over to an importer.
define( 'WP_IMPORTING', true );
require getenv( 'DATELINE_WXR_BOOTSTRAP' );
require_once ABSPATH . 'wp-admin/includes/post.php';
require_once ABSPATH . 'wp-admin/includes/comment.php';
require_once ABSPATH . 'wp-admin/includes/taxonomy.php';
require_once ABSPATH . 'wp-admin/includes/user.php';

// Importing is done by the site's administrator, as in wp-admin.
wp_set_current_user( 1 );
if ( apply_filters( 'force_filtered_html_on_import', false ) ) {
	kses_init_filters();
}

/** Everything an importer would have shown on its page, in order, as plain text. */
$messages = array();
function dl_say( $text ) {
	global $messages;
	$messages[] = $text;
}
// PHP warnings and notices raised while importing are part of what the importer "printed".
set_error_handler( function ( $no, $str, $file, $line ) {
	$kind = array( E_WARNING => 'warning', E_NOTICE => 'notice', E_DEPRECATED => 'deprecated', E_USER_WARNING => 'warning', E_USER_NOTICE => 'notice', E_USER_DEPRECATED => 'deprecated' );
	dl_say( sprintf( 'php %s: %s (%s:%d)', isset( $kind[ $no ] ) ? $kind[ $no ] : "error $no", $str, $file, $line ) );
	return true;
} );

// ------------------------------------------------------------------------------------------------
// Parsing: the shape of the data follows the plugin's parser output, so the import steps below
// can take the same decisions.
// ------------------------------------------------------------------------------------------------

function dl_wxr_meta_list( $parent, $element ) {
	$out = array();
	foreach ( $parent->{$element} as $m ) {
		$out[] = array( 'key' => (string) $m->meta_key, 'value' => (string) $m->meta_value );
	}
	return $out;
}

function dl_wxr_parse( $file ) {
	$prev = libxml_use_internal_errors( true );
	libxml_clear_errors();
	$dom = new DOMDocument();
	// No entity loading and no network: LIBXML_NONET; DOCTYPEs are refused below, as the plugin does.
	$ok = $dom->loadXML( file_get_contents( $file ), LIBXML_NONET );
	$errors = libxml_get_errors();
	libxml_clear_errors();
	libxml_use_internal_errors( $prev );
	if ( ! $ok || null !== $dom->doctype ) {
		$details = array();
		foreach ( $errors as $e ) {
			$details[] = sprintf( 'line %d col %d: %s', $e->line, $e->column, trim( $e->message ) );
		}
		if ( $ok ) {
			$details[] = 'the document has a DOCTYPE';
		}
		return new WP_Error( 'SimpleXML_parse_error', 'There was an error when reading this WXR file', $details );
	}
	$xml = simplexml_import_dom( $dom );
	if ( ! $xml ) {
		return new WP_Error( 'SimpleXML_parse_error', 'There was an error when reading this WXR file', array() );
	}

	$bad_version = new WP_Error( 'WXR_parse_error', 'This does not appear to be a WXR file, missing/invalid WXR version number' );
	$found = $xml->xpath( '/rss/channel/wp:wxr_version' );
	if ( ! $found ) {
		return $bad_version;
	}
	$version = trim( (string) $found[0] );
	if ( ! preg_match( '/^\d+\.\d+$/', $version ) ) {
		return $bad_version;
	}

	$found    = $xml->xpath( '/rss/channel/wp:base_site_url' );
	$base_url = isset( $found[0] ) ? trim( (string) $found[0] ) : '';
	$found    = $xml->xpath( '/rss/channel/wp:base_blog_url' );
	$base_blog_url = $found ? trim( (string) $found[0] ) : $base_url;

	$ns = $xml->getDocNamespaces();
	$ns_wp      = isset( $ns['wp'] ) ? $ns['wp'] : 'http://wordpress.org/export/1.1/';
	$ns_excerpt = isset( $ns['excerpt'] ) ? $ns['excerpt'] : 'http://wordpress.org/export/1.1/excerpt/';

	$data = array(
		'version'       => $version,
		'base_url'      => $base_url,
		'base_blog_url' => $base_blog_url,
		'authors'       => array(),
		'categories'    => array(),
		'tags'          => array(),
		'terms'         => array(),
		'posts'         => array(),
	);

	foreach ( $xml->xpath( '/rss/channel/wp:author' ) as $node ) {
		$w     = $node->children( $ns_wp );
		$login = (string) $w->author_login;
		// Keyed by login: a repeated login keeps the last one, as in the plugin.
		$data['authors'][ $login ] = array(
			'author_id'           => (int) $w->author_id,
			'author_login'        => $login,
			'author_email'        => (string) $w->author_email,
			'author_display_name' => (string) $w->author_display_name,
			'author_first_name'   => (string) $w->author_first_name,
			'author_last_name'    => (string) $w->author_last_name,
		);
	}

	foreach ( $xml->xpath( '/rss/channel/wp:category' ) as $node ) {
		$w = $node->children( $ns_wp );
		$data['categories'][] = array(
			'term_id'              => (int) $w->term_id,
			'category_nicename'    => (string) $w->category_nicename,
			'category_parent'      => (string) $w->category_parent,
			'cat_name'             => (string) $w->cat_name,
			'category_description' => (string) $w->category_description,
			'termmeta'             => dl_wxr_meta_list( $w, 'termmeta' ),
		);
	}
	foreach ( $xml->xpath( '/rss/channel/wp:tag' ) as $node ) {
		$w = $node->children( $ns_wp );
		$data['tags'][] = array(
			'term_id'         => (int) $w->term_id,
			'tag_slug'        => (string) $w->tag_slug,
			'tag_name'        => (string) $w->tag_name,
			'tag_description' => (string) $w->tag_description,
			'termmeta'        => dl_wxr_meta_list( $w, 'termmeta' ),
		);
	}
	foreach ( $xml->xpath( '/rss/channel/wp:term' ) as $node ) {
		$w = $node->children( $ns_wp );
		$data['terms'][] = array(
			'term_id'          => (int) $w->term_id,
			'term_taxonomy'    => (string) $w->term_taxonomy,
			'slug'             => (string) $w->term_slug,
			'term_parent'      => (string) $w->term_parent,
			'term_name'        => (string) $w->term_name,
			'term_description' => (string) $w->term_description,
			'termmeta'         => dl_wxr_meta_list( $w, 'termmeta' ),
		);
	}

	foreach ( $xml->channel->item as $item ) {
		$w       = $item->children( $ns_wp );
		$dc      = $item->children( 'http://purl.org/dc/elements/1.1/' );
		$content = $item->children( 'http://purl.org/rss/1.0/modules/content/' );
		$excerpt = $item->children( $ns_excerpt );
		$p = array(
			'post_title'     => (string) $item->title,
			'guid'           => (string) $item->guid,
			'post_author'    => (string) $dc->creator,
			'post_content'   => (string) $content->encoded,
			'post_excerpt'   => (string) $excerpt->encoded,
			'post_id'        => (int) $w->post_id,
			'post_date'      => (string) $w->post_date,
			'post_date_gmt'  => (string) $w->post_date_gmt,
			'comment_status' => (string) $w->comment_status,
			'ping_status'    => (string) $w->ping_status,
			'post_name'      => (string) $w->post_name,
			'status'         => (string) $w->status,
			'post_parent'    => (int) $w->post_parent,
			'menu_order'     => (int) $w->menu_order,
			'post_type'      => (string) $w->post_type,
			'post_password'  => (string) $w->post_password,
			'is_sticky'      => (int) $w->is_sticky,
			'terms'          => array(),
			'postmeta'       => dl_wxr_meta_list( $w, 'postmeta' ),
			'comments'       => array(),
		);
		if ( isset( $w->attachment_url ) ) {
			$p['attachment_url'] = (string) $w->attachment_url;
		}
		foreach ( $item->category as $c ) {
			$attrs = $c->attributes();
			// <category> without a nicename attribute (plain RSS categories) is ignored.
			if ( isset( $attrs['nicename'] ) ) {
				$p['terms'][] = array( 'name' => (string) $c, 'slug' => (string) $attrs['nicename'], 'domain' => (string) $attrs['domain'] );
			}
		}
		foreach ( $w->comment as $c ) {
			$p['comments'][] = array(
				'comment_id'           => (int) $c->comment_id,
				'comment_author'       => (string) $c->comment_author,
				'comment_author_email' => (string) $c->comment_author_email,
				'comment_author_IP'    => (string) $c->comment_author_IP,
				'comment_author_url'   => (string) $c->comment_author_url,
				'comment_date'         => (string) $c->comment_date,
				'comment_date_gmt'     => (string) $c->comment_date_gmt,
				'comment_content'      => (string) $c->comment_content,
				'comment_approved'     => (string) $c->comment_approved,
				'comment_type'         => (string) $c->comment_type,
				'comment_parent'       => (string) $c->comment_parent,
				'comment_user_id'      => (int) $c->comment_user_id,
				'commentmeta'          => dl_wxr_meta_list( $c, 'commentmeta' ),
			);
		}
		$data['posts'][] = $p;
	}
	return $data;
}

// ------------------------------------------------------------------------------------------------
// Import
// ------------------------------------------------------------------------------------------------

function dl_term_id( $found ) {
	return is_array( $found ) ? (int) $found['term_id'] : (int) $found;
}

function dl_add_term_meta( array $term, $term_id ) {
	foreach ( $term['termmeta'] as $m ) {
		if ( '' === $m['key'] ) {
			continue;
		}
		add_term_meta( $term_id, wp_slash( $m['key'] ), wp_slash_strings_only( maybe_unserialize( $m['value'] ) ) );
	}
}

$started = microtime( true );
$data    = dl_wxr_parse( $wxr_file );

echo "== core-API import, not the WordPress Importer plugin ==\n";
echo 'file: ', basename( $wxr_file ), "\n";
printf( "wordpress: %s  php: %s  authors: %s  fetch_attachments: off\n", get_bloginfo( 'version' ), PHP_VERSION, $authors_mode );

if ( is_wp_error( $data ) ) {
	echo "-- importer messages --\n";
	echo 'Sorry, there has been an error. ', $data->get_error_message(), "\n";
	foreach ( (array) $data->get_error_data() as $d ) {
		echo "  $d\n";
	}
	if ( 'SimpleXML_parse_error' === $data->get_error_code() ) {
		echo "  (the plugin would go on with its lenient regex parser here; this check stops)\n";
	}
	echo "== result: not imported ==\n";
	exit( 1 );
}

$n_comments = 0;
foreach ( $data['posts'] as $p ) {
	$n_comments += count( $p['comments'] );
}
echo "-- parsed --\n";
printf( "wxr_version: %s\nbase_site_url: %s\nbase_blog_url: %s\n", $data['version'], $data['base_url'], $data['base_blog_url'] );
printf( "authors: %d  categories: %d  tags: %d  terms: %d  items: %d  comments: %d\n",
	count( $data['authors'] ), count( $data['categories'] ), count( $data['tags'] ), count( $data['terms'] ), count( $data['posts'] ), $n_comments );

if ( (float) $data['version'] > 1.2 ) {
	dl_say( sprintf( 'This WXR file (version %s) may not be supported by this version of the importer. Please consider updating.', $data['version'] ) );
}

wp_defer_term_counting( true );
wp_defer_comment_counting( true );

// --- authors --------------------------------------------------------------------------------------
$author_for_login = array(); // sanitized file login => local user id
$user_for_old_id  = array(); // file author_id => local user id
$me = (int) get_current_user_id();
$authors = $data['authors'];
if ( ! $authors ) {
	// No wp:author (WXR 1.0): the plugin collects the dc:creator logins instead.
	foreach ( $data['posts'] as $p ) {
		$login = sanitize_user( $p['post_author'], true );
		if ( '' === $login ) {
			dl_say( sprintf( 'Failed to import author %s. Their posts will be attributed to the current user.', $p['post_author'] ) );
			continue;
		}
		if ( ! isset( $authors[ $login ] ) ) {
			$authors[ $login ] = array( 'author_login' => $login, 'author_display_name' => $p['post_author'] );
		}
	}
}
if ( 'create' === $authors_mode ) {
	foreach ( $authors as $old_login => $a ) {
		$key    = sanitize_user( $old_login, true );
		$old_id = isset( $a['author_id'] ) ? (int) $a['author_id'] : 0;
		$uid    = new WP_Error( 'not_created', 'WXR 1.0 authors need a login typed in the form' );
		if ( '1.0' !== $data['version'] ) {
			$uid = wp_insert_user( array(
				'user_login'   => $old_login,
				'user_pass'    => wp_generate_password(),
				'user_email'   => isset( $a['author_email'] ) ? $a['author_email'] : '',
				'display_name' => $a['author_display_name'],
				'first_name'   => isset( $a['author_first_name'] ) ? $a['author_first_name'] : '',
				'last_name'    => isset( $a['author_last_name'] ) ? $a['author_last_name'] : '',
			) );
		}
		if ( is_wp_error( $uid ) ) {
			dl_say( sprintf( 'Failed to create new user for %s. Their posts will be attributed to the current user. %s', $a['author_display_name'], $uid->get_error_message() ) );
			$uid = $me;
		}
		$author_for_login[ $key ] = (int) $uid;
		if ( $old_id ) {
			$user_for_old_id[ $old_id ] = (int) $uid;
		}
	}
}

wp_suspend_cache_invalidation( true );

// --- categories, tags, terms ------------------------------------------------------------------------
foreach ( $data['categories'] as $cat ) {
	if ( term_exists( $cat['category_nicename'], 'category' ) ) {
		continue;
	}
	$parent = empty( $cat['category_parent'] ) ? 0 : (int) category_exists( $cat['category_parent'] );
	$r = wp_insert_category( array(
		'category_nicename'    => $cat['category_nicename'],
		'category_parent'      => $parent,
		'cat_name'             => wp_slash( $cat['cat_name'] ),
		'category_description' => wp_slash( $cat['category_description'] ),
	), true );
	if ( is_wp_error( $r ) || ! $r ) {
		dl_say( sprintf( 'Failed to import category %s: %s', $cat['category_nicename'], is_wp_error( $r ) ? $r->get_error_message() : 'unknown error' ) );
		continue;
	}
	dl_add_term_meta( $cat, $r );
}
foreach ( $data['tags'] as $tag ) {
	if ( term_exists( $tag['tag_slug'], 'post_tag' ) ) {
		continue;
	}
	$r = wp_insert_term( wp_slash( $tag['tag_name'] ), 'post_tag', array( 'slug' => $tag['tag_slug'], 'description' => wp_slash( $tag['tag_description'] ) ) );
	if ( is_wp_error( $r ) ) {
		dl_say( sprintf( 'Failed to import post tag %s: %s', $tag['tag_name'], $r->get_error_message() ) );
		continue;
	}
	dl_add_term_meta( $tag, $r['term_id'] );
}
foreach ( $data['terms'] as $term ) {
	if ( term_exists( $term['slug'], $term['term_taxonomy'] ) ) {
		continue;
	}
	$parent = empty( $term['term_parent'] ) ? 0 : dl_term_id( term_exists( $term['term_parent'], $term['term_taxonomy'] ) );
	$r = wp_insert_term( wp_slash( $term['term_name'] ), $term['term_taxonomy'], array(
		'slug'        => $term['slug'],
		'description' => wp_slash( $term['term_description'] ),
		'parent'      => $parent,
	) );
	if ( is_wp_error( $r ) ) {
		dl_say( sprintf( 'Failed to import %s %s: %s', $term['term_taxonomy'], $term['term_name'], $r->get_error_message() ) );
		continue;
	}
	dl_add_term_meta( $term, $r['term_id'] );
}

// --- posts --------------------------------------------------------------------------------------------
$skip_meta_keys = array( '_wp_attached_file', '_wp_attachment_metadata', '_edit_lock' );
$local_post     = array(); // file post_id => local post id
$orphans        = array(); // file post_id => file parent id
$featured       = array(); // local post id => _thumbnail_id value from the file
$post_source    = array(); // local post id => parsed item (for the summary's comparisons)
$comment_source = array(); // local comment id => parsed comment

foreach ( $data['posts'] as $p ) {
	$title = $p['post_title'];
	if ( ! post_type_exists( $p['post_type'] ) ) {
		dl_say( sprintf( 'Failed to import “%s”: Invalid post type %s', $title, $p['post_type'] ) );
		continue;
	}
	if ( $p['post_id'] && isset( $local_post[ $p['post_id'] ] ) ) {
		continue;
	}
	if ( 'auto-draft' === $p['status'] ) {
		continue;
	}
	if ( 'nav_menu_item' === $p['post_type'] ) {
		dl_say( sprintf( 'menu item “%s” not imported: nav menus are not covered by this core-API check', $title ) );
		continue;
	}
	$type_label = get_post_type_object( $p['post_type'] )->labels->singular_name;

	$existing = (int) post_exists( $title, '', $p['post_date'] );
	if ( $existing && get_post_type( $existing ) === $p['post_type'] ) {
		dl_say( sprintf( '%s “%s” already exists.', $type_label, $title ) );
		$post_id = $existing;
	} else {
		$parent = (int) $p['post_parent'];
		if ( $parent ) {
			if ( isset( $local_post[ $parent ] ) ) {
				$parent = $local_post[ $parent ];
			} else {
				$orphans[ $p['post_id'] ] = $parent;
				$parent = 0;
			}
		}
		$login  = sanitize_user( $p['post_author'], true );
		$author = isset( $author_for_login[ $login ] ) ? $author_for_login[ $login ] : $me;

		if ( 'attachment' === $p['post_type'] ) {
			// With fetch_attachments off the plugin refuses every attachment before doing anything else.
			dl_say( sprintf( 'Failed to import %s “%s”: Fetching attachments is not enabled', $type_label, $title ) );
			continue;
		}
		$post_id = wp_insert_post( wp_slash( array(
			'import_id'      => $p['post_id'],
			'post_author'    => $author,
			'post_date'      => $p['post_date'],
			'post_date_gmt'  => $p['post_date_gmt'],
			'post_content'   => $p['post_content'],
			'post_excerpt'   => $p['post_excerpt'],
			'post_title'     => $title,
			'post_status'    => $p['status'],
			'post_name'      => $p['post_name'],
			'comment_status' => $p['comment_status'],
			'ping_status'    => $p['ping_status'],
			'guid'           => $p['guid'],
			'post_parent'    => $parent,
			'menu_order'     => $p['menu_order'],
			'post_type'      => $p['post_type'],
			'post_password'  => $p['post_password'],
		) ), true );
		if ( is_wp_error( $post_id ) ) {
			dl_say( sprintf( 'Failed to import %s “%s”: %s', $type_label, $title, $post_id->get_error_message() ) );
			continue;
		}
		if ( 1 === $p['is_sticky'] ) {
			stick_post( $post_id );
		}
	}
	$local_post[ $p['post_id'] ] = (int) $post_id;
	$post_source[ (int) $post_id ] = $p;

	// Terms named on the item; ones the site lacks are created from the item's name and slug.
	$by_tax = array();
	foreach ( $p['terms'] as $t ) {
		$tax   = 'tag' === $t['domain'] ? 'post_tag' : $t['domain'];
		$found = dl_term_id( term_exists( $t['slug'], $tax ) );
		if ( ! $found ) {
			$r = wp_insert_term( $t['name'], $tax, array( 'slug' => $t['slug'] ) );
			if ( is_wp_error( $r ) ) {
				dl_say( sprintf( 'Failed to import %s %s: %s', $tax, $t['name'], $r->get_error_message() ) );
				continue;
			}
			$found = (int) $r['term_id'];
		}
		$by_tax[ $tax ][] = $found;
	}
	foreach ( $by_tax as $tax => $ids ) {
		wp_set_post_terms( $post_id, $ids, $tax );
	}

	// Comments, in file-id order; parents remapped only when already inserted.
	$queue = array();
	foreach ( $p['comments'] as $c ) {
		$row = array(
			'comment_post_ID'      => $post_id,
			'comment_author'       => $c['comment_author'],
			'comment_author_email' => $c['comment_author_email'],
			'comment_author_IP'    => $c['comment_author_IP'],
			'comment_author_url'   => $c['comment_author_url'],
			'comment_date'         => $c['comment_date'],
			'comment_date_gmt'     => $c['comment_date_gmt'],
			'comment_content'      => $c['comment_content'],
			'comment_approved'     => $c['comment_approved'],
			'comment_type'         => $c['comment_type'],
			'comment_parent'       => $c['comment_parent'],
		);
		if ( isset( $user_for_old_id[ $c['comment_user_id'] ] ) ) {
			$row['user_id'] = $user_for_old_id[ $c['comment_user_id'] ];
		}
		$queue[ $c['comment_id'] ] = array( $row, $c['commentmeta'], $c );
	}
	ksort( $queue );
	$inserted = array();
	foreach ( $queue as $old_cid => $pair ) {
		list( $row, $cmeta, $source ) = $pair;
		if ( $existing && comment_exists( $row['comment_author'], $row['comment_date'] ) ) {
			continue;
		}
		if ( isset( $inserted[ $row['comment_parent'] ] ) ) {
			$row['comment_parent'] = $inserted[ $row['comment_parent'] ];
		}
		$cid = wp_insert_comment( wp_filter_comment( wp_slash( $row ) ) );
		if ( ! $cid ) {
			dl_say( sprintf( 'comment %d by %s on “%s” was not inserted', $old_cid, $row['comment_author'], $title ) );
			continue;
		}
		$inserted[ $old_cid ] = $cid;
		$comment_source[ (int) $cid ] = $source;
		foreach ( $cmeta as $m ) {
			add_comment_meta( $cid, wp_slash( $m['key'] ), wp_slash_strings_only( maybe_unserialize( $m['value'] ) ) );
		}
	}

	// Post meta.
	foreach ( $p['postmeta'] as $m ) {
		$key = $m['key'];
		if ( in_array( $key, $skip_meta_keys, true ) || '' === $key ) {
			continue;
		}
		$value = maybe_unserialize( $m['value'] );
		if ( '_edit_last' === $key ) {
			if ( ! isset( $user_for_old_id[ (int) $m['value'] ] ) ) {
				continue;
			}
			$value = $user_for_old_id[ (int) $m['value'] ];
		}
		add_post_meta( $post_id, wp_slash( $key ), wp_slash_strings_only( $value ) );
		if ( '_thumbnail_id' === $key ) {
			$featured[ $post_id ] = (int) $value;
		}
	}
}

wp_suspend_cache_invalidation( false );

// Parents that came later in the file than their children.
global $wpdb;
foreach ( $orphans as $child => $parent ) {
	if ( isset( $local_post[ $child ], $local_post[ $parent ] ) ) {
		$wpdb->update( $wpdb->posts, array( 'post_parent' => $local_post[ $parent ] ), array( 'ID' => $local_post[ $child ] ), '%d', '%d' );
		clean_post_cache( $local_post[ $child ] );
	}
}
// Featured images whose attachment got a different id.
foreach ( $featured as $post_id => $old ) {
	if ( isset( $local_post[ $old ] ) && $local_post[ $old ] !== $old ) {
		update_post_meta( $post_id, '_thumbnail_id', $local_post[ $old ] );
	}
}

wp_cache_flush();
foreach ( get_taxonomies() as $tax ) {
	delete_option( "{$tax}_children" );
	_get_term_hierarchy( $tax );
}
wp_defer_term_counting( false );
wp_defer_comment_counting( false );
dl_say( 'All done.' );
restore_error_handler();
$elapsed = microtime( true ) - $started;

// ------------------------------------------------------------------------------------------------
// Summary: read back from the database.
// ------------------------------------------------------------------------------------------------
echo "-- importer messages --\n";
foreach ( $messages as $m ) {
	echo $m, "\n";
}

echo "-- result --\n";
$users = get_users( array( 'orderby' => 'ID', 'order' => 'ASC' ) );
printf( "users: %d\n", count( $users ) );
foreach ( $users as $u ) {
	printf( "  %d %s | %s | %s | first=%s last=%s | %s\n", $u->ID, $u->user_login, $u->display_name, $u->user_email,
		get_user_meta( $u->ID, 'first_name', true ), get_user_meta( $u->ID, 'last_name', true ), implode( ',', $u->roles ) );
}

echo "posts by post_type/post_status:\n";
foreach ( $wpdb->get_results( "SELECT post_type, post_status, COUNT(*) n FROM {$wpdb->posts} GROUP BY post_type, post_status ORDER BY post_type, post_status" ) as $r ) {
	printf( "  %s/%s %d\n", $r->post_type, $r->post_status, $r->n );
}
echo "comments by comment_approved/comment_type:\n";
$n_rows = 0;
foreach ( $wpdb->get_results( "SELECT comment_approved, comment_type, COUNT(*) n FROM {$wpdb->comments} GROUP BY comment_approved, comment_type ORDER BY comment_approved, comment_type" ) as $r ) {
	printf( "  %s/%s %d\n", $r->comment_approved, $r->comment_type, $r->n );
	$n_rows += $r->n;
}
printf( "  total %d\n", $n_rows );

function dl_json( $text ) {
	return json_encode( $text, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES );
}

function dl_term_line( $t ) {
	$s = sprintf( '%s [%s] count=%d', $t->name, $t->slug, $t->count );
	if ( $t->parent ) {
		$s .= ' parent=' . get_term( $t->parent )->slug;
	}
	if ( '' !== $t->description ) {
		$s .= ' description=' . dl_json( $t->description );
	}
	return $s;
}
foreach ( array( 'category' => 'categories', 'post_tag' => 'tags' ) as $tax => $label ) {
	$terms = get_terms( array( 'taxonomy' => $tax, 'hide_empty' => false, 'orderby' => 'slug', 'order' => 'ASC' ) );
	printf( "%s: %d\n", $label, count( $terms ) );
	foreach ( $terms as $t ) {
		echo '  ', dl_term_line( $t ), "\n";
	}
}
$other = $wpdb->get_results( "SELECT taxonomy, COUNT(*) n FROM {$wpdb->term_taxonomy} WHERE taxonomy NOT IN ('category','post_tag') GROUP BY taxonomy ORDER BY taxonomy" );
foreach ( $other as $r ) {
	printf( "other taxonomy %s: %d\n", $r->taxonomy, $r->n );
}

echo "posts:\n";
$sticky = array_map( 'intval', (array) get_option( 'sticky_posts', array() ) );
foreach ( $wpdb->get_col( "SELECT ID FROM {$wpdb->posts} ORDER BY ID" ) as $id ) {
	$p = get_post( $id );
	$names = function ( $tax ) use ( $id ) {
		$t = wp_get_object_terms( $id, $tax, array( 'orderby' => 'name', 'fields' => 'names' ) );
		return is_wp_error( $t ) ? '?' : implode( ', ', $t );
	};
	$src = isset( $post_source[ (int) $id ] ) ? $post_source[ (int) $id ] : null;
	printf( "  post %d (%s)%s\n", $id, $p->post_type, $src ? ( (int) $src['post_id'] === (int) $id ? '' : " (file post_id {$src['post_id']})" ) : ' (not from the file)' );
	printf( "    title:         %s\n", $p->post_title );
	printf( "    post_name:     %s\n", $p->post_name );
	printf( "    status:        %s%s\n", $p->post_status, in_array( (int) $id, $sticky, true ) ? ' (sticky)' : '' );
	printf( "    author:        %s\n", $p->post_author ? get_userdata( $p->post_author )->user_login : '(none)' );
	printf( "    post_date:     %s\n", $p->post_date );
	printf( "    post_date_gmt: %s\n", $p->post_date_gmt );
	if ( $p->post_parent || 'page' === $p->post_type ) {
		printf( "    post_parent:   %d  menu_order: %d\n", $p->post_parent, $p->menu_order );
	}
	if ( $src ) {
		// What WordPress stored, compared with what the file said (WordPress may rewrite some).
		$same = array();
		$diff = array();
		foreach ( array( 'post_title' => 'title', 'post_content' => 'content', 'post_excerpt' => 'excerpt' ) as $f => $label ) {
			if ( $p->$f === $src[ $f ] ) {
				$same[] = $label;
			} else {
				$diff[] = sprintf( '%s (file %d bytes, site %d)', $label, strlen( $src[ $f ] ), strlen( $p->$f ) );
			}
		}
		printf( "    as in file:    %s%s\n", $same ? implode( ', ', $same ) : '-', $diff ? '; DIFFERS: ' . implode( ', ', $diff ) : '' );
	}
	printf( "    comment_count: %d\n", $p->comment_count );
	if ( is_object_in_taxonomy( $p->post_type, 'category' ) ) {
		printf( "    categories:    %s\n", $names( 'category' ) );
	}
	if ( is_object_in_taxonomy( $p->post_type, 'post_tag' ) ) {
		printf( "    tags:          %s\n", $names( 'post_tag' ) );
	}
	$thumb = get_post_meta( $id, '_thumbnail_id', true );
	if ( '' !== $thumb ) {
		$target = get_post( (int) $thumb );
		printf( "    _thumbnail_id: %s%s\n", $thumb, $target ? " ({$target->post_type})" : ' (no such post on the site)' );
	}
	$keys = $wpdb->get_col( $wpdb->prepare( "SELECT meta_key FROM {$wpdb->postmeta} WHERE post_id = %d ORDER BY meta_key", $id ) );
	if ( $keys ) {
		printf( "    meta keys:     %s\n", implode( ', ', $keys ) );
	}
	$rows = $wpdb->get_results( $wpdb->prepare( "SELECT comment_ID, comment_parent, comment_type, comment_approved, comment_author, comment_content, user_id FROM {$wpdb->comments} WHERE comment_post_ID = %d ORDER BY comment_ID", $id ) );
	foreach ( $rows as $c ) {
		$pinfo = '0';
		if ( $c->comment_parent ) {
			$pc    = get_comment( $c->comment_parent );
			$pinfo = $c->comment_parent . ( $pc && (int) $pc->comment_post_ID === (int) $id ? '' : ' (not a comment on this post)' );
		}
		$csrc = isset( $comment_source[ (int) $c->comment_ID ] ) ? $comment_source[ (int) $c->comment_ID ] : null;
		$note = '';
		if ( ! $csrc ) {
			$note = ' [not from the file]';
		} else {
			$changed = array();
			if ( $c->comment_author !== $csrc['comment_author'] ) {
				$changed[] = 'author';
			}
			if ( $c->comment_content !== $csrc['comment_content'] ) {
				$changed[] = 'content';
			}
			$note = $changed ? ' [' . implode( ', ', $changed ) . ' DIFFERS from the file]' : '';
		}
		printf( "    comment %d%s parent=%s %s/%s user=%d %s%s\n", $c->comment_ID, $csrc ? " (file {$csrc['comment_id']})" : '', $pinfo,
			$c->comment_approved, $c->comment_type, $c->user_id, $c->comment_author, $note );
		if ( $csrc && $note ) {
			foreach ( array( 'comment_author', 'comment_content' ) as $f ) {
				if ( $c->$f !== $csrc[ $f ] ) {
					printf( "      %s in file: %s\n      %s on site: %s\n", $f, dl_json( $csrc[ $f ] ), $f, dl_json( $c->$f ) );
				}
			}
		}
	}
}
echo "== done ==\n";
// Timing goes to stderr so that stdout is the same from one run to the next.
fprintf( STDERR, "[import-check] import itself took %.2f s\n", $elapsed );

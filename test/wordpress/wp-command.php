<?php
/**
 * One command against the test site, run with PHP's command line by wordpress-site.mjs:
 * `php wp-command.php <action>` with the input as JSON on stdin, the answer as JSON on stdout.
 * It loads WordPress the way a request to the site does (Debian's wp-config.php picks the
 * site's configuration by name), so every filter of the real site applies.
 *
 *   install    {locale}              install the site, one user per role (password "password")
 *   plugin     {zip}                 unpack the plugin zip as WordPress's uploader does, activate it
 *   post       {user, title, content, status?}
 *                                    save a post as that user, through that user's kses filters
 *   publish    {id}                  an Editor publishes a pending post
 *   locale     {locale}              set the site language (en_US: WordPress's untouched default)
 *   shortcode  {user?, content}      what do_shortcode() makes of content, for that user or a visitor
 *   embed-cache {id}                 the post's oEmbed cache: every `_oembed_*` post meta, by key
 */

$test_action = $argv[1] ?? '';
$test_input  = json_decode( stream_get_contents( STDIN ), true ) ?? array();

$_SERVER['HTTP_HOST']        = getenv( 'OPEN_LETTER_TEST_HOST' );
$_SERVER['WORDPRESS_CONFIG'] = getenv( 'OPEN_LETTER_TEST_SITE' );
$_SERVER['REQUEST_URI']      = '/';
$_SERVER['SERVER_PROTOCOL']  = 'HTTP/1.1';
if ( 'install' === $test_action ) {
	define( 'WP_INSTALLING', true );
}
require '/usr/share/wordpress/wp-load.php';

/** Logs in as $login for this command, so capabilities and kses are that user's. */
function act_as( $login ) {
	$user = $login ? get_user_by( 'login', $login ) : null;
	wp_set_current_user( $user ? $user->ID : 0 );
	kses_init();
}

switch ( $test_action ) {
	case 'install':
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		add_filter( 'pre_wp_mail', '__return_false' ); // no "your new site" mail: there is no mailer
		$result = wp_install( 'Open letter test', 'admin', 'admin@example.org', true, '', 'password', $test_input['locale'] );
		$users  = array( 'admin' => $result['user_id'] );
		foreach ( array( 'editor', 'author', 'contributor' ) as $role ) {
			$users[ $role ] = wp_insert_user(
				array(
					'user_login' => $role,
					'user_pass'  => 'password',
					'user_email' => "$role@example.org",
					'role'       => $role,
				)
			);
		}
		$test_answer = array(
			'version' => get_bloginfo( 'version' ),
			'locale'  => get_locale(),
			'users'   => $users,
		);
		break;

	case 'plugin':
		require_once ABSPATH . 'wp-admin/includes/file.php';
		require_once ABSPATH . 'wp-admin/includes/plugin.php';
		act_as( 'admin' );
		WP_Filesystem();
		$unzipped  = unzip_file( $test_input['zip'], WP_PLUGIN_DIR );
		$activated = is_wp_error( $unzipped ) ? $unzipped : activate_plugin( 'open-letter/open-letter.php' );
		$test_answer    = array(
			'error'   => is_wp_error( $activated ) ? $activated->get_error_message() : null,
			'active'  => is_plugin_active( 'open-letter/open-letter.php' ),
			'plugins' => array_keys( get_plugins() ),
			'header'  => get_plugin_data( WP_PLUGIN_DIR . '/open-letter/open-letter.php', false, false ),
		);
		break;

	case 'post':
		act_as( $test_input['user'] );
		$id = wp_insert_post(
			wp_slash(
				array(
					'post_title'   => $test_input['title'],
					'post_content' => $test_input['content'],
					'post_status'  => $test_input['status'] ?? 'publish',
					'post_author'  => get_current_user_id(),
				)
			),
			true
		);
		if ( is_wp_error( $id ) ) {
			fwrite( STDERR, $id->get_error_message() . "\n" );
			exit( 1 );
		}
		$test_answer = array(
			'id'      => $id,
			'url'     => get_permalink( $id ),
			'content' => get_post_field( 'post_content', $id, 'raw' ),
		);
		break;

	case 'publish':
		act_as( 'editor' );
		wp_update_post( wp_slash( array( 'ID' => $test_input['id'], 'post_status' => 'publish' ) ) );
		$test_answer = array(
			'status' => get_post_status( $test_input['id'] ),
			'url'    => get_permalink( $test_input['id'] ),
		);
		break;

	case 'locale':
		update_option( 'WPLANG', 'en_US' === $test_input['locale'] ? '' : $test_input['locale'] );
		$test_answer = array( 'locale' => get_option( 'WPLANG' ) );
		break;

	case 'shortcode':
		act_as( $test_input['user'] ?? null );
		$test_answer = array( 'html' => do_shortcode( $test_input['content'] ) );
		break;

	case 'embed-cache':
		$test_answer = array();
		foreach ( get_post_meta( $test_input['id'] ) as $key => $values ) {
			if ( str_starts_with( $key, '_oembed_' ) ) {
				$test_answer[ $key ] = $values[0];
			}
		}
		break;

	default:
		fwrite( STDERR, "Unknown action: $test_action\n" );
		exit( 2 );
}

echo wp_json_encode( $test_answer );

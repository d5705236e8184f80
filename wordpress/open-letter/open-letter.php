<?php
/**
 * Plugin Name:       Open Letter
 * Description:       Shows a campaign's open letter — text, demands, signatories, sources — with the [open-letter] shortcode. The block's script is served by this site: no third party, no CDN.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            open-letter contributors
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       open-letter
 *
 * @package OpenLetter
 */

defined( 'ABSPATH' ) || exit;

const OPEN_LETTER_VERSION = '0.1.0';

/** The element's attributes that take a value; flags are handled apart. */
const OPEN_LETTER_VALUE_ATTRIBUTES = array( 'src', 'lang', 'highlight', 'heading-level', 'referrerpolicy' );

/** Boolean attributes: written bare (`[open-letter … hide-language-switch]`) or as ="true"/"false". */
const OPEN_LETTER_FLAGS = array( 'hide-language-switch', 'links-in-new-tab' );

/** The values HTML allows in `referrerpolicy`. */
const OPEN_LETTER_REFERRER_POLICIES = array(
	'no-referrer',
	'no-referrer-when-downgrade',
	'origin',
	'origin-when-cross-origin',
	'same-origin',
	'strict-origin',
	'strict-origin-when-cross-origin',
	'unsafe-url',
);

add_action( 'init', 'open_letter_register' );
add_action( 'wp_enqueue_scripts', 'open_letter_enqueue_style_in_head' );
add_filter( 'script_loader_tag', 'open_letter_module_script_tag', 10, 2 );

/**
 * Registers the shortcode, the bundled script and (when the build has one) the stylesheet.
 * Both are versioned by the plugin version, so an update reaches every visitor's cache.
 */
function open_letter_register() {
	wp_register_script( 'open-letter', plugins_url( 'open-letter.js', __FILE__ ), array(), OPEN_LETTER_VERSION, true );
	if ( file_exists( __DIR__ . '/open-letter.css' ) ) {
		wp_register_style( 'open-letter', plugins_url( 'open-letter.css', __FILE__ ), array(), OPEN_LETTER_VERSION );
	}
	add_shortcode( 'open-letter', 'open_letter_shortcode' );
}

/**
 * On a single post or page that uses the shortcode, puts the stylesheet in the head, so the
 * fallback content is styled from the first paint. The shortcode enqueues it too, for
 * widgets and archives (WordPress then prints it in the footer).
 */
function open_letter_enqueue_style_in_head() {
	if ( is_singular() && has_shortcode( (string) get_post_field( 'post_content', get_queried_object_id() ), 'open-letter' ) ) {
		wp_enqueue_style( 'open-letter' );
	}
}

/**
 * The block is an ES module: WordPress 6.1 has no wp_enqueue_script_module() (6.5 has), so the
 * tag gets type="module" here, replacing the type="text/javascript" of themes without HTML5 support.
 *
 * @param string $tag    The script tag WordPress prints.
 * @param string $handle Its handle.
 * @return string
 */
function open_letter_module_script_tag( $tag, $handle ) {
	if ( 'open-letter' !== $handle ) {
		return $tag;
	}
	$tag = preg_replace( '/\s+type=([\'"])text\/javascript\1/', '', $tag );
	return preg_replace( '/<script(?=[^>]*\ssrc=)/', '<script type="module"', $tag, 1 );
}

/**
 * [open-letter src="…" lang="nl" highlight="…" heading-level="2" hide-language-switch
 * links-in-new-tab referrerpolicy="…"]fallback content[/open-letter]
 *
 * @param array|string $atts    The attributes as WordPress parsed them; bare words come as numbered values.
 * @param string|null  $content The enclosed fallback content.
 * @return string One line, so wpautop leaves it alone.
 */
function open_letter_shortcode( $atts, $content = null ) {
	$hints      = array();
	$attributes = open_letter_attributes( is_array( $atts ) ? $atts : array(), $hints );
	$fallback   = wp_kses_post( (string) $content );

	if ( ! isset( $attributes['src'] ) ) {
		return open_letter_embed( $fallback, $hints );
	}
	wp_enqueue_script( 'open-letter' );
	wp_enqueue_style( 'open-letter' );

	$html = '';
	foreach ( $attributes as $name => $value ) {
		$html .= true === $value ? ' ' . $name : sprintf( ' %s="%s"', $name, $value );
	}
	return open_letter_embed( '<open-letter' . $html . '>' . $fallback . '</open-letter>', $hints );
}

/**
 * Checks the shortcode's attributes and returns the element's, each value escaped. A bad or
 * unknown value is left out (the element's default applies) and explained in $hints.
 *
 * @param array $atts  The shortcode's attributes.
 * @param array $hints Receives a sentence for editors per problem.
 * @return array Attribute name => escaped value, or true for a flag.
 */
function open_letter_attributes( array $atts, array &$hints ) {
	$attributes = array();
	$flags      = array();
	foreach ( $atts as $key => $value ) {
		$name = is_int( $key ) ? strtolower( $value ) : $key;
		if ( in_array( $name, OPEN_LETTER_FLAGS, true ) ) {
			$flag = is_int( $key ) ? 'true' : strtolower( trim( $value ) );
			if ( in_array( $flag, array( 'true', '1', 'yes', '' ), true ) ) {
				$flags[ $name ] = true;
			} elseif ( ! in_array( $flag, array( 'false', '0', 'no' ), true ) ) {
				/* translators: 1: attribute name, 2: the value given. */
				$hints[] = sprintf( __( '%1$s="%2$s" is neither true nor false; it is left off.', 'open-letter' ), $name, $value );
			}
		} elseif ( is_int( $key ) || ! in_array( $name, OPEN_LETTER_VALUE_ATTRIBUTES, true ) ) {
			/* translators: %s: what was written in the shortcode. */
			$hints[] = sprintf( __( 'Unknown attribute %s is ignored.', 'open-letter' ), $name );
		}
	}

	$src = trim( (string) ( $atts['src'] ?? '' ) );
	if ( '' === $src ) {
		$hints[] = __( 'src is missing: add the address of the campaign JSON, e.g. src="https://example.org/campaign.json". Only the fallback content shows.', 'open-letter' );
	} elseif ( '/' !== $src[0] && ! in_array( strtolower( (string) wp_parse_url( $src, PHP_URL_SCHEME ) ), array( 'http', 'https' ), true ) ) {
		/* translators: %s: the src given. */
		$hints[] = sprintf( __( 'src="%s" is not an http(s) address nor a path on this site (starting with /). Only the fallback content shows.', 'open-letter' ), $src );
	} else {
		$attributes['src'] = esc_url( $src, array( 'http', 'https' ) );
	}

	$lang = str_replace( '_', '-', strtolower( trim( (string) ( $atts['lang'] ?? '' ) ) ) );
	if ( preg_match( '/^(nl|en)(-[a-z0-9]{1,8})*$/', $lang ) ) {
		$attributes['lang'] = esc_attr( $lang );
	} else {
		if ( '' !== $lang ) {
			/* translators: %s: the lang given. */
			$hints[] = sprintf( __( 'lang="%s" is not nl or en; the site\'s language decides.', 'open-letter' ), $lang );
		}
		$site_language = open_letter_site_language( $hints );
		if ( '' !== $site_language ) {
			$attributes['lang'] = $site_language;
		}
	}

	if ( isset( $atts['highlight'] ) && '' !== trim( $atts['highlight'] ) ) {
		$attributes['highlight'] = esc_attr( trim( $atts['highlight'] ) );
	}

	if ( isset( $atts['heading-level'] ) ) {
		$level = trim( $atts['heading-level'] );
		if ( preg_match( '/^[1-6]$/', $level ) ) {
			$attributes['heading-level'] = $level;
		} else {
			/* translators: %s: the heading-level given. */
			$hints[] = sprintf( __( 'heading-level="%s" is not 1 to 6; the title is a level 2 heading.', 'open-letter' ), $atts['heading-level'] );
		}
	}

	if ( isset( $atts['referrerpolicy'] ) ) {
		$policy = strtolower( trim( $atts['referrerpolicy'] ) );
		if ( in_array( $policy, OPEN_LETTER_REFERRER_POLICIES, true ) ) {
			$attributes['referrerpolicy'] = $policy;
		} else {
			/* translators: %s: the referrerpolicy given. */
			$hints[] = sprintf( __( 'referrerpolicy="%s" is not a referrer policy (e.g. no-referrer); the page\'s policy applies.', 'open-letter' ), $atts['referrerpolicy'] );
		}
	}

	return $attributes + $flags;
}

/**
 * The block's language when the shortcode names none. A Dutch party's site left on WordPress's
 * untouched default locale (en_US) would otherwise get an English letter; a site set to Dutch
 * or to another English (en_GB…) was set so on purpose. Other languages: the element decides
 * (the reader's browser languages, then the campaign's own language).
 *
 * @param array $hints Receives a sentence for editors when the default locale decided.
 * @return string 'nl', 'en' or '' (no lang attribute).
 */
function open_letter_site_language( array &$hints ) {
	$locale = get_locale();
	if ( 'en_US' === $locale ) {
		$hints[] = __( 'This site uses WordPress\'s default language, English (United States), so the letter is shown in Dutch. Add lang="en" to show it in English, or lang="nl" to keep Dutch and hide this note.', 'open-letter' );
		return 'nl';
	}
	$language = strtolower( strtok( $locale, '_' ) );
	return in_array( $language, array( 'nl', 'en' ), true ) ? $language : '';
}

/**
 * Wraps the block in one line of its own, adding the hints for those who can edit posts,
 * in previews too (visitors never see them).
 *
 * @param string $html  The element, or only the fallback content.
 * @param array  $hints Sentences for editors.
 * @return string
 */
function open_letter_embed( $html, array $hints ) {
	if ( $hints && current_user_can( 'edit_posts' ) ) {
		$html .= '<p class="open-letter-embed__hint"><strong>open-letter:</strong> ' . esc_html( implode( ' ', $hints ) ) . '</p>';
	}
	return '<div class="open-letter-embed">' . str_replace( array( "\r\n", "\n", "\r" ), ' ', $html ) . '</div>';
}

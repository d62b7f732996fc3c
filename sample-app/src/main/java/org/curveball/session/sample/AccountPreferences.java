package org.curveball.session.sample;

/**
 * What a signed-in user chose, kept in the session as a typed object (allowed by
 * {@code curveball.session.redis.attribute-types.allowed-packages}).
 *
 * @param theme the page's colour theme
 */
public record AccountPreferences(String theme) {

	static final AccountPreferences DEFAULT = new AccountPreferences("light");

}

package org.curveball.session.sample;

import java.util.List;

/**
 * What a signed-in user chose, kept in the {@code HttpSession} as a typed object (allowed
 * by {@code curveball.session.redis.attribute-types.allowed-packages}).
 *
 * @param theme the page's colour theme, one of {@link #THEMES}
 */
public record AccountPreferences(String theme) {

	/**
	 * The themes the account page offers.
	 */
	static final List<String> THEMES = List.of("light", "dark");

	static final AccountPreferences DEFAULT = new AccountPreferences("light");

}

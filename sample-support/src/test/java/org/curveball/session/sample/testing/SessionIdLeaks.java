package org.curveball.session.sample.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that text a user or an operator can read (a response body, the log) names no
 * session id in clear: neither as the id itself nor percent-encoded as it travels in the
 * cookie.
 */
public final class SessionIdLeaks {

	private SessionIdLeaks() {
	}

	/**
	 * Fail if the text holds any of the ids in any form in which an id could be copied
	 * from it.
	 * @param what what the text is, for the failure message
	 * @param text the text
	 * @param ids the session ids
	 */
	public static void assertNoSessionId(String what, String text, Collection<String> ids) {
		assertThat(ids).as("session ids to look for").isNotEmpty();
		for (String id : ids) {
			for (String form : forms(id)) {
				assertThat(text).as("%s must not hold a session id", what).doesNotContain(form);
			}
		}
	}

	private static Set<String> forms(String id) {
		Set<String> forms = new LinkedHashSet<>();
		forms.add(id);
		forms.add(SetCookie.encodeURIComponent(id));
		forms.add(URLEncoder.encode(id, StandardCharsets.UTF_8));
		// Without its padding, the part that identifies the session
		forms.add(id.substring(0, id.length() - 1));
		return forms;
	}

}

package org.curveball.session.sample;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.curveball.session.principal.PrincipalSession;

/**
 * A row of the account page's list of the places the user is signed in.
 *
 * @param current whether it is this browser's session
 * @param device what the browser said it is when it signed in
 * @param signedIn when it signed in, in UTC
 * @param lastActive how long ago a request last used it
 */
record SignedInSession(boolean current, String device, String signedIn, String lastActive) {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	static SignedInSession of(PrincipalSession session, Instant now) {
		String device = (session.device() != null) ? session.device() : "a browser that did not say";
		return new SignedInSession(session.current(), device, TIME.format(session.signedIn()),
				ago(Duration.between(session.lastAccessed(), now)));
	}

	private static String ago(Duration elapsed) {
		if (elapsed.toMinutes() < 1) {
			return "just now";
		}
		if (elapsed.toHours() < 1) {
			return elapsed.toMinutes() + " min ago";
		}
		return elapsed.toHours() + " h ago";
	}

}

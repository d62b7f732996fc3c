package org.curveball.session.sample;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.SessionManagementConfigurer;

/**
 * How many sessions a user of the sample may have at once: Spring Security's
 * concurrent-session control, which holds across instances because the starter backs its
 * session registry with the index of each user's sessions in Redis. No limit by default.
 *
 * @param maximumSessions how many sessions a user may have, or {@code null} for no limit
 * @param maxSessionsPreventsLogin whether a sign-in over the limit is refused, rather
 * than ending the user's least recently used session
 */
@ConfigurationProperties("sample.security")
record SampleSessionLimit(@Nullable Integer maximumSessions, boolean maxSessionsPreventsLogin) {

	/**
	 * The page a session ended by a newer sign-in is sent to on its next request.
	 */
	static final String EXPIRED_URL = "/login?expired";

	void applyTo(SessionManagementConfigurer<HttpSecurity> sessions) {
		if (this.maximumSessions != null) {
			sessions.maximumSessions(this.maximumSessions)
				.maxSessionsPreventsLogin(this.maxSessionsPreventsLogin)
				.expiredUrl(EXPIRED_URL);
		}
	}

}

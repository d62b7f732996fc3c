package org.curveball.session.sample;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

/**
 * How the sample's pages name a session without showing its id: the first eight hex
 * digits of the SHA-256 of the id.
 * <p>
 * The hash has no salt, unlike the starter's log fingerprint
 * ({@code SessionIds.fingerprint}, salted per process), so that every instance shows the
 * same fingerprint for the same session: that is how the pages show that two instances
 * serve one session. A salt adds nothing against reversing it either: an id is 32 random
 * bytes, far too many to try.
 */
final class SessionFingerprint {

	private SessionFingerprint() {
	}

	/**
	 * Return the fingerprint of an id.
	 * @param id the session id
	 * @return eight hex digits
	 */
	static String of(String id) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 4);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

	/**
	 * Return the fingerprint of the request's session, without reading it from Redis when
	 * the request has not used it yet: {@link HttpSession#getId()} is then the id its
	 * cookie names.
	 * @param request the request
	 * @return the fingerprint, or {@code null} if the request has no session
	 */
	static @Nullable String of(HttpServletRequest request) {
		String id = idOf(request);
		return (id != null) ? of(id) : null;
	}

	/**
	 * Return the id of the request's session, without reading the session.
	 * @param request the request
	 * @return the id, or {@code null} if the request has no session
	 * @see #of(HttpServletRequest)
	 */
	static @Nullable String idOf(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return (session != null) ? session.getId() : null;
	}

}

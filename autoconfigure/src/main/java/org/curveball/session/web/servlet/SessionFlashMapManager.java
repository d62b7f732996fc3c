package org.curveball.session.web.servlet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.curveball.session.Session;
import org.curveball.session.web.SessionCookieSettings;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.AbstractFlashMapManager;

/**
 * Keeps Spring MVC's flash attributes in the request's Curveball {@link Session}, and
 * reads the session for them only when the browser sends the marker cookie set with them,
 * so that the requests of a browser without pending flash attributes cost no Redis
 * command.
 * <p>
 * The flash maps are stored under {@value #SESSION_KEY} as a JSON array of objects with
 * the target {@code path}, the target {@code params}, the {@code expires} time in
 * milliseconds since the epoch, and the {@code attributes}. Attribute values are stored
 * as JSON like every session value: strings, numbers, booleans, lists and maps come back
 * as they were put, any other object comes back as a map of its JSON properties.
 * <p>
 * The marker cookie is named after the session cookie with {@code -flash} appended
 * ({@code CB-flash} by default), has its {@code Path}, {@code Domain}, {@code Secure} and
 * {@code SameSite}, is {@code HttpOnly}, and lives as long as the flash attributes: it is
 * set with a {@code Max-Age} of the flash map timeout when attributes are saved, and
 * cleared once none is left.
 */
public class SessionFlashMapManager extends AbstractFlashMapManager {

	/**
	 * The session key that holds the flash maps. The {@code __} prefix marks it as the
	 * starter's own, as {@code __created} is, apart from the keys an application (Java or
	 * Curveball) chooses.
	 */
	public static final String SESSION_KEY = "__flash";

	private final FlashMarkerCookie marker;

	/**
	 * Create a manager.
	 * @param cookie the session cookie's attributes, which the marker cookie takes
	 */
	public SessionFlashMapManager(SessionCookieSettings cookie) {
		this.marker = new FlashMarkerCookie(cookie);
	}

	/**
	 * Return the name of the cookie that marks a browser whose session holds flash
	 * attributes.
	 * @return the marker cookie's name
	 */
	public String getMarkerCookieName() {
		return this.marker.name();
	}

	@Override
	protected @Nullable List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
		if (!this.marker.isPresent(request)) {
			return null;
		}
		Session session = sessionOf(request);
		if (session == null || session.get(SESSION_KEY) == null) {
			return null;
		}
		StoredFlashMap[] stored;
		try {
			stored = session.get(SESSION_KEY, StoredFlashMap[].class);
		}
		catch (RuntimeException ex) {
			// Only the conversion of a value already loaded can fail here.
			this.logger.warn("Ignoring flash attributes stored in the session that cannot be read: " + ex.getMessage());
			return null;
		}
		if (stored == null) {
			return null;
		}
		return new ArrayList<>(Arrays.stream(stored).map(StoredFlashMap::toFlashMap).toList());
	}

	@Override
	protected void updateFlashMaps(List<FlashMap> flashMaps, HttpServletRequest request, HttpServletResponse response) {
		Session session = sessionOf(request);
		if (session == null) {
			throw new IllegalStateException("No Curveball session on this request to keep flash attributes in: the "
					+ "SessionFilter did not run (is the request not mapped to the filter?)");
		}
		if (flashMaps.isEmpty()) {
			session.remove(SESSION_KEY);
			this.marker.expire(request, response);
			return;
		}
		session.put(SESSION_KEY, flashMaps.stream().map(StoredFlashMap::of).toList());
		this.marker.write(request, response, lifetimeOf(flashMaps));
	}

	/**
	 * Return no mutex. Each request has a session object of its own, and concurrent saves
	 * of one session are merged by the store, so there is nothing to guard; the default,
	 * one lock for the whole application, would hold every other request that saves flash
	 * attributes while this one waits for Redis.
	 * @param request the current request
	 * @return {@code null}
	 */
	@Override
	protected @Nullable Object getFlashMapsMutex(HttpServletRequest request) {
		return null;
	}

	private Duration lifetimeOf(List<FlashMap> flashMaps) {
		long now = System.currentTimeMillis();
		long latest = now;
		for (FlashMap flashMap : flashMaps) {
			if (flashMap.getExpirationTime() < 0) {
				return Duration.ofSeconds(getFlashMapTimeout());
			}
			latest = Math.max(latest, flashMap.getExpirationTime());
		}
		long seconds = (latest - now + 999) / 1000;
		return Duration.ofSeconds(Math.max(seconds, 1));
	}

	private static @Nullable Session sessionOf(HttpServletRequest request) {
		return (request.getAttribute(SessionFilter.SESSION_ATTRIBUTE) instanceof Session session) ? session : null;
	}

}

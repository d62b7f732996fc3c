package org.curveball.session.sample;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;

/**
 * What a page shows about the request that rendered it: the instance that answered, its
 * session's fingerprint, the Redis commands the session cost, and, for the pages that
 * ask, what Redis holds for the session.
 * <p>
 * Each is worked out when the page first asks for it, while it renders. By then the
 * starter has saved the session (it saves before the first byte of a body is written, and
 * Thymeleaf asks for the writer before it evaluates a page), so the fingerprint and the
 * commands include the save.
 */
public final class RequestReport {

	private final HttpServletRequest request;

	private final SampleInstance instance;

	private final StoredSessionReader reader;

	private @Nullable StoredSession stored;

	private boolean redisUnavailable;

	RequestReport(HttpServletRequest request, SampleInstance instance, StoredSessionReader reader) {
		this.request = request;
		this.instance = instance;
		this.reader = reader;
	}

	/**
	 * Return the instance that answered.
	 * @return {@code host:port}
	 */
	public String getInstance() {
		return this.instance.of(this.request);
	}

	/**
	 * Return the fingerprint of the request's session.
	 * @return eight hex digits, or {@code null} if the request has no session
	 */
	public @Nullable String getSession() {
		return SessionFingerprint.of(this.request);
	}

	/**
	 * Return the session store operations the request ran, one Redis command each.
	 * @return the operations, such as {@code "load (hit)"}
	 */
	public List<String> getSessionCommands() {
		return RequestSessionCommands.of(this.request);
	}

	/**
	 * Return what Redis holds for the request's session, read once.
	 * @return the stored session, or {@code null} if the request has no session or Redis
	 * does not answer
	 */
	public @Nullable StoredSession getStored() {
		if (this.stored == null && !this.redisUnavailable) {
			String id = SessionFingerprint.idOf(this.request);
			if (id == null) {
				return null;
			}
			try {
				this.stored = this.reader.read(id);
			}
			catch (DataAccessException ex) {
				this.redisUnavailable = true;
			}
		}
		return this.stored;
	}

	/**
	 * Return whether Redis did not answer the read of {@link #getStored()}.
	 * @return {@code true} if Redis did not answer
	 */
	public boolean isRedisUnavailable() {
		return this.redisUnavailable;
	}

}

package org.curveball.session.sample;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.curveball.session.autoconfigure.CurveballSessionRedisProperties;
import org.curveball.session.redis.CurveballSessionRedis;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a session's key as {@code redis-cli} would, with {@code GET} and {@code PTTL}, on
 * the connection that sessions use. Neither command restarts the idle expiry, so the time
 * left is what the session's last use left it.
 */
@Component
class StoredSessionReader {

	private final StringRedisTemplate redis;

	private final String prefix;

	private final JsonMapper json;

	StoredSessionReader(@CurveballSessionRedis ObjectProvider<RedisConnectionFactory> sessionConnection,
			ObjectProvider<RedisConnectionFactory> applicationConnection, CurveballSessionRedisProperties properties,
			JsonMapper json) {
		this.redis = new StringRedisTemplate(sessionConnection.getIfAvailable(applicationConnection::getObject));
		this.prefix = properties.getPrefix();
		this.json = json;
	}

	/**
	 * Read what Redis holds under a session's key.
	 * @param id the session id
	 * @return the stored session
	 * @throws org.springframework.dao.DataAccessException if Redis does not answer
	 */
	StoredSession read(String id) {
		String key = this.prefix + "-" + id;
		String maskedKey = this.prefix + "-••••••••";
		String stored = this.redis.opsForValue().get(key);
		if (stored == null) {
			return new StoredSession(maskedKey, null, null, List.of("GET"));
		}
		long millis = this.redis.getExpire(key, TimeUnit.MILLISECONDS);
		return new StoredSession(maskedKey, prettyPrinted(stored), (millis >= 0) ? Duration.ofMillis(millis) : null,
				List.of("GET", "PTTL"));
	}

	private String prettyPrinted(String stored) {
		try {
			return this.json.writerWithDefaultPrettyPrinter().writeValueAsString(this.json.readTree(stored));
		}
		catch (JacksonException ex) {
			return stored;
		}
	}

}

package org.curveball.session.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.curveball.session.web.servlet.SessionFilter;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties for Curveball sessions stored in Redis.
 */
@ConfigurationProperties("curveball.session.redis")
public class CurveballSessionRedisProperties implements InitializingBean {

	private static final String PREFIX = "curveball.session.redis.";

	/**
	 * Whether to give requests Curveball sessions.
	 */
	private boolean enabled = true;

	/**
	 * Prefix of the Redis keys that hold sessions: a session is kept under
	 * "<prefix>-<id>", as Curveball's Redis store does.
	 */
	private String prefix = "session";

	/**
	 * Idle time after which a session expires. Every request that reads the session
	 * restarts it. If a duration suffix is not specified, seconds will be used.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration expiry = Duration.ofHours(1);

	/**
	 * Time after its creation at which a session ends however active it is (an absolute
	 * timeout, as OWASP recommends). None by default. When set, the creation time is kept
	 * in the session's JSON under "__created". If a duration suffix is not specified,
	 * seconds will be used.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private @Nullable Duration maxLifetime;

	/**
	 * Largest session that may be saved, measured as its JSON. A save over it fails and
	 * writes nothing.
	 */
	private DataSize maxSize = DataSize.ofKilobytes(128);

	/**
	 * Redis server host of a connection dedicated to sessions. When none of host, port
	 * and url is set, sessions use the application's Redis connection.
	 */
	private @Nullable String host;

	/**
	 * Redis server port of a connection dedicated to sessions.
	 */
	private @Nullable Integer port;

	/**
	 * Redis URL of a connection dedicated to sessions, such as
	 * "redis://user:password@example.com:6379/0". Overrides host, port, username,
	 * password, database and ssl.
	 */
	private @Nullable String url;

	/**
	 * Login username of the dedicated connection.
	 */
	private @Nullable String username;

	/**
	 * Login password of the dedicated connection.
	 */
	private @Nullable String password;

	/**
	 * Database index of the dedicated connection.
	 */
	private int database;

	/**
	 * Whether the dedicated connection uses SSL.
	 */
	private boolean ssl;

	/**
	 * How long a request waits for Redis before it is answered with 503: the command
	 * timeout of the dedicated connection, and of the application's shared connection
	 * unless spring.data.redis.timeout is set. A lost connection is tried again at least
	 * every quarter of it.
	 */
	private Duration timeout = Duration.ofSeconds(2);

	private final Cookie cookie = new Cookie();

	private final AttributeTypes attributeTypes = new AttributeTypes();

	private final Servlet servlet = new Servlet();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPrefix() {
		return this.prefix;
	}

	public void setPrefix(String prefix) {
		this.prefix = prefix;
	}

	public Duration getExpiry() {
		return this.expiry;
	}

	public void setExpiry(Duration expiry) {
		this.expiry = expiry;
	}

	public @Nullable Duration getMaxLifetime() {
		return this.maxLifetime;
	}

	public void setMaxLifetime(@Nullable Duration maxLifetime) {
		this.maxLifetime = maxLifetime;
	}

	public DataSize getMaxSize() {
		return this.maxSize;
	}

	public void setMaxSize(DataSize maxSize) {
		this.maxSize = maxSize;
	}

	public @Nullable String getHost() {
		return this.host;
	}

	public void setHost(@Nullable String host) {
		this.host = host;
	}

	public @Nullable Integer getPort() {
		return this.port;
	}

	public void setPort(@Nullable Integer port) {
		this.port = port;
	}

	public @Nullable String getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	public @Nullable String getUsername() {
		return this.username;
	}

	public void setUsername(@Nullable String username) {
		this.username = username;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public int getDatabase() {
		return this.database;
	}

	public void setDatabase(int database) {
		this.database = database;
	}

	public boolean isSsl() {
		return this.ssl;
	}

	public void setSsl(boolean ssl) {
		this.ssl = ssl;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public Cookie getCookie() {
		return this.cookie;
	}

	public AttributeTypes getAttributeTypes() {
		return this.attributeTypes;
	}

	public Servlet getServlet() {
		return this.servlet;
	}

	/**
	 * Fail start-up on a value that cannot work, naming its key, whichever of the
	 * starter's beans the application keeps.
	 * @throws InvalidConfigurationPropertyValueException for the first invalid value
	 */
	@Override
	public void afterPropertiesSet() {
		require(!this.prefix.isBlank(), "prefix", this.prefix, "must not be empty");
		require(isPositive(this.expiry), "expiry", this.expiry, "must be positive");
		require(this.maxLifetime == null || isPositive(this.maxLifetime), "max-lifetime", this.maxLifetime,
				"must be positive");
		require(this.maxSize.toBytes() > 0, "max-size", this.maxSize, "must be positive");
		require(this.port == null || (this.port > 0 && this.port < 65536), "port", this.port,
				"must be between 1 and 65535");
		require(isPositive(this.timeout), "timeout", this.timeout, "must be positive");
		this.cookie.validate();
		this.attributeTypes.allowedPackages
			.forEach((allowed) -> require(allowed.matches("[\\p{L}_$][\\p{L}\\p{N}_$.]*"),
					"attribute-types.allowed-packages", allowed, "must be a Java package or class name prefix"));
	}

	private static boolean isPositive(Duration duration) {
		return !duration.isNegative() && !duration.isZero();
	}

	private static void require(boolean valid, String key, @Nullable Object value, String reason) {
		if (!valid) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + key, value, reason);
		}
	}

	/**
	 * Objects kept in sessions with their type id, such as {@code HttpSession}
	 * attributes.
	 */
	public static class AttributeTypes {

		/**
		 * Package or class name prefixes of the types that may be stored as JSON with
		 * their type id and read back, beside Spring Security's own types and the common
		 * JDK collections, java.time types, UUID and java.math numbers. Example:
		 * com.example.cart.
		 */
		private List<String> allowedPackages = new ArrayList<>();

		public List<String> getAllowedPackages() {
			return this.allowedPackages;
		}

		public void setAllowedPackages(List<String> allowedPackages) {
			this.allowedPackages = allowedPackages;
		}

	}

	/**
	 * Sessions in servlet web applications.
	 */
	public static class Servlet {

		/**
		 * Order of the session filter. The default runs it before Spring Security's
		 * filter chain.
		 */
		private int filterOrder = SessionFilter.DEFAULT_ORDER;

		private final HttpSession httpSession = new HttpSession();

		public int getFilterOrder() {
			return this.filterOrder;
		}

		public void setFilterOrder(int filterOrder) {
			this.filterOrder = filterOrder;
		}

		public HttpSession getHttpSession() {
			return this.httpSession;
		}

		/**
		 * The servlet {@code HttpSession} as a view of the Curveball session.
		 */
		public static class HttpSession {

			/**
			 * Whether request.getSession() returns a view of the Curveball session (same
			 * cookie, same Redis key), so that Spring Security and other HttpSession
			 * users keep their state in Redis.
			 */
			private boolean enabled = true;

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

		}

	}

	/**
	 * Attributes of the session cookie.
	 */
	public static class Cookie {

		/**
		 * Name of the session cookie.
		 */
		private String name = "CB";

		/**
		 * Path attribute of the session cookie.
		 */
		private String path = "/";

		/**
		 * Domain attribute of the session cookie. None by default: the cookie goes back
		 * to the host that set it only.
		 */
		private @Nullable String domain;

		/**
		 * Whether to mark the session cookie Secure. When not set, it is Secure on
		 * requests made over HTTPS, including behind a proxy that forwards the scheme
		 * (server.forward-headers-strategy).
		 */
		private @Nullable Boolean secure;

		/**
		 * Whether to mark the session cookie HttpOnly, hidden from scripts.
		 */
		private boolean httpOnly = true;

		/**
		 * SameSite attribute of the session cookie.
		 */
		private SameSite sameSite = SameSite.LAX;

		/**
		 * Max-Age of the session cookie. When not set, the cookie lasts until the browser
		 * is closed. When set, the cookie is sent again on every request that uses the
		 * session, to renew it. If a duration suffix is not specified, seconds will be
		 * used.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private @Nullable Duration maxAge;

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

		public @Nullable String getDomain() {
			return this.domain;
		}

		public void setDomain(@Nullable String domain) {
			this.domain = domain;
		}

		public @Nullable Boolean getSecure() {
			return this.secure;
		}

		public void setSecure(@Nullable Boolean secure) {
			this.secure = secure;
		}

		public boolean isHttpOnly() {
			return this.httpOnly;
		}

		public void setHttpOnly(boolean httpOnly) {
			this.httpOnly = httpOnly;
		}

		public SameSite getSameSite() {
			return this.sameSite;
		}

		public void setSameSite(SameSite sameSite) {
			this.sameSite = sameSite;
		}

		public @Nullable Duration getMaxAge() {
			return this.maxAge;
		}

		public void setMaxAge(@Nullable Duration maxAge) {
			this.maxAge = maxAge;
		}

		private void validate() {
			require(this.name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+"), "cookie.name", this.name,
					"must be a cookie name token (letters, digits and !#$%&'*+-.^_`|~)");
			require(this.path.startsWith("/"), "cookie.path", this.path, "must start with /");
			require(this.maxAge == null || !this.maxAge.isNegative(), "cookie.max-age", this.maxAge,
					"must not be negative");
			require(this.sameSite != SameSite.NONE || !Boolean.FALSE.equals(this.secure), "cookie.same-site",
					this.sameSite, "None requires a Secure cookie (cookie.secure must not be false)");
			if (this.name.startsWith("__Secure-") || this.name.startsWith("__Host-")) {
				require(Boolean.TRUE.equals(this.secure), "cookie.secure", this.secure,
						"must be true for a cookie named " + this.name);
			}
			if (this.name.startsWith("__Host-")) {
				require(this.path.equals("/"), "cookie.path", this.path, "must be / for a __Host- cookie");
				require(this.domain == null, "cookie.domain", this.domain, "must not be set for a __Host- cookie");
			}
		}

	}

	/**
	 * Values of the SameSite cookie attribute.
	 */
	public enum SameSite {

		/**
		 * Cookies are sent in all contexts; requires a Secure cookie.
		 */
		NONE("None"),

		/**
		 * Cookies are sent with top-level navigations from other sites, but not with
		 * their sub-requests.
		 */
		LAX("Lax"),

		/**
		 * Cookies are sent with same-site requests only.
		 */
		STRICT("Strict");

		private final String attributeValue;

		SameSite(String attributeValue) {
			this.attributeValue = attributeValue;
		}

		/**
		 * Return the value as it appears in a Set-Cookie header.
		 * @return the attribute value
		 */
		public String attributeValue() {
			return this.attributeValue;
		}

	}

}

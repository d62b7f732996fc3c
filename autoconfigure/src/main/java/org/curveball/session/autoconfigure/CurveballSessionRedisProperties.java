package org.curveball.session.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.curveball.session.web.reactive.SessionWebFilter;
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
	 * Redis server host of a connection dedicated to sessions. When none of host, port,
	 * url, cluster.nodes and sentinel.nodes is set, sessions use the application's Redis
	 * connection.
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

	private final Cluster cluster = new Cluster();

	private final Sentinel sentinel = new Sentinel();

	private final Cookie cookie = new Cookie();

	private final AttributeTypes attributeTypes = new AttributeTypes();

	private final Servlet servlet = new Servlet();

	private final Reactive reactive = new Reactive();

	private final Principals principals = new Principals();

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

	public Cluster getCluster() {
		return this.cluster;
	}

	public Sentinel getSentinel() {
		return this.sentinel;
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

	public Reactive getReactive() {
		return this.reactive;
	}

	public Principals getPrincipals() {
		return this.principals;
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
		validateTopology();
		this.cookie.validate();
		this.attributeTypes.allowedPackages
			.forEach((allowed) -> require(allowed.matches("[\\p{L}_$][\\p{L}\\p{N}_$.]*"),
					"attribute-types.allowed-packages", allowed, "must be a Java package or class name prefix"));
	}

	private void validateTopology() {
		List<String> clusterNodes = this.cluster.nodes;
		List<String> sentinelNodes = this.sentinel.nodes;
		clusterNodes.forEach((node) -> require(isHostAndPort(node), "cluster.nodes", node, "must be host:port"));
		sentinelNodes.forEach((node) -> require(isHostAndPort(node), "sentinel.nodes", node, "must be host:port"));
		require(clusterNodes.isEmpty() || sentinelNodes.isEmpty(), "sentinel.nodes", sentinelNodes,
				"cannot be set with cluster.nodes: sessions use one Redis deployment");
		require(sentinelNodes.isEmpty() || this.sentinel.master != null, "sentinel.master", null,
				"must name the master the sentinels monitor");
		require(this.sentinel.master == null || !sentinelNodes.isEmpty(), "sentinel.nodes", sentinelNodes,
				"must list the sentinels of master " + this.sentinel.master);
		boolean topology = !clusterNodes.isEmpty() || !sentinelNodes.isEmpty();
		String nodes = clusterNodes.isEmpty() ? "sentinel.nodes" : "cluster.nodes";
		require(!topology || this.url == null, "url", this.url,
				"names a single Redis server and cannot be set with " + nodes);
		require(!topology || this.host == null, "host", this.host,
				"names a single Redis server and cannot be set with " + nodes);
		require(!topology || this.port == null, "port", this.port,
				"names a single Redis server and cannot be set with " + nodes);
		require(clusterNodes.isEmpty() || this.database == 0, "database", this.database,
				"must be 0 on a Redis Cluster, which has no other database");
		require(this.cluster.maxRedirects == null || this.cluster.maxRedirects >= 0, "cluster.max-redirects",
				this.cluster.maxRedirects, "must not be negative");
		require(isPositive(this.cluster.refresh.period), "cluster.refresh.period", this.cluster.refresh.period,
				"must be positive");
	}

	private static boolean isHostAndPort(String node) {
		int colon = node.lastIndexOf(':');
		if (colon < 1 || !node.substring(colon + 1).matches("\\d{1,5}")) {
			return false;
		}
		int port = Integer.parseInt(node.substring(colon + 1));
		return port > 0 && port < 65536;
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
	 * A Redis Cluster that sessions use through a connection of their own.
	 */
	public static class Cluster {

		/**
		 * Nodes of a Redis Cluster that sessions use through a connection of their own,
		 * as "host:port" pairs; some of them are enough, the others are discovered.
		 */
		private List<String> nodes = new ArrayList<>();

		/**
		 * Maximum number of redirects to follow when a node answers that another holds a
		 * key. Lettuce's default when not set.
		 */
		private @Nullable Integer maxRedirects;

		private final Refresh refresh = new Refresh();

		public List<String> getNodes() {
			return this.nodes;
		}

		public void setNodes(List<String> nodes) {
			this.nodes = nodes;
		}

		public @Nullable Integer getMaxRedirects() {
			return this.maxRedirects;
		}

		public void setMaxRedirects(@Nullable Integer maxRedirects) {
			this.maxRedirects = maxRedirects;
		}

		public Refresh getRefresh() {
			return this.refresh;
		}

		/**
		 * How a cluster connection of sessions keeps its view of the cluster current, so
		 * that sessions are served again shortly after a failover.
		 */
		public static class Refresh {

			/**
			 * Whether cluster connections that sessions use refresh their view of the
			 * cluster: periodically, and at once on signs of a change (a lost node, a
			 * redirect, a slot that no known node serves), at most once a second. Applies
			 * to the dedicated connection, and to Spring Boot's when sessions share it
			 * and no spring.data.redis.lettuce.cluster.refresh property is set.
			 */
			private boolean enabled = true;

			/**
			 * Period of the refresh: the longest a failover goes unnoticed when nothing
			 * signals it, such as a node that hangs without closing its connections.
			 */
			private Duration period = Duration.ofSeconds(10);

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

			public Duration getPeriod() {
				return this.period;
			}

			public void setPeriod(Duration period) {
				this.period = period;
			}

		}

	}

	/**
	 * A Redis master behind Redis Sentinel that sessions use through a connection of
	 * their own.
	 */
	public static class Sentinel {

		/**
		 * Name of the master, as the sentinels monitor it, that sessions use through a
		 * connection of their own.
		 */
		private @Nullable String master;

		/**
		 * Sentinels to ask for the master, as "host:port" pairs.
		 */
		private List<String> nodes = new ArrayList<>();

		/**
		 * Login username for authenticating with sentinels.
		 */
		private @Nullable String username;

		/**
		 * Password for authenticating with sentinels.
		 */
		private @Nullable String password;

		public @Nullable String getMaster() {
			return this.master;
		}

		public void setMaster(@Nullable String master) {
			this.master = master;
		}

		public List<String> getNodes() {
			return this.nodes;
		}

		public void setNodes(List<String> nodes) {
			this.nodes = nodes;
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
	 * The index of each signed-in user's sessions.
	 */
	public static class Principals {

		/**
		 * Whether to keep an index of each signed-in user's sessions in Redis, beside the
		 * sessions, under "<prefix>:principal:<name>". Written at sign-in, sign-out, a
		 * new session id and the end of a session, never on reads or ordinary writes, it
		 * lets an application list and end a user's sessions and Spring Security limit
		 * them (maximumSessions) across instances.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
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
	 * Sessions in reactive (WebFlux) web applications.
	 */
	public static class Reactive {

		/**
		 * Order of the session web filter. The default runs it before Spring Security's
		 * web filter chain.
		 */
		private int filterOrder = SessionWebFilter.DEFAULT_ORDER;

		private final WebSession webSession = new WebSession();

		public int getFilterOrder() {
			return this.filterOrder;
		}

		public void setFilterOrder(int filterOrder) {
			this.filterOrder = filterOrder;
		}

		public WebSession getWebSession() {
			return this.webSession;
		}

		/**
		 * WebFlux's {@code WebSession} as a view of the Curveball session.
		 */
		public static class WebSession {

			/**
			 * Whether exchange.getSession() returns a view of the Curveball session (same
			 * cookie, same Redis key), through a WebSessionManager bean named
			 * webSessionManager, so that Spring Security WebFlux and other WebSession
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

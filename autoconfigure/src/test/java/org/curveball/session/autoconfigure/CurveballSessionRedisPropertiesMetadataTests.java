package org.curveball.session.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.convert.DurationStyle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the configuration metadata generated from
 * {@link CurveballSessionRedisProperties}, which is what IDEs show users.
 */
class CurveballSessionRedisPropertiesMetadataTests {

	private static final String PREFIX = "curveball.session.redis.";

	private static final String HEALTH_SWITCH = "management.health.curveball-session-redis.enabled";

	private static Map<String, JsonNode> properties;

	private static @Nullable JsonNode healthSwitch;

	@BeforeAll
	static void readMetadata() throws IOException {
		properties = new LinkedHashMap<>();
		JsonMapper mapper = new JsonMapper();
		for (URL url : Collections.list(CurveballSessionRedisPropertiesMetadataTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream content = url.openStream()) {
				for (JsonNode property : mapper.readTree(content).path("properties")) {
					String name = property.path("name").asString();
					if (name.startsWith(PREFIX)) {
						properties.put(name.substring(PREFIX.length()), property);
					}
					if (name.equals(HEALTH_SWITCH)) {
						healthSwitch = property;
					}
				}
			}
		}
	}

	@Test
	void metadata_everyDocumentedProperty_isListed() {
		assertThat(properties).containsKeys("enabled", "prefix", "expiry", "max-lifetime", "max-size", "host", "port",
				"url", "username", "password", "database", "ssl", "timeout", "cookie.name", "cookie.path",
				"cookie.domain", "cookie.secure", "cookie.http-only", "cookie.same-site", "cookie.max-age",
				"attribute-types.allowed-packages", "servlet.filter-order", "servlet.http-session.enabled",
				"cluster.nodes", "cluster.max-redirects", "cluster.refresh.enabled", "cluster.refresh.period",
				"sentinel.master", "sentinel.nodes", "sentinel.username", "sentinel.password");
	}

	@Test
	void metadata_everyProperty_hasDescription() {
		assertThat(properties).allSatisfy((name, property) -> assertThat(property.path("description").asString())
			.as("description of %s%s", PREFIX, name)
			.isNotBlank());
	}

	@Test
	void prefix_defaultsToSession() {
		assertThat(defaultValue("prefix")).isEqualTo("session");
	}

	@Test
	void cookieName_defaultsToCB() {
		assertThat(defaultValue("cookie.name")).isEqualTo("CB");
	}

	@Test
	void expiry_defaultsToOneHour() {
		assertThat(DurationStyle.detectAndParse(defaultValue("expiry"), ChronoUnit.SECONDS))
			.isEqualTo(Duration.ofHours(1));
	}

	@Test
	void cookieSameSite_defaultsToLax() {
		assertThat(defaultValue("cookie.same-site")).isEqualToIgnoringCase("lax");
	}

	@Test
	void cookieHttpOnly_defaultsToTrue() {
		assertThat(defaultValue("cookie.http-only")).isEqualTo("true");
	}

	@Test
	void cookiePath_defaultsToRoot() {
		assertThat(defaultValue("cookie.path")).isEqualTo("/");
	}

	@Test
	void httpSessionView_defaultsToEnabled() {
		assertThat(defaultValue("servlet.http-session.enabled")).isEqualTo("true");
	}

	@Test
	void clusterRefresh_defaultsToEnabledEveryTenSeconds() {
		assertThat(defaultValue("cluster.refresh.enabled")).isEqualTo("true");
		assertThat(DurationStyle.detectAndParse(defaultValue("cluster.refresh.period")))
			.isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void healthIndicator_isListedAndDefaultsToEnabled() {
		assertThat(healthSwitch).as("management.health.curveball-session-redis.enabled in metadata").isNotNull();
		assertThat(healthSwitch.path("description").asString()).isNotBlank();
		assertThat(healthSwitch.path("defaultValue").asString()).isEqualTo("true");
	}

	private static String defaultValue(String name) {
		assertThat(properties).containsKey(name);
		JsonNode defaultValue = properties.get(name).path("defaultValue");
		assertThat(defaultValue.isMissingNode()).as("default of %s%s is in metadata", PREFIX, name).isFalse();
		return defaultValue.asString();
	}

}

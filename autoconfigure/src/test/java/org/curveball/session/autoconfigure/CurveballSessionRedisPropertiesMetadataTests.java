package org.curveball.session.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

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

	private static Map<String, JsonNode> properties;

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
				}
			}
		}
	}

	@Test
	void everyDocumentedPropertyIsInMetadata() {
		assertThat(properties).containsKeys("enabled", "prefix", "cookie-name", "expiry", "max-size", "host", "port",
				"url", "username", "password", "database", "ssl", "timeout", "filter-order", "cookie.path",
				"cookie.domain", "cookie.secure", "cookie.http-only", "cookie.same-site", "cookie.max-age");
	}

	@Test
	void everyPropertyHasDescription() {
		assertThat(properties).allSatisfy((name, property) -> assertThat(property.path("description").asString())
			.as("description of %s%s", PREFIX, name)
			.isNotBlank());
	}

	@Test
	void prefixDefaultIsSession() {
		assertThat(defaultValue("prefix")).isEqualTo("session");
	}

	@Test
	void cookieNameDefaultIsCB() {
		assertThat(defaultValue("cookie-name")).isEqualTo("CB");
	}

	@Test
	void expiryDefaultIsOneHour() {
		assertThat(DurationStyle.detectAndParse(defaultValue("expiry"), ChronoUnit.SECONDS))
			.isEqualTo(Duration.ofHours(1));
	}

	@Test
	void cookieSameSiteDefaultIsLax() {
		assertThat(defaultValue("cookie.same-site")).isEqualToIgnoringCase("lax");
	}

	@Test
	void cookieHttpOnlyDefaultIsTrue() {
		assertThat(defaultValue("cookie.http-only")).isEqualTo("true");
	}

	@Test
	void cookiePathDefaultIsRoot() {
		assertThat(defaultValue("cookie.path")).isEqualTo("/");
	}

	private static String defaultValue(String name) {
		assertThat(properties).containsKey(name);
		JsonNode defaultValue = properties.get(name).path("defaultValue");
		assertThat(defaultValue.isMissingNode()).as("default of %s%s is in metadata", PREFIX, name).isFalse();
		return defaultValue.asString();
	}

}

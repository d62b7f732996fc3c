package org.curveball.session.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.curveball.session.testing.ExpectedWarnings;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CurveballSessionRedisProperties}: how values are read, and which fail
 * start-up, naming their key.
 */
class CurveballSessionRedisPropertiesTests {

	@RegisterExtension
	static final ExpectedWarnings warnings = ExpectedWarnings.from(
			"org.springframework.context.annotation.AnnotationConfigApplicationContext",
			"Exception encountered during context initialization");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CurveballSessionRedisAutoConfiguration.class,
				DataRedisAutoConfiguration.class, JacksonAutoConfiguration.class));

	@Test
	void expiry_withoutUnit_isSeconds() {
		assertExpiry("7200", Duration.ofHours(2));
	}

	@Test
	void expiry_withUnit_isThatDuration() {
		assertExpiry("2h", Duration.ofHours(2));
	}

	@Test
	void prefix_empty_failsStartup() {
		AutoConfigurationAssertions.assertStartupFails(this.contextRunner, "curveball.session.redis.prefix",
				"curveball.session.redis.prefix=");
	}

	@Test
	void expiry_zero_failsStartup() {
		AutoConfigurationAssertions.assertStartupFails(this.contextRunner, "curveball.session.redis.expiry",
				"curveball.session.redis.expiry=0");
	}

	@Test
	void expiry_negative_failsStartup() {
		AutoConfigurationAssertions.assertStartupFails(this.contextRunner, "curveball.session.redis.expiry",
				"curveball.session.redis.expiry=-5");
	}

	@Test
	void maxLifetime_zero_failsStartup() {
		AutoConfigurationAssertions.assertStartupFails(this.contextRunner, "curveball.session.redis.max-lifetime",
				"curveball.session.redis.max-lifetime=0");
	}

	@Test
	void maxSize_zero_failsStartup() {
		AutoConfigurationAssertions.assertStartupFails(this.contextRunner, "curveball.session.redis.max-size",
				"curveball.session.redis.max-size=0");
	}

	@Test
	void port_outOfRange_failsStartup() {
		AutoConfigurationAssertions.assertStartupFails(this.contextRunner, "curveball.session.redis.port",
				"curveball.session.redis.port=70000");
	}

	@Test
	void timeout_zero_failsStartup() {
		AutoConfigurationAssertions.assertStartupFails(this.contextRunner, "curveball.session.redis.timeout",
				"curveball.session.redis.timeout=0");
	}

	@Test
	void cookieName_notAToken_failsStartup() {
		AutoConfigurationAssertions.assertStartupFails(this.contextRunner, "curveball.session.redis.cookie.name",
				"curveball.session.redis.cookie.name=a b");
	}

	@Test
	void cookieName_hostPrefixedNotSecure_failsStartup() {
		AutoConfigurationAssertions.assertStartupFails(this.contextRunner, "curveball.session.redis.cookie.secure",
				"curveball.session.redis.cookie.name=__Host-CB");
	}

	@Test
	void cookieName_hostPrefixedWithDomain_failsStartup() {
		AutoConfigurationAssertions.assertStartupFails(this.contextRunner, "curveball.session.redis.cookie.domain",
				"curveball.session.redis.cookie.name=__Host-CB", "curveball.session.redis.cookie.secure=true",
				"curveball.session.redis.cookie.domain=example.com");
	}

	@Test
	void cookieName_hostPrefixedWithPathOtherThanRoot_failsStartup() {
		AutoConfigurationAssertions.assertStartupFails(this.contextRunner, "curveball.session.redis.cookie.path",
				"curveball.session.redis.cookie.name=__Host-CB", "curveball.session.redis.cookie.secure=true",
				"curveball.session.redis.cookie.path=/app");
	}

	@Test
	void cookiePath_relative_failsStartup() {
		AutoConfigurationAssertions.assertStartupFails(this.contextRunner, "curveball.session.redis.cookie.path",
				"curveball.session.redis.cookie.path=app");
	}

	@Test
	void cookieSameSite_noneWithoutSecure_failsStartup() {
		AutoConfigurationAssertions.assertStartupFails(this.contextRunner, "curveball.session.redis.cookie.same-site",
				"curveball.session.redis.cookie.same-site=none", "curveball.session.redis.cookie.secure=false");
	}

	@Test
	void allowedPackages_notAPackageName_failsStartup() {
		AutoConfigurationAssertions.assertStartupFails(this.contextRunner,
				"curveball.session.redis.attribute-types.allowed-packages",
				"curveball.session.redis.attribute-types.allowed-packages=com example");
	}

	private void assertExpiry(String value, Duration expected) {
		this.contextRunner.withPropertyValues("curveball.session.redis.expiry=" + value)
			.run((context) -> assertThat(context.getBean(CurveballSessionRedisProperties.class).getExpiry())
				.isEqualTo(expected));
	}

}

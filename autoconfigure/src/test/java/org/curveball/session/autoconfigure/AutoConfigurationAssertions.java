package org.curveball.session.autoconfigure;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.AbstractApplicationContextRunner;
import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the auto-configuration tests check again and again: that a bean of the starter
 * backs off when the application declares its own, and that an invalid property fails
 * start-up naming its key.
 */
public final class AutoConfigurationAssertions {

	private AutoConfigurationAssertions() {
	}

	/**
	 * Assert that the application's bean is the only one of its type.
	 * @param contextRunner the runner of the auto-configurations under test
	 * @param userConfiguration the application's configuration that declares the bean
	 * @param type the bean's type
	 * @param userBeanName the name of the application's bean
	 */
	public static void assertBacksOff(AbstractApplicationContextRunner<?, ?, ?> contextRunner,
			Class<?> userConfiguration, ResolvableType type, String userBeanName) {
		contextRunner.withUserConfiguration(userConfiguration).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeanNamesForType(type)).containsExactly(userBeanName);
		});
	}

	/**
	 * Assert that start-up fails with an
	 * {@link InvalidConfigurationPropertyValueException} naming a key.
	 * @param contextRunner the runner of the auto-configurations under test
	 * @param key the key the failure names
	 * @param properties the properties that make start-up fail
	 */
	public static void assertStartupFails(AbstractApplicationContextRunner<?, ?, ?> contextRunner, String key,
			String... properties) {
		contextRunner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class,
						(ex) -> assertThat(ex.getName()).isEqualTo(key))
				.hasMessageContaining(key);
		});
	}

}

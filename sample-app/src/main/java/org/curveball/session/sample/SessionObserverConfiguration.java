package org.curveball.session.sample;

import io.micrometer.core.instrument.MeterRegistry;

import org.curveball.session.SessionObserver;
import org.curveball.session.micrometer.MicrometerSessionObserver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sample's {@link SessionObserver}: it lets each page say which Redis commands its
 * session cost. The starter's own observer, its Micrometer metrics, backs off when an
 * application declares one, so this one passes everything on to them.
 */
@Configuration(proxyBeanMethods = false)
class SessionObserverConfiguration {

	@Bean
	SessionObserver sessionObserver(ObjectProvider<MeterRegistry> meterRegistry) {
		MeterRegistry registry = meterRegistry.getIfAvailable();
		SessionObserver metrics = (registry != null) ? new MicrometerSessionObserver(registry) : SessionObserver.NONE;
		return new RequestSessionCommands.Observer(metrics);
	}

}

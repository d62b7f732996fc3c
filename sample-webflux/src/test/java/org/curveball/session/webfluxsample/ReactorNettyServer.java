package org.curveball.session.webfluxsample;

import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Serves the WebFlux sample in tests on Reactor Netty, as it runs in production. The
 * tests' class path also holds the servlet sample, for the cross-stack tests, and with it
 * Tomcat, which could serve a reactive application too.
 */
@TestConfiguration(proxyBeanMethods = false)
class ReactorNettyServer {

	@Bean
	NettyReactiveWebServerFactory nettyReactiveWebServerFactory() {
		return new NettyReactiveWebServerFactory();
	}

}

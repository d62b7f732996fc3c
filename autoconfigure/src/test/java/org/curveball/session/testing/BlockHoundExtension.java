package org.curveball.session.testing;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.blockhound.BlockHound;

/**
 * Installs BlockHound before a reactive test class runs, so that any blocking call on a
 * thread that must not block (Netty's event loops, Reactor's parallel schedulers) fails
 * the call, and with it the request and the test. It stays installed for the rest of the
 * test JVM; the JVM needs {@code -XX:+AllowRedefinitionToAddDeleteMethods} on Java 13 and
 * later.
 */
public final class BlockHoundExtension implements BeforeAllCallback {

	private static final AtomicBoolean installed = new AtomicBoolean();

	@Override
	public void beforeAll(ExtensionContext context) {
		install();
	}

	/**
	 * Install BlockHound, with the integrations found on the class path (Reactor, Netty,
	 * Spring), once per JVM.
	 */
	public static void install() {
		if (installed.compareAndSet(false, true)) {
			BlockHound.install();
		}
	}

}

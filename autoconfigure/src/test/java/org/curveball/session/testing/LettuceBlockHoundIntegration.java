package org.curveball.session.testing;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Lets Lettuce wait for its own endpoint lock on its event loops under BlockHound.
 * <p>
 * A command written while the connection is being closed or reset waits, briefly, for the
 * endpoint's {@code SharedLock}. Under BlockHound that wait threw inside
 * {@code SharedLock.incrementWriters()} before it counted the writer, and Lettuce's
 * {@code finally} then uncounted it: the writer count went below zero for good, and the
 * next command on the event loop spun at 100 % CPU while the closing application waited
 * for it, a test JVM that never ended. The wait is Lettuce's design, not the session's;
 * every other blocking call stays caught. Loaded by {@link BlockHound#install} through
 * {@code META-INF/services}.
 */
public final class LettuceBlockHoundIntegration implements BlockHoundIntegration {

	private static final String SHARED_LOCK = "io.lettuce.core.protocol.SharedLock";

	@Override
	public void applyTo(BlockHound.Builder builder) {
		builder.allowBlockingCallsInside(SHARED_LOCK, "incrementWriters")
			.allowBlockingCallsInside(SHARED_LOCK, "doExclusive");
	}

}

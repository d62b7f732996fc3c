package org.curveball.session.testing;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Lets Lettuce and Netty wait for their own internal locks on event loops under
 * BlockHound; every other blocking call stays caught. Loaded by
 * {@link BlockHound#install} through {@code META-INF/services}.
 * <ul>
 * <li>Lettuce: a command written while the connection is being closed or reset waits,
 * briefly, for the endpoint's {@code SharedLock}. Under BlockHound that wait threw inside
 * {@code SharedLock.incrementWriters()} before it counted the writer, Lettuce's
 * {@code finally} then uncounted it, and the writer count stayed below zero: the next
 * command spun at 100 % CPU while the closing application waited for it, a test JVM that
 * never ended.</li>
 * <li>Netty: its adaptive buffer allocator locks a magazine while it grows or frees one;
 * two event loops allocating at once made a Redis command fail now and then.</li>
 * </ul>
 */
public final class LibraryLocksBlockHoundIntegration implements BlockHoundIntegration {

	private static final String LETTUCE_SHARED_LOCK = "io.lettuce.core.protocol.SharedLock";

	private static final String NETTY_MAGAZINE = "io.netty.buffer.AdaptivePoolingAllocator$Magazine";

	private static final String NETTY_MAGAZINE_GROUP = "io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup";

	@Override
	public void applyTo(BlockHound.Builder builder) {
		builder.allowBlockingCallsInside(LETTUCE_SHARED_LOCK, "incrementWriters")
			.allowBlockingCallsInside(LETTUCE_SHARED_LOCK, "doExclusive")
			.allowBlockingCallsInside(NETTY_MAGAZINE, "free")
			.allowBlockingCallsInside(NETTY_MAGAZINE_GROUP, "tryExpandMagazines");
	}

}

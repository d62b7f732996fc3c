package org.curveball.session.memory;

import java.time.Duration;

import org.curveball.session.AbstractSessionStoreTests;
import org.curveball.session.SecureRandomSessionIdGenerator;
import org.curveball.session.SessionStore;
import org.curveball.session.testing.MutableClock;

/**
 * {@link AbstractSessionStoreTests} for {@link InMemorySessionStore}, on a clock that the
 * tests move forward.
 */
class InMemorySessionStoreTests extends AbstractSessionStoreTests {

	private final MutableClock clock = new MutableClock();

	private final InMemorySessionStore store = new InMemorySessionStore(new SecureRandomSessionIdGenerator(),
			this.clock);

	@Override
	protected SessionStore store() {
		return this.store;
	}

	@Override
	protected void elapse(Duration duration) {
		this.clock.advance(duration);
	}

}

package org.curveball.session.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.curveball.session.SecureRandomSessionIdGenerator;
import org.curveball.session.SessionStore;
import org.curveball.session.SessionStoreContractTests;

/**
 * {@link SessionStoreContractTests} for {@link InMemorySessionStore}, on a clock that the
 * tests move forward.
 */
class InMemorySessionStoreTests extends SessionStoreContractTests {

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

	private static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2025-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}

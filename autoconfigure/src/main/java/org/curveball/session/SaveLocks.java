package org.curveball.session;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Lets the saves of one session on this instance take turns. Compare-and-set saves are
 * correct without it, but when many requests of one session save at once they keep
 * invalidating each other's reads, and each save may take many round trips; taking turns,
 * a save meets at most the changes of saves from other instances, or of the saves before
 * it on this one, which its lock's {@link SaveTrail} lets it apply its changes to before
 * its first attempt. Locks are striped by id, so memory stays fixed: one trail per
 * stripe, holding at most one session's JSON.
 */
final class SaveLocks {

	private static final int STRIPES = 64;

	private final Lock[] locks = new Lock[STRIPES];

	private final SaveTrail[] trails = new SaveTrail[STRIPES];

	SaveLocks() {
		for (int i = 0; i < STRIPES; i++) {
			this.locks[i] = new ReentrantLock();
			this.trails[i] = new SaveTrail();
		}
	}

	/**
	 * Run a save of a session while no other save of it on this instance runs.
	 * @param <T> the save's result
	 * @param sessionId the session
	 * @param save the save, given the trail of the saves before it, to use and update
	 * while it holds the lock
	 * @return the save's result
	 */
	<T> T withLock(String sessionId, Function<SaveTrail, T> save) {
		int stripe = Math.floorMod(sessionId.hashCode(), STRIPES);
		Lock lock = this.locks[stripe];
		lock.lock();
		try {
			return save.apply(this.trails[stripe]);
		}
		finally {
			lock.unlock();
		}
	}

}

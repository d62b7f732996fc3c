package org.curveball.session;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Lets the saves of one session on this instance take turns. Compare-and-set saves are
 * correct without it, but when many requests of one session save at once they keep
 * invalidating each other's reads, and each save may take many round trips; taking turns,
 * a save meets at most the changes of saves from other instances, or of the one save
 * before it. Locks are striped by id, so memory stays fixed.
 */
final class SaveLocks {

	private static final int STRIPES = 64;

	private final Lock[] stripes = new Lock[STRIPES];

	SaveLocks() {
		for (int i = 0; i < STRIPES; i++) {
			this.stripes[i] = new ReentrantLock();
		}
	}

	<T> T withLock(String sessionId, Supplier<T> save) {
		Lock lock = this.stripes[Math.floorMod(sessionId.hashCode(), STRIPES)];
		lock.lock();
		try {
			return save.get();
		}
		finally {
			lock.unlock();
		}
	}

}

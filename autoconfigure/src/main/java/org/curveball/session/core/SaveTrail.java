package org.curveball.session.core;

import org.jspecify.annotations.Nullable;

/**
 * What the saves of one session on this instance wrote last, and which JSON they replaced
 * on the way there, so that a save that read one of those replaced values can start from
 * the latest instead of conflicting once.
 * <p>
 * When many requests of one session save at once, their saves are written in turns of
 * batches ({@link GroupCommit}), and each batch's compare-and-set would expect the JSON
 * its first member read, which the batches before it have since replaced: one conflict,
 * one more round trip, every time. Knowing that what it read was replaced by this
 * instance, a batch applies its changes to the latest JSON before its first attempt. That
 * is a guess, never a shortcut: the store still writes only if the latest JSON is what it
 * holds, so a change by another instance or a deletion is met as before.
 * <p>
 * One trail follows one session at a time; it is not thread-safe: only the batch in
 * flight of its {@link GroupCommit} stripe uses it. Replaced values are remembered by
 * hash: a collision only costs the conflict that the trail is there to save.
 */
final class SaveTrail {

	private static final int CAPACITY = 256;

	private final int[] replaced = new int[CAPACITY];

	private int size;

	private int next;

	private @Nullable String sessionId;

	private @Nullable String latest;

	/**
	 * Return the JSON this instance wrote last for a session, if it replaced the JSON a
	 * save read on the way there.
	 * @param sessionId the session
	 * @param read the JSON the save read
	 * @return the newer JSON, or {@code null} if what was read is not known to be older
	 */
	@Nullable String newerThan(String sessionId, String read) {
		String newer = this.latest;
		if (newer == null || !sessionId.equals(this.sessionId) || read.equals(newer)) {
			return null;
		}
		int hash = read.hashCode();
		for (int i = 0; i < this.size; i++) {
			if (this.replaced[i] == hash) {
				return newer;
			}
		}
		return null;
	}

	/**
	 * Record a save of this instance that succeeded.
	 * @param sessionId the session
	 * @param expected the JSON the save replaced
	 * @param written the JSON it wrote, or {@code null} if it deleted the session
	 */
	void saved(String sessionId, String expected, @Nullable String written) {
		if (written == null) {
			forget(sessionId);
			return;
		}
		if (!sessionId.equals(this.sessionId) || !expected.equals(this.latest)) {
			this.sessionId = sessionId;
			this.size = 0;
			this.next = 0;
		}
		this.replaced[this.next] = expected.hashCode();
		this.next = (this.next + 1) % CAPACITY;
		this.size = Math.min(this.size + 1, CAPACITY);
		this.latest = written;
	}

	/**
	 * Forget a session that no longer exists.
	 * @param sessionId the session
	 */
	void forget(String sessionId) {
		if (sessionId.equals(this.sessionId)) {
			this.sessionId = null;
			this.latest = null;
			this.size = 0;
			this.next = 0;
		}
	}

}

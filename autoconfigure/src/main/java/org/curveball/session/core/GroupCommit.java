package org.curveball.session.core;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

import org.curveball.session.AsyncSessionStore;
import org.curveball.session.MalformedSessionException;
import org.curveball.session.ReplaceResult;
import org.curveball.session.SessionIds;
import org.curveball.session.SessionObserver;
import org.curveball.session.SessionStoreException;
import org.curveball.session.SessionTooLargeException;
import org.curveball.session.json.SessionCodec;

/**
 * Group commit of the saves of stored sessions on this instance: one compare-and-set
 * writes the changes of every save of a session that queued while another was in flight.
 * <p>
 * A save finds no save of its session in flight and writes at once, exactly as alone (one
 * script call). Otherwise it queues; when the save in flight ends, the oldest queued save
 * becomes leader of a batch: every queued save of its session, in arrival order, up to
 * {@link #MAX_BATCH}. The leader never waits for more. It applies each member's set and
 * removed keys in turn onto the latest JSON it knows (the {@link SaveTrail}'s, else what
 * the first member read), checks each result, and writes the last one with one
 * {@link AsyncSessionStore#replace compare-and-set}; on a conflict it folds everything
 * again onto the fresh JSON. Each member then ends as if the saves had run one after
 * another in that order: the later one wins on a key; a member whose result is too large
 * fails alone; a member that empties the session deletes it and the members after it find
 * it gone; when the session was deleted elsewhere, or the store fails, all members share
 * that fate.
 * <p>
 * Saves are striped by id, so memory stays fixed: a stripe has one save in flight at a
 * time, and one trail. Over a non-blocking store no thread waits: a queued save is
 * completed by its leader, and the next leader's batch is written when the batch before
 * it is.
 */
final class GroupCommit {

	/**
	 * The most saves one compare-and-set writes.
	 */
	static final int MAX_BATCH = 64;

	/**
	 * How many stripes the saves of all sessions are spread over.
	 */
	static final int STRIPES = 64;

	private static final int MAX_SAVE_ATTEMPTS = 100;

	private static final Log logger = LogFactory.getLog(GroupCommit.class);

	private final Stripe[] stripes = new Stripe[STRIPES];

	private final AsyncSessionStore store;

	private final boolean blockingStore;

	private final SessionCodec codec;

	private final Duration expiry;

	private final SizeLimit sizeLimit;

	private final SessionObserver observer;

	/**
	 * Create the group commit of a store.
	 * @param store the store
	 * @param blockingStore whether the store's calls block: then a queued save waits on
	 * its own thread for its turn, so that no request's thread writes another's batch;
	 * otherwise a queued save runs as a continuation of the batch before it, and no
	 * thread waits
	 * @param codec how values become JSON
	 * @param expiry the sessions' idle expiry
	 * @param sizeLimit the sessions' size limit
	 * @param observer hears conflicts
	 */
	GroupCommit(AsyncSessionStore store, boolean blockingStore, SessionCodec codec, Duration expiry,
			SizeLimit sizeLimit, SessionObserver observer) {
		this.store = store;
		this.blockingStore = blockingStore;
		this.codec = codec;
		this.expiry = expiry;
		this.sizeLimit = sizeLimit;
		this.observer = observer;
		for (int i = 0; i < STRIPES; i++) {
			this.stripes[i] = new Stripe();
		}
	}

	/**
	 * Save a stored session: replace the JSON a request read with the JSON of its values,
	 * applying its changes onto the saves of other requests before it.
	 * @param sessionId the session
	 * @param read the JSON the request read (or last saved)
	 * @param json the JSON of its values, or {@code null} if it emptied the session
	 * @return what came of the save; failed with {@link SessionStoreException} if the
	 * store failed (then nothing of the batch was written), or with
	 * {@link SessionTooLargeException} if this save's changes, applied to the saves
	 * before it, make the session too large (then they were not written)
	 */
	CompletableFuture<SaveOutcome> save(String sessionId, String read, @Nullable String json) {
		Member self = new Member(sessionId, read, json);
		Stripe stripe = this.stripes[Math.floorMod(sessionId.hashCode(), STRIPES)];
		if (stripe.enter(self)) {
			return lead(stripe, List.of(self));
		}
		if (this.blockingStore) {
			return next(stripe, Futures.join(self.turn));
		}
		return self.turn.thenCompose((turn) -> next(stripe, turn));
	}

	private CompletableFuture<SaveOutcome> next(Stripe stripe, Turn turn) {
		if (turn instanceof Lead lead) {
			return lead(stripe, lead.batch());
		}
		return CompletableFuture.completedFuture(turn).thenApply(GroupCommit::outcomeOf);
	}

	/**
	 * Write a batch whose first member is this save, tell the others what came of theirs,
	 * and hand the stripe to the next batch whatever happens.
	 * @param stripe the stripe of the batch's session
	 * @param batch the saves of the batch, this one first
	 * @return what came of this save
	 */
	private CompletableFuture<SaveOutcome> lead(Stripe stripe, List<Member> batch) {
		CompletableFuture<List<Turn>> written;
		try {
			written = write(batch, stripe.trail);
		}
		catch (RuntimeException | Error ex) {
			written = CompletableFuture.failedFuture(ex);
		}
		return written.handle((turns, failure) -> {
			try {
				if (failure != null) {
					Throwable cause = Futures.cause(failure);
					for (int i = 1; i < batch.size(); i++) {
						batch.get(i).turn.completeExceptionally(cause);
					}
					throw Futures.rethrow(cause);
				}
				for (int i = 1; i < batch.size(); i++) {
					batch.get(i).turn.complete(turns.get(i));
				}
				return outcomeOf(turns.get(0));
			}
			finally {
				stripe.handOff();
			}
		});
	}

	private CompletableFuture<List<Turn>> write(List<Member> batch, SaveTrail trail) {
		String sessionId = batch.get(0).sessionId;
		String read = batch.get(0).read;
		String newer = trail.newerThan(sessionId, read);
		String expected = (newer != null) ? newer : read;
		return attempt(batch, trail, expected, new SessionChanges[batch.size()], 1);
	}

	private CompletableFuture<List<Turn>> attempt(List<Member> batch, SaveTrail trail, String expected,
			SessionChanges[] changes, int attempt) {
		String sessionId = batch.get(0).sessionId;
		if (attempt > MAX_SAVE_ATTEMPTS) {
			return CompletableFuture
				.failedFuture(new SessionStoreException("Session " + SessionIds.fingerprint(sessionId)
						+ " changed under " + MAX_SAVE_ATTEMPTS + " concurrent saves in a row; the changes of "
						+ batch.size() + " request(s) were not saved", null));
		}
		List<Turn> turns = fold(batch, expected, changes);
		List<Saved> saved = turns.stream().filter(Saved.class::isInstance).map(Saved.class::cast).toList();
		if (saved.isEmpty()) {
			return CompletableFuture.completedFuture(turns);
		}
		String target = saved.get(saved.size() - 1).json();
		return this.store.replace(sessionId, expected, target, this.expiry).thenCompose((result) -> {
			if (result instanceof ReplaceResult.Replaced) {
				String replaced = expected;
				for (Saved member : saved) {
					trail.saved(sessionId, replaced, member.json());
					replaced = member.json();
				}
				return CompletableFuture.completedFuture(turns);
			}
			if (!(result instanceof ReplaceResult.Conflict conflict)) {
				trail.forget(sessionId);
				logger.debug("Session " + SessionIds.fingerprint(sessionId)
						+ " was deleted by another request; not saving the changes of " + batch.size() + " request(s)");
				return CompletableFuture.completedFuture(batch.stream().map((member) -> (Turn) new Ended()).toList());
			}
			this.observer.saveConflict();
			return attempt(batch, trail, conflict.current(), changes, attempt + 1);
		});
	}

	/**
	 * Apply the members' saves one after another onto the stored JSON, as if each had
	 * been written alone.
	 * @param batch the saves, in arrival order
	 * @param current the JSON stored before the first
	 * @param changes each member's changes, computed on first use
	 * @return each member's turn: saved, too large, or ended by an earlier member's
	 * delete
	 */
	private List<Turn> fold(List<Member> batch, String current, SessionChanges[] changes) {
		List<Turn> turns = new ArrayList<>(batch.size());
		@Nullable String latest = current;
		for (int i = 0; i < batch.size(); i++) {
			Member member = batch.get(i);
			if (latest == null) {
				turns.add(new Ended());
				continue;
			}
			Saved saved = member.read.equals(latest) ? new Saved(member.json, null) : merge(member, changes, i, latest);
			if (saved.json() != null) {
				try {
					this.sizeLimit.check(saved.json());
				}
				catch (SessionTooLargeException ex) {
					turns.add(new Failed(ex));
					continue;
				}
			}
			turns.add(saved);
			latest = saved.json();
		}
		return turns;
	}

	private Saved merge(Member member, SessionChanges[] changes, int index, String latest) {
		if (changes[index] == null) {
			ObjectNode before = this.codec.readTree(member.read);
			ObjectNode after = (member.json != null) ? this.codec.readTree(member.json) : before.objectNode();
			changes[index] = SessionChanges.between(before, after);
		}
		ObjectNode merged = changes[index].applyTo(readOrEmpty(latest));
		return new Saved(merged.isEmpty() ? null : this.codec.write(merged), merged);
	}

	private ObjectNode readOrEmpty(String json) {
		try {
			return this.codec.readTree(json);
		}
		catch (MalformedSessionException ex) {
			return this.codec.readTree("{}");
		}
	}

	private static SaveOutcome outcomeOf(Turn turn) {
		if (turn instanceof Failed failed) {
			throw failed.exception();
		}
		return (SaveOutcome) turn;
	}

	/**
	 * What came of a save in its batch.
	 */
	sealed interface SaveOutcome {

	}

	/**
	 * The save was written: the session now holds this save's result, or a later member's
	 * of the same batch.
	 *
	 * @param json what this save would have written alone, or {@code null} if it deleted
	 * the session
	 * @param merged the result of applying this save's changes onto another save's JSON,
	 * or {@code null} if the JSON is the request's own
	 */
	record Saved(@Nullable String json, @Nullable ObjectNode merged) implements SaveOutcome, Turn {

	}

	/**
	 * The session was gone: deleted by another request, here or elsewhere, or expired.
	 */
	record Ended() implements SaveOutcome, Turn {

	}

	/**
	 * What a queued save learns when the save in flight ends: the outcome of its save, or
	 * that it leads the next batch.
	 */
	private sealed interface Turn {

	}

	private record Lead(List<Member> batch) implements Turn {

	}

	private record Failed(RuntimeException exception) implements Turn {

	}

	/**
	 * One save: what it read and what it would write alone, and where it learns its turn.
	 */
	private static final class Member {

		private final String sessionId;

		private final String read;

		private final @Nullable String json;

		private final CompletableFuture<Turn> turn = new CompletableFuture<>();

		Member(String sessionId, String read, @Nullable String json) {
			this.sessionId = sessionId;
			this.read = read;
			this.json = json;
		}

	}

	/**
	 * The saves of the sessions whose ids fall in one stripe: at most one batch in
	 * flight, the others queued in arrival order. The trail is used by the batch in
	 * flight only.
	 * <p>
	 * Its sections hold a few queue operations and never I/O, and on WebFlux they run on
	 * the server's event loops, several of which may save at once: a monitor, because a
	 * thread that finds it held waits a moment inside the JVM, where a
	 * {@code ReentrantLock} would park the event loop (and fail under BlockHound).
	 */
	private static final class Stripe {

		private final ArrayDeque<Member> waiting = new ArrayDeque<>();

		private final SaveTrail trail = new SaveTrail();

		private boolean busy;

		/**
		 * Start a save now if nothing is in flight, else queue it.
		 * @param member the save
		 * @return {@code true} if the save is in flight and must be written now
		 */
		synchronized boolean enter(Member member) {
			if (!this.busy) {
				this.busy = true;
				return true;
			}
			this.waiting.add(member);
			return false;
		}

		/**
		 * End the batch in flight: make the oldest queued save leader of every queued
		 * save of its session, or leave the stripe idle.
		 */
		void handOff() {
			Member leader;
			List<Member> batch = new ArrayList<>();
			synchronized (this) {
				leader = this.waiting.poll();
				if (leader == null) {
					this.busy = false;
					return;
				}
				batch.add(leader);
				Iterator<Member> queued = this.waiting.iterator();
				while (queued.hasNext() && batch.size() < MAX_BATCH) {
					Member member = queued.next();
					if (member.sessionId.equals(leader.sessionId)) {
						batch.add(member);
						queued.remove();
					}
				}
			}
			leader.turn.complete(new Lead(batch));
		}

	}

}

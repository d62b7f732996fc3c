package org.curveball.session.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * A master that a test killed, and the replica expected to take its place, watched in the
 * background so that a test can drive requests meanwhile and learn afterwards when the
 * replica became master.
 */
public final class Failover {

	private static final long POLL_MILLIS = 10;

	private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(60);

	private final LocalRedisNode killed;

	private final LocalRedisNode successor;

	private final Instant killedAt;

	private final CompletableFuture<Instant> promotion = new CompletableFuture<>();

	private final Thread watcher;

	private Failover(LocalRedisNode killed, LocalRedisNode successor, Instant killedAt, BooleanSupplier promoted) {
		this.killed = killed;
		this.successor = successor;
		this.killedAt = killedAt;
		this.watcher = new Thread(() -> watch(promoted), "failover-watcher-" + killed.port());
		this.watcher.setDaemon(true);
	}

	/**
	 * Kill a master, then watch for its successor's promotion.
	 * @param killed the master, which is killed at once
	 * @param successor the replica expected to become master
	 * @param promoted whether the successor has become master; an exception counts as not
	 * yet
	 * @return the failover under way
	 */
	static Failover kill(LocalRedisNode killed, LocalRedisNode successor, BooleanSupplier promoted) {
		killed.kill();
		Failover failover = new Failover(killed, successor, Instant.now(), promoted);
		failover.watcher.start();
		return failover;
	}

	/**
	 * Stop watching, for a setup that is closing, and wait until the watcher has stopped,
	 * so that it asks nothing of clients being shut down (Netty warns of a connection it
	 * can no longer register). A promotion not seen by then is never seen.
	 */
	void stopWatching() {
		this.promotion.cancel(false);
		try {
			this.watcher.join(Duration.ofSeconds(5).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void watch(BooleanSupplier promoted) {
		long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
		try {
			while (!this.promotion.isDone() && !isTrue(promoted)) {
				if (System.nanoTime() > deadline) {
					this.promotion
						.completeExceptionally(new TimeoutException("%s was not promoted within %d s of killing %s"
							.formatted(this.successor, GIVE_UP_AFTER.toSeconds(), this.killed)));
					return;
				}
				Thread.sleep(POLL_MILLIS);
			}
			this.promotion.complete(Instant.now());
		}
		catch (InterruptedException ex) {
			this.promotion.completeExceptionally(ex);
		}
	}

	private static boolean isTrue(BooleanSupplier condition) {
		try {
			return condition.getAsBoolean();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * Return the master that was killed.
	 * @return the node, no longer running
	 */
	public LocalRedisNode killed() {
		return this.killed;
	}

	/**
	 * Return the replica expected to take the killed master's place.
	 * @return the node
	 */
	public LocalRedisNode successor() {
		return this.successor;
	}

	/**
	 * Return when the master was killed.
	 * @return the instant, just after the process ended
	 */
	public Instant killedAt() {
		return this.killedAt;
	}

	/**
	 * Return when the successor was seen as master, if it has been yet. The watcher looks
	 * every {@value #POLL_MILLIS} ms, so the promotion happened at most that much
	 * earlier.
	 * @return the instant, or empty while the failover is under way
	 */
	public Optional<Instant> promotion() {
		return Optional.ofNullable(this.promotion.getNow(null));
	}

	/**
	 * Wait until the successor is master.
	 * @param timeout how long to wait
	 * @return when it was first seen as master
	 * @throws IllegalStateException if it was not promoted in time
	 */
	public Instant awaitPromotion(Duration timeout) {
		try {
			return this.promotion.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the promotion of " + this.successor, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("%s was not promoted within %s of killing %s".formatted(this.successor,
					Duration.between(this.killedAt, Instant.now()), this.killed), ex);
		}
	}

	@Override
	public String toString() {
		return "failover of " + this.killed + " to " + this.successor;
	}

}

package org.curveball.session.testing;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.awaitility.Awaitility;

/**
 * What {@code ROLE} tells of a node's replication, and waits on it.
 */
final class Replication {

	private static final Duration POLL_INTERVAL = Duration.ofMillis(20);

	private Replication() {
	}

	/**
	 * Return whether a node answers as a master.
	 * @param node the node
	 * @return whether its role is {@code master}
	 */
	static boolean isMaster(LocalRedisNode node) {
		return "master".equals(node.commands().role().get(0));
	}

	/**
	 * Return the port of the master a node replicates with a working link.
	 * @param node the node
	 * @return the master's port, or empty if the node is a master or its link is down
	 */
	static Optional<Integer> connectedMasterPort(LocalRedisNode node) {
		List<Object> role = node.commands().role();
		boolean connected = "slave".equals(role.get(0)) && "connected".equals(role.get(3));
		return connected ? Optional.of(((Number) role.get(2)).intValue()) : Optional.empty();
	}

	/**
	 * Wait until a replica has applied everything its master has written so far, as
	 * {@code WAIT} does for a client's own writes, here for every client's: the replica's
	 * offset reaches the master's.
	 * @param master the master
	 * @param replica its replica
	 */
	static void awaitCaughtUp(LocalRedisNode master, LocalRedisNode replica) {
		long written = ((Number) master.commands().role().get(1)).longValue();
		await("%s to catch up with %s at offset %d".formatted(replica, master, written), Duration.ofSeconds(10),
				() -> ((Number) replica.commands().role().get(4)).longValue() >= written);
	}

	/**
	 * Wait until a condition holds, counting an exception as not yet.
	 * @param what what is awaited, for the message
	 * @param timeout how long to wait
	 * @param condition the condition
	 */
	static void await(String what, Duration timeout, Callable<Boolean> condition) {
		Awaitility.await(what).atMost(timeout).pollInterval(POLL_INTERVAL).ignoreExceptions().until(condition);
	}

}

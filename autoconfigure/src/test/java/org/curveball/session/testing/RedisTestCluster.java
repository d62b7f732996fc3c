package org.curveball.session.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.models.partitions.ClusterPartitionParser;
import io.lettuce.core.cluster.models.partitions.Partitions;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode.NodeFlag;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Redis Cluster of three masters, each with one replica, run on this machine from the
 * {@code redis-server} on the {@code PATH}, each node in a temporary directory of its own
 * and without persistence, for tests that kill masters and watch the replicas take over.
 * <p>
 * Nodes time out after {@value #NODE_TIMEOUT_MILLIS} ms, so that a replica is promoted
 * three to four seconds after its master died. The cluster keeps serving the slots of the
 * other masters meanwhile ({@code cluster-require-full-coverage no}): with Redis's
 * default, every node refuses every command from the moment a master is marked failed
 * until its replica takes over.
 */
public final class RedisTestCluster implements AutoCloseable {

	/**
	 * How long, in milliseconds, a node may not answer before the others count it as
	 * failed ({@code cluster-node-timeout}).
	 */
	public static final int NODE_TIMEOUT_MILLIS = 2000;

	private static final Logger logger = LoggerFactory.getLogger(RedisTestCluster.class);

	private static final int MASTERS = 3;

	private static final Duration FORMATION_TIMEOUT = Duration.ofSeconds(30);

	private final ClientResources resources;

	private final List<LocalRedisNode> nodes;

	private final List<Failover> failovers = new CopyOnWriteArrayList<>();

	private RedisTestCluster(ClientResources resources, List<LocalRedisNode> nodes) {
		this.resources = resources;
		this.nodes = nodes;
	}

	/**
	 * Start six nodes on free ports whose cluster bus ports are free too, give each of
	 * three masters a third of the slots and one replica, and return once every node sees
	 * the same healthy cluster.
	 * @return the running cluster
	 * @throws IllegalStateException if there is no {@code redis-server} on the
	 * {@code PATH} or the cluster did not form
	 */
	public static RedisTestCluster start() {
		Path executable = RedisProvider.redisServerOnPath()
			.orElseThrow(() -> new IllegalStateException("A Redis Cluster for tests needs redis-server on the PATH"));
		ClientResources resources = DefaultClientResources.create();
		List<LocalRedisNode> nodes = new ArrayList<>();
		RedisTestCluster cluster = new RedisTestCluster(resources, nodes);
		try {
			Set<Integer> ports = new HashSet<>();
			for (int i = 0; i < 2 * MASTERS; i++) {
				int port = LocalPorts.freeWithClusterBus(ports);
				ports.add(port);
				nodes.add(LocalRedisNode.prepare(executable, port, RedisTestCluster::nodeOptions, resources));
			}
			cluster.form();
		}
		catch (IOException ex) {
			cluster.close();
			throw new UncheckedIOException("Could not prepare the nodes of a Redis Cluster", ex);
		}
		catch (RuntimeException ex) {
			cluster.close();
			throw ex;
		}
		logger.info("Redis Cluster for tests: masters {}, replicas {}", nodes.subList(0, MASTERS),
				nodes.subList(MASTERS, nodes.size()));
		return cluster;
	}

	private static List<String> nodeOptions(Path directory) {
		return List.of("--daemonize", "no", "--dir", directory.toString(), "--save", "", "--appendonly", "no",
				"--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--cluster-node-timeout",
				Integer.toString(NODE_TIMEOUT_MILLIS), "--cluster-require-full-coverage", "no",
				// A replica takes over however long ago it last heard from its master
				"--cluster-replica-validity-factor", "0",
				// A replica that rejoins is sent the data at once, not after 5 s
				"--repl-diskless-sync-delay", "0");
	}

	private void form() {
		this.nodes.forEach(LocalRedisNode::start);
		for (int i = 0; i < this.nodes.size(); i++) {
			this.nodes.get(i).commands().clusterSetConfigEpoch(i + 1);
		}
		for (int i = 0; i < MASTERS; i++) {
			int first = SlotHash.SLOT_COUNT * i / MASTERS;
			int last = SlotHash.SLOT_COUNT * (i + 1) / MASTERS - 1;
			this.nodes.get(i).commands().clusterAddSlots(IntStream.rangeClosed(first, last).toArray());
		}
		LocalRedisNode first = this.nodes.get(0);
		this.nodes.subList(1, this.nodes.size())
			.forEach((node) -> first.commands().clusterMeet("127.0.0.1", node.port()));
		Replication.await("every node to know the others", FORMATION_TIMEOUT,
				() -> this.nodes.stream().allMatch(this::knowsEveryNode));
		for (int i = 0; i < MASTERS; i++) {
			String masterId = this.nodes.get(i).commands().clusterMyId();
			this.nodes.get(MASTERS + i).commands().clusterReplicate(masterId);
		}
		awaitHealthy();
	}

	private boolean knowsEveryNode(LocalRedisNode node) {
		Partitions view = view(node);
		return view.size() == this.nodes.size() && view.stream().noneMatch((known) -> known.is(NodeFlag.HANDSHAKE));
	}

	/**
	 * Return the addresses of every node, as {@code spring.data.redis.cluster.nodes}
	 * takes them.
	 * @return the comma-separated {@code 127.0.0.1:<port>} of the six nodes
	 */
	public String nodeAddresses() {
		return this.nodes.stream().map(LocalRedisNode::address).collect(Collectors.joining(","));
	}

	/**
	 * Return the six nodes, masters and replicas, running or not.
	 * @return the nodes
	 */
	public List<LocalRedisNode> nodes() {
		return List.copyOf(this.nodes);
	}

	/**
	 * Return the nodes that serve slots now.
	 * @return the masters, as the cluster sees them
	 */
	public List<LocalRedisNode> masters() {
		return this.nodes.stream().filter(LocalRedisNode::isRunning).filter(Replication::isMaster).toList();
	}

	/**
	 * Return the master that serves a key's slot, as the running node with the newest
	 * view of that slot sees it.
	 * @param key the key
	 * @return the master
	 */
	public LocalRedisNode masterOf(String key) {
		int slot = SlotHash.getSlot(key);
		RedisClusterNode owner = this.nodes.stream()
			.filter(LocalRedisNode::isRunning)
			.flatMap((node) -> view(node).stream())
			.filter((known) -> known.hasSlot(slot) && !known.is(NodeFlag.FAIL))
			.max(Comparator.comparingLong(RedisClusterNode::getConfigEpoch))
			.orElseThrow(() -> new IllegalStateException("No master serves slot " + slot + " of " + key));
		return node(owner.getUri().getPort());
	}

	/**
	 * Return the replica of a master.
	 * @param master the master
	 * @return the node that replicates it with a working link
	 * @throws IllegalStateException if it has none
	 */
	public LocalRedisNode replicaOf(LocalRedisNode master) {
		return this.nodes.stream()
			.filter(LocalRedisNode::isRunning)
			.filter((node) -> Replication.connectedMasterPort(node).filter((port) -> port == master.port()).isPresent())
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(master + " has no connected replica"));
	}

	/**
	 * Kill a master as a crash would, once its replica has everything the master wrote,
	 * and watch the replica take over.
	 * @param master the master
	 * @return the failover under way
	 */
	public Failover killMaster(LocalRedisNode master) {
		LocalRedisNode replica = replicaOf(master);
		Replication.awaitCaughtUp(master, replica);
		Failover failover = Failover.kill(master, replica, () -> Replication.isMaster(replica));
		this.failovers.add(failover);
		return failover;
	}

	/**
	 * Start again the nodes that were killed, which rejoin as replicas, and wait until
	 * the cluster is healthy: three masters serving every slot, each with a replica, and
	 * every node agreeing.
	 */
	public void heal() {
		this.nodes.stream().filter((node) -> !node.isRunning()).forEach(LocalRedisNode::start);
		awaitHealthy();
	}

	/**
	 * Delete every key of every master.
	 */
	public void flushAll() {
		masters().forEach((master) -> master.commands().flushall());
	}

	private void awaitHealthy() {
		Replication.await("a healthy cluster of " + nodeAddresses(), FORMATION_TIMEOUT,
				() -> this.nodes.stream().allMatch(this::seesHealthyCluster));
	}

	private boolean seesHealthyCluster(LocalRedisNode node) {
		if (!node.commands().clusterInfo().contains("cluster_state:ok")) {
			return false;
		}
		Partitions view = view(node);
		List<RedisClusterNode> masters = view.stream().filter((known) -> known.getRole().isUpstream()).toList();
		Map<String, Long> replicas = view.stream()
			.filter((known) -> known.getRole().isReplica())
			.collect(Collectors.groupingBy(RedisClusterNode::getSlaveOf, Collectors.counting()));
		boolean everyNodeWell = view.size() == this.nodes.size() && view.stream()
			.noneMatch((known) -> known.is(NodeFlag.FAIL) || known.is(NodeFlag.EVENTUAL_FAIL)
					|| known.is(NodeFlag.HANDSHAKE) || known.is(NodeFlag.NOADDR));
		boolean everySlotServed = masters.stream()
			.mapToInt((master) -> master.getSlots().size())
			.sum() == SlotHash.SLOT_COUNT;
		boolean everyMasterReplicated = masters.size() == MASTERS
				&& masters.stream().allMatch((master) -> replicas.getOrDefault(master.getNodeId(), 0L) == 1);
		boolean linkUp = Replication.isMaster(node) || Replication.connectedMasterPort(node).isPresent();
		return everyNodeWell && everySlotServed && everyMasterReplicated && linkUp;
	}

	private static Partitions view(LocalRedisNode node) {
		return ClusterPartitionParser.parse(node.commands().clusterNodes());
	}

	private LocalRedisNode node(int port) {
		return this.nodes.stream()
			.filter((node) -> node.port() == port)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No node of this cluster listens on " + port));
	}

	/**
	 * Stop every node and delete their directories.
	 */
	@Override
	public void close() {
		this.failovers.forEach(Failover::stopWatching);
		this.nodes.forEach(LocalRedisNode::close);
		this.resources.shutdown(0, 2, TimeUnit.SECONDS);
	}

}

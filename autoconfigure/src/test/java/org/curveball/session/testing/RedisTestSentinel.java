package org.curveball.session.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.sentinel.api.StatefulRedisSentinelConnection;
import io.lettuce.core.sentinel.api.sync.RedisSentinelCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Redis master with one replica, watched by three sentinels (quorum two), run on this
 * machine from the {@code redis-server} on the {@code PATH}, each process in a temporary
 * directory of its own and without persistence, for tests that kill the master and watch
 * the sentinels promote the replica.
 * <p>
 * The sentinels count the master as down after {@value #DOWN_AFTER_MILLIS} ms without an
 * answer, so that the replica is promoted about one and a half seconds after the master
 * died.
 */
public final class RedisTestSentinel implements AutoCloseable {

	/**
	 * The name under which the sentinels monitor the master.
	 */
	public static final String MASTER_NAME = "mymaster";

	/**
	 * How long, in milliseconds, the master may not answer before a sentinel counts it as
	 * down ({@code down-after-milliseconds}).
	 */
	public static final int DOWN_AFTER_MILLIS = 1000;

	private static final int FAILOVER_TIMEOUT_MILLIS = 3000;

	private static final int SENTINELS = 3;

	private static final int QUORUM = 2;

	private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);

	private static final Logger logger = LoggerFactory.getLogger(RedisTestSentinel.class);

	private final ClientResources resources;

	private final List<LocalRedisNode> servers = new ArrayList<>();

	private final List<Failover> failovers = new CopyOnWriteArrayList<>();

	private final List<LocalRedisNode> sentinels = new ArrayList<>();

	private final List<RedisClient> sentinelClients = new ArrayList<>();

	private final List<StatefulRedisSentinelConnection<String, String>> sentinelConnections = new ArrayList<>();

	private RedisTestSentinel(ClientResources resources) {
		this.resources = resources;
	}

	/**
	 * Start a master, its replica and three sentinels on free ports, and return once the
	 * replica is in sync and every sentinel knows the replica and the other sentinels.
	 * @return the running setup
	 * @throws IllegalStateException if there is no {@code redis-server} on the
	 * {@code PATH} or the setup did not settle
	 */
	public static RedisTestSentinel start() {
		Path executable = RedisProvider.redisServerOnPath()
			.orElseThrow(() -> new IllegalStateException("A Sentinel setup for tests needs redis-server on the PATH"));
		RedisTestSentinel setup = new RedisTestSentinel(DefaultClientResources.create());
		try {
			setup.prepare(executable);
			setup.servers.forEach(LocalRedisNode::start);
			setup.sentinels.forEach(LocalRedisNode::start);
			setup.connectSentinels();
			setup.awaitSettled();
		}
		catch (IOException ex) {
			setup.close();
			throw new UncheckedIOException("Could not prepare a Sentinel setup", ex);
		}
		catch (RuntimeException ex) {
			setup.close();
			throw ex;
		}
		logger.info("Redis Sentinel setup for tests: master {}, replica {}, sentinels {}", setup.servers.get(0),
				setup.servers.get(1), setup.sentinelAddresses());
		return setup;
	}

	private void prepare(Path executable) throws IOException {
		Set<Integer> ports = new HashSet<>();
		while (ports.size() < 2 + SENTINELS) {
			ports.add(LocalPorts.free());
		}
		List<Integer> free = new ArrayList<>(ports);
		int masterPort = free.get(0);
		this.servers
			.add(LocalRedisNode.prepare(executable, masterPort, RedisTestSentinel::serverOptions, this.resources));
		this.servers.add(LocalRedisNode.prepare(executable, free.get(1),
				(directory) -> replicaOptions(directory, masterPort), this.resources));
		for (int port : free.subList(2, free.size())) {
			LocalRedisNode sentinel = LocalRedisNode.prepare(executable, port, RedisTestSentinel::sentinelOptions,
					this.resources);
			Files.writeString(sentinel.directory().resolve("sentinel.conf"), sentinelConfiguration(masterPort));
			this.sentinels.add(sentinel);
		}
	}

	private static List<String> serverOptions(Path directory) {
		return List.of("--daemonize", "no", "--dir", directory.toString(), "--save", "", "--appendonly", "no",
				// A replica that rejoins is sent the data at once, not after 5 s
				"--repl-diskless-sync-delay", "0");
	}

	private static List<String> replicaOptions(Path directory, int masterPort) {
		List<String> options = new ArrayList<>(serverOptions(directory));
		options.addAll(List.of("--replicaof", "127.0.0.1", Integer.toString(masterPort)));
		return options;
	}

	private static List<String> sentinelOptions(Path directory) {
		// The sentinel rewrites its configuration file as it learns the setup
		return List.of("sentinel.conf", "--sentinel", "--daemonize", "no", "--dir", directory.toString());
	}

	private static String sentinelConfiguration(int masterPort) {
		return """
				sentinel monitor %1$s 127.0.0.1 %2$d %3$d
				sentinel down-after-milliseconds %1$s %4$d
				sentinel failover-timeout %1$s %5$d
				sentinel parallel-syncs %1$s 1
				""".formatted(MASTER_NAME, masterPort, QUORUM, DOWN_AFTER_MILLIS, FAILOVER_TIMEOUT_MILLIS);
	}

	private void connectSentinels() {
		for (LocalRedisNode sentinel : this.sentinels) {
			RedisClient client = RedisClient.create(this.resources, RedisURI.create("127.0.0.1", sentinel.port()));
			this.sentinelClients.add(client);
			this.sentinelConnections.add(client.connectSentinel());
		}
	}

	/**
	 * Return the name of the master the sentinels monitor, as
	 * {@code spring.data.redis.sentinel.master} takes it.
	 * @return {@value #MASTER_NAME}
	 */
	public String masterName() {
		return MASTER_NAME;
	}

	/**
	 * Return the sentinels' addresses, as {@code spring.data.redis.sentinel.nodes} takes
	 * them.
	 * @return the comma-separated {@code 127.0.0.1:<port>} of the three sentinels
	 */
	public String sentinelAddresses() {
		return this.sentinels.stream().map(LocalRedisNode::address).collect(Collectors.joining(","));
	}

	/**
	 * Return the master and its replica, running or not.
	 * @return the two data nodes
	 */
	public List<LocalRedisNode> servers() {
		return List.copyOf(this.servers);
	}

	/**
	 * Return the master, as the first sentinel names it.
	 * @return the master
	 */
	public LocalRedisNode master() {
		InetSocketAddress address = (InetSocketAddress) sentinel(0).getMasterAddrByName(MASTER_NAME);
		return this.servers.stream()
			.filter((server) -> server.port() == address.getPort())
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("The sentinels name an unknown master " + address));
	}

	/**
	 * Return the replica: the data node that is not the master.
	 * @return the replica
	 */
	public LocalRedisNode replica() {
		LocalRedisNode master = master();
		return this.servers.stream().filter((server) -> server != master).findFirst().orElseThrow();
	}

	/**
	 * Kill the master as a crash would, once the replica has everything the master wrote,
	 * and watch the replica take over.
	 * @return the failover under way
	 */
	public Failover killMaster() {
		LocalRedisNode master = master();
		LocalRedisNode replica = replica();
		Replication.awaitCaughtUp(master, replica);
		Failover failover = Failover.kill(master, replica, () -> Replication.isMaster(replica));
		this.failovers.add(failover);
		return failover;
	}

	/**
	 * Start again the data node that was killed, which the sentinels turn into a replica,
	 * and wait until the setup is whole: every sentinel names the same master and sees
	 * its replica in sync and the two other sentinels.
	 */
	public void heal() {
		List<LocalRedisNode> stopped = this.servers.stream().filter((server) -> !server.isRunning()).toList();
		if (!stopped.isEmpty()) {
			LocalRedisNode master = master();
			for (LocalRedisNode server : stopped) {
				server.start();
				// What the sentinels would do, but only some 10 s after seeing it back
				server.commands().replicaof("127.0.0.1", master.port());
			}
		}
		awaitSettled();
	}

	/**
	 * Delete every key of the master.
	 */
	public void flushAll() {
		master().commands().flushall();
	}

	private void awaitSettled() {
		Replication.await("the sentinels to agree on a master with a replica in sync", SETTLE_TIMEOUT,
				() -> this.sentinelConnections.stream().allMatch((connection) -> seesSettledSetup(connection.sync())));
	}

	private boolean seesSettledSetup(RedisSentinelCommands<String, String> sentinel) {
		Map<String, String> master = sentinel.master(MASTER_NAME);
		List<Map<String, String>> replicas = sentinel.replicas(MASTER_NAME);
		int masterPort = Integer.parseInt(master.get("port"));
		LocalRedisNode replica = this.servers.stream()
			.filter((server) -> server.port() != masterPort)
			.findFirst()
			.orElseThrow();
		boolean masterWell = "master".equals(master.get("flags"))
				&& Integer.parseInt(master.get("num-other-sentinels")) == SENTINELS - 1;
		boolean replicaKnown = replicas.size() == 1 && "slave".equals(replicas.get(0).get("flags"))
				&& Integer.parseInt(replicas.get(0).get("port")) == replica.port();
		boolean replicaInSync = Replication.connectedMasterPort(replica)
			.filter((port) -> port == masterPort)
			.isPresent();
		return masterWell && replicaKnown && replicaInSync;
	}

	private RedisSentinelCommands<String, String> sentinel(int index) {
		return this.sentinelConnections.get(index).sync();
	}

	/**
	 * Stop every process and delete their directories.
	 */
	@Override
	public void close() {
		this.failovers.forEach(Failover::stopWatching);
		this.sentinelConnections.forEach(StatefulRedisSentinelConnection::close);
		this.sentinelClients.forEach((client) -> client.shutdown(0, 2, TimeUnit.SECONDS));
		this.sentinels.forEach(LocalRedisNode::close);
		this.servers.forEach(LocalRedisNode::close);
		this.resources.shutdown(0, 2, TimeUnit.SECONDS);
	}

}

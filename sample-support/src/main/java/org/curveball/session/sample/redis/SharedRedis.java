package org.curveball.session.sample.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * Runs the Redis shipped by embedded-redis on its own, in the foreground, for several
 * instances of the sample to share: unlike the one an instance starts for itself, it
 * keeps running whichever instance stops. Ctrl-C stops it, and its data with it.
 * <p>
 * {@code ./mvnw -pl sample-app -am spring-boot:run
 * -Dspring-boot.run.main-class=org.curveball.session.sample.redis.SharedRedis} runs it on
 * {@code localhost:6379}; an argument gives another port.
 */
public final class SharedRedis {

	private SharedRedis() {
	}

	public static void main(String[] args) throws InterruptedException {
		RedisAddress address = new RedisAddress("localhost", (args.length > 0) ? Integer.parseInt(args[0]) : 6379);
		if (address.answers(Duration.ofMillis(500))) {
			System.out.println("A Redis already answers at " + address + ": the sample's instances will share it.");
			return;
		}
		EmbeddedRedis redis = EmbeddedRedis.start(address);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(redis), "shared-redis-stop"));
		System.out.println("Redis for the sample's instances at " + address + ". Ctrl-C stops it.");
		Thread.currentThread().join();
	}

	private static void stop(EmbeddedRedis redis) {
		try {
			redis.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

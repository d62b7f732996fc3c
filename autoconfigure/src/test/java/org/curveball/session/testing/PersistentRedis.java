package org.curveball.session.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes the Redis server that a {@link RedisServerExtension} runs for the annotated test
 * class keep its data across {@link RedisServerExtension#stop()} and
 * {@link RedisServerExtension#start()}, as a production Redis with an append-only file
 * does: for tests that stop Redis and check that nothing acknowledged was lost.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface PersistentRedis {

}

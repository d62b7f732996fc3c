/**
 * Starts the Redis server shipped by embedded-redis when none answers at the configured
 * address, so that the sample runs on a machine without Redis.
 */
@NullMarked
package org.curveball.session.sample.redis;

import org.jspecify.annotations.NullMarked;

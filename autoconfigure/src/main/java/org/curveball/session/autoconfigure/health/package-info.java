/**
 * Auto-configuration of the health of the Redis connection dedicated to Curveball
 * sessions.
 */
@NullMarked
package org.curveball.session.autoconfigure.health;

import org.jspecify.annotations.NullMarked;

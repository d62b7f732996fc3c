/**
 * The Redis session store: Curveball's keys, JSON strings, sliding expiry and atomic
 * saves.
 */
@NullMarked
package org.curveball.session.redis;

import org.jspecify.annotations.NullMarked;

/**
 * The index of each principal's sessions in Redis: one hash per principal, beside the
 * session keys, in keys that can never be taken for a session key.
 */
@NullMarked
package org.curveball.session.principal.redis;

import org.jspecify.annotations.NullMarked;

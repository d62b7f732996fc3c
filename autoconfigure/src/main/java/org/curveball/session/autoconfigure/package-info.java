/**
 * Auto-configuration of Curveball sessions stored in Redis.
 */
@NullMarked
package org.curveball.session.autoconfigure;

import org.jspecify.annotations.NullMarked;

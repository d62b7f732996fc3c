/**
 * Auto-configuration of the Micrometer metrics of Curveball sessions.
 */
@NullMarked
package org.curveball.session.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;

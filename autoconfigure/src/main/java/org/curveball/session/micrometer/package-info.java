/**
 * Micrometer metrics of sessions and of their store.
 */
@NullMarked
package org.curveball.session.micrometer;

import org.jspecify.annotations.NullMarked;

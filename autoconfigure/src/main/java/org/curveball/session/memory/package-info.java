/**
 * An in-memory session store, for tests and single-instance applications.
 */
@NullMarked
package org.curveball.session.memory;

import org.jspecify.annotations.NullMarked;

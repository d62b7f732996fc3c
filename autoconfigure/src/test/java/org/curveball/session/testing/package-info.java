/**
 * Real Redis servers for tests, one per test suite, that tests can stop and restart to
 * inject faults.
 */
@NullMarked
package org.curveball.session.testing;

import org.jspecify.annotations.NullMarked;

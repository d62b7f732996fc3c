/**
 * Test fixtures: real Redis servers, one per test suite, that tests can stop and restart
 * to inject faults, and random inputs for fuzz tests.
 */
@NullMarked
package org.curveball.session.testing;

import org.jspecify.annotations.NullMarked;

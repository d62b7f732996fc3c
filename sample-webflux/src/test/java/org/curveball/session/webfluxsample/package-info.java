/**
 * Tests of the WebFlux sample over real HTTP against real Redis servers, with BlockHound
 * installed.
 */
@NullMarked
package org.curveball.session.webfluxsample;

import org.jspecify.annotations.NullMarked;

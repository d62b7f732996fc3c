/**
 * The WebFlux sample: a reactive application whose sessions, and Spring Security's
 * sign-in, are Curveball sessions kept in Redis by the starter.
 */
@NullMarked
package org.curveball.session.webfluxsample;

import org.jspecify.annotations.NullMarked;

/**
 * Auto-configuration of Curveball sessions in reactive (WebFlux) web applications.
 */
@NullMarked
package org.curveball.session.autoconfigure.web.reactive;

import org.jspecify.annotations.NullMarked;

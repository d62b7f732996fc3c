/**
 * A Spring MVC application that keeps its sessions in Redis with the Curveball session
 * starter: an HTML page and a JSON API over the request's session.
 */
@NullMarked
package org.curveball.session.sample;

import org.jspecify.annotations.NullMarked;

/**
 * A Spring MVC application that keeps its sessions in Redis with the Curveball session
 * starter: Thymeleaf pages that show what each request did with its session and cost in
 * Redis, a sign-in with Spring Security, and a JSON API over the request's session.
 */
@NullMarked
package org.curveball.session.sample;

import org.jspecify.annotations.NullMarked;

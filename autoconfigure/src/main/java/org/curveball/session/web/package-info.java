/**
 * What every web stack shares: the session cookie's attributes and its codec over header
 * values, the problem responses to session errors, and where a request carries its CSRF
 * token.
 */
@NullMarked
package org.curveball.session.web;

import org.jspecify.annotations.NullMarked;

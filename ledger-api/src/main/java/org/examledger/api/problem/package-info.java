/**
 * The one shape of a refused request inside the service: an HTTP status, a stable rule and the
 * field at fault, answered by the web layer as RFC 9457 problem details.
 */
package org.examledger.api.problem;

/**
 * The key registry as a domain: which public key belongs to which actor, in which role, from when
 * and until when. Registrations and revocations are events signed by a station administrator; the
 * one {@link org.examledger.keys.KeyRegistry} aggregate decides whether each is allowed.
 */
package org.examledger.keys;

/**
 * Signed admission: every write arrives as an actor's statement, verified (envelope, signature, key
 * registry, actor, time, replay) before a command is built from its payload, and recorded as
 * admitted in the transaction that stores its event (docs/adr/0016).
 */
package org.examledger.api.admission;

/**
 * What the ledger's Merkle log commits to for each stored event: the stored row as a value and its
 * leaf encoding (RFC 8785 canonical JSON, hashed as an RFC 6962 leaf). Plain Java, shared by the
 * service's sequencer and by any verifier that recomputes leaves from the event table.
 */
package org.examledger.ledger;

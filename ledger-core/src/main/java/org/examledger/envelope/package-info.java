/**
 * The exact bytes an actor signs: a {@link org.examledger.envelope.Statement} in RFC 8785 canonical
 * JSON, signed as a DSSE v1 envelope (secure-systems-lab/dsse) over PAE(payloadType, bytes). The
 * log stores and verifies these envelopes; nothing else produces signed bytes.
 */
package org.examledger.envelope;

/**
 * The only package that touches Bouncy Castle: SM3, Ed25519, SM2 and the ASN.1 of SPKI and PKCS#8
 * keys. It speaks {@link org.examledger.bytes.Bytes} only and knows nothing of the crypto API
 * types, so the dependency runs one way (crypto to crypto.bc). Not for use outside crypto.
 */
package org.examledger.crypto.bc;

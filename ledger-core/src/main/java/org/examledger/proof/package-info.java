/**
 * The offline proof that one entry is in the log: a C2SP tlog-proof file (c2sp.org/tlog-proof)
 * holding the entry's index, its RFC 6962 inclusion proof and the signed checkpoint it leads to.
 */
package org.examledger.proof;

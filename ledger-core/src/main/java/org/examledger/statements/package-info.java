/**
 * The ledger's statement types: for each write, its type name and revision, what the statement's
 * subject is, and the exact payload members (docs/formats/statements.md). Reads a verified
 * statement's payload strictly into a typed record; builds the payload for signers.
 */
package org.examledger.statements;

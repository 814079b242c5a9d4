/**
 * RFC 8785 JSON Canonicalization Scheme: a strict I-JSON (RFC 7493) parser and the canonical
 * serializer whose output is the only byte sequence the ledger ever signs or hashes. Rejects rather
 * than repairs: duplicate names, lone surrogates and out-of-range numbers are errors.
 */
package org.examledger.canonical;

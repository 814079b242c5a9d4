/**
 * Immutable byte values shared by the integrity packages, so that no public API hands out a raw,
 * mutable {@code byte[]}. Equality of secret-dependent values (digests, MACs) is constant time.
 */
package org.examledger.bytes;

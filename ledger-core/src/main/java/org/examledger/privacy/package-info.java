/**
 * Personal data the ledger must never hold in the clear. Pure functions that recognise it (a
 * mainland China resident identity number, GB 11643-1999) so that admission can refuse a statement
 * that carries one before anything is stored; identity documents travel only as keyed hashes.
 */
package org.examledger.privacy;

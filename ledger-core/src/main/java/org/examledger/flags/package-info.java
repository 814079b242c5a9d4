/**
 * The flag engine: pure, deterministic rules over the ledger's events (one class per rule of the
 * brief's section 5, except statistical bunching) that point a supervisor at what went wrong. No
 * database, Spring or Axon runtime: the offline replay tool and the server's projection both feed
 * it {@link org.examledger.flags.LedgerEvent}s. See {@code docs/flags.md}.
 */
package org.examledger.flags;

/**
 * Sample data for {@code ./ledger demo}: a generated, deterministic exam season (a station's year)
 * with planted problems, sent through the same admission path as real requests, so that what the
 * demo shows is what the ledger really stores. docs/demo-season.md describes it.
 */
package org.examledger.api.demo;

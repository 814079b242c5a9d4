/**
 * Sample data for {@code ./ledger demo}: a small exam season sent through the same command path as
 * real requests, so that what the demo shows is what the ledger really stores.
 */
package org.examledger.api.demo;

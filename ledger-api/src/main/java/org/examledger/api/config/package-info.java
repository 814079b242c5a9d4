/**
 * Wiring of the service: the ledger's own settings ({@code ledger.*}), the domain registered with
 * Axon, the projections as beans and the clock the service (never the domain) reads.
 */
package org.examledger.api.config;

/**
 * {@code ./ledger init}: creates the log's checkpoint-signing key and the first station
 * administrator's key pair, and registers the administrator's public key as the registry's
 * self-signed genesis key through admission, like any other statement.
 */
package org.examledger.api.init;

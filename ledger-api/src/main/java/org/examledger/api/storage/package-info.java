/**
 * Where events, tokens and sagas are stored: Axon's JDBC storage engine and token store on the
 * configured data source, with the schema owned by Flyway and the event table append-only.
 */
package org.examledger.api.storage;

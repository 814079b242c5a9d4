/**
 * Rebuilding the tracking projections from the events (Axon token reset with their reset handlers),
 * with progress, while the service keeps answering; reads served by a view that is rebuilding say
 * so in a response header.
 */
package org.examledger.api.rebuild;

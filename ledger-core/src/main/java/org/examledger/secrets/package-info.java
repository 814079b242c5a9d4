/**
 * Secret files on disk (the log's signing key, the station's document-hash secret): owner-only
 * permissions checked in one place, so that the service and the command line refuse the same
 * readable-by-others file with the same message, and secrets that never print themselves.
 */
package org.examledger.secrets;

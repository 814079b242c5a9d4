/**
 * The service's secret files at startup: the station's document-hash secret is located here and,
 * like the log key, refused when group or others may read or write it; a refusal is reported as a
 * startup failure that names the file and the {@code chmod} that fixes it.
 */
package org.examledger.api.secrets;

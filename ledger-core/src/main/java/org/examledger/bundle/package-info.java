/**
 * Evidence bundles (docs/formats/bundle.md): their layout, the writer of the zip, and the one
 * assembly of a bundle's content from a {@link org.examledger.bundle.BundleSource} (the CLI's HTTP
 * client of a server, or the server's own log reader).
 */
package org.examledger.bundle;

/**
 * The evidence bundle (docs/formats/bundle.md): one zip with a manifest, the selected events' leaf
 * inputs, a C2SP tlog-proof for each, the checkpoints and the key registry's events; its writer,
 * its strict reader, and the offline verifier that uses only ledger-core.
 */
package org.examledger.cli.bundle;

/**
 * C2SP signed notes (c2sp.org/signed-note@v1.0.0), transparency-log checkpoints
 * (c2sp.org/tlog-checkpoint@v1.0.0) and Ed25519 witness cosignatures (c2sp.org/tlog-cosignature,
 * cosignature/v1), plus the witness policy a verifier applies. Parsing is strict and every
 * rejection names the rule broken.
 */
package org.examledger.checkpoint;

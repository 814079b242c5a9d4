package org.examledger.checkpoint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * "Signed by the log key and cosigned by at least {@code threshold} of these witnesses": the check
 * a client makes before trusting a checkpoint, so that a log cannot show it a split view unless
 * enough witnesses collude (tlog-cosignature introduction).
 */
public record WitnessPolicy(
    NoteVerifierKey logKey, List<NoteVerifierKey> witnesses, int threshold) {

  public WitnessPolicy {
    Objects.requireNonNull(logKey, "logKey");
    witnesses = List.copyOf(witnesses);
    if (threshold < 0 || threshold > witnesses.size()) {
      throw new IllegalArgumentException(
          "threshold must be in [0, " + witnesses.size() + "], found " + threshold);
    }
    if (new LinkedHashSet<>(witnesses).size() != witnesses.size()) {
      throw new IllegalArgumentException("witness keys must be distinct");
    }
    if (witnesses.contains(logKey)) {
      throw new IllegalArgumentException("the log key cannot also count as a witness");
    }
  }

  /**
   * Verifies the note and returns its checkpoint.
   *
   * @throws NoteVerificationException naming what is missing or which signature failed
   * @throws NoteFormatException when the text is not a checkpoint
   */
  public Checkpoint verify(SignedNote note) {
    List<NoteVerifierKey> known = new ArrayList<>(witnesses);
    known.add(0, logKey);
    List<NoteVerifierKey> verified;
    try {
      verified = note.verify(known);
    } catch (NoteVerificationException e) {
      throw new NoteVerificationException("witness policy: " + e.getMessage());
    }
    if (!verified.contains(logKey)) {
      throw new NoteVerificationException(
          "witness policy: checkpoint is not signed by the log key " + id(logKey));
    }
    Checkpoint checkpoint = Checkpoint.parse(note.text());
    // tlog-checkpoint "Signatures": the log's key name SHOULD match the origin line; the
    // policy holds the log to it so one key cannot vouch for another log's checkpoints.
    if (!checkpoint.origin().equals(logKey.name())) {
      throw new NoteVerificationException(
          "witness policy: checkpoint origin \""
              + checkpoint.origin()
              + "\" does not match the log key name \""
              + logKey.name()
              + "\"");
    }
    Set<NoteVerifierKey> cosigned = new LinkedHashSet<>(verified);
    cosigned.retainAll(witnesses);
    if (cosigned.size() < threshold) {
      List<String> missing = new ArrayList<>();
      for (NoteVerifierKey w : witnesses) {
        if (!cosigned.contains(w)) {
          missing.add(id(w));
        }
      }
      throw new NoteVerificationException(
          "witness policy: need "
              + threshold
              + " of "
              + witnesses.size()
              + " witness cosignatures, found "
              + cosigned.size()
              + "; verified "
              + cosigned.stream().map(WitnessPolicy::id).toList()
              + ", missing "
              + missing);
    }
    return checkpoint;
  }

  private static String id(NoteVerifierKey key) {
    return key.name() + "+" + key.keyIdHex();
  }
}

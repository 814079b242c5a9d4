package org.examledger.bundle;

/** The names inside an evidence bundle (docs/formats/bundle.md). */
public final class BundleLayout {

  /** The manifest's {@code format} member: a changed layout gets a new name. */
  public static final String FORMAT = "examledger-evidence-bundle/v1";

  public static final String MANIFEST = "manifest.json";

  public static final String LOG_KEY = "log.vkey";

  private BundleLayout() {}

  public static String eventPath(long leafIndex) {
    return "events/" + leafIndex + ".json";
  }

  public static String proofPath(long leafIndex) {
    return "proofs/" + leafIndex + ".tlog-proof";
  }

  public static String checkpointPath(long treeSize) {
    return "checkpoints/" + treeSize + ".note";
  }

  public static String consistencyPath(long from, long to) {
    return "consistency/" + from + "-" + to + ".proof";
  }

  public static String keyPath(String keyId) {
    return "keys/" + keyId + ".json";
  }
}

package org.examledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.examledger.bytes.Bytes;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file of transparency-dev/merkle testdata (vectors/merkle/inclusion and consistency): happy
 * paths verify, every {@code wantErr} probe is rejected.
 *
 * <p>The Go verifier takes byte slices of any length; {@link Hash} admits only 32 bytes. A probe
 * whose root, leaf hash or proof element is not 32 bytes long (the suite's "wrong leaf", "trailing
 * garbage", "don't care" roots ...) is therefore rejected when the vector is decoded, with the
 * message asserted below, before the verifier is reached. Exactly one non-error vector uses such
 * values: {@link #UNREPRESENTABLE_HAPPY_VECTORS}; its rule (equal sizes, empty proof, equal roots)
 * is checked with 32-byte roots in {@link ProofVerifierTest}.
 */
class ProofVectorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Vectors with wantErr false whose roots are 12-byte "don't care" strings. */
  private static final Set<String> UNREPRESENTABLE_HAPPY_VECTORS =
      Set.of("consistency/additional/sizes-are-equal-one-and-proof-is-empty.json");

  @TestFactory
  Stream<DynamicTest> inclusionVectors() throws IOException {
    return vectorFiles("inclusion").stream()
        .map(file -> DynamicTest.dynamicTest(name(file), () -> checkInclusion(file)));
  }

  @TestFactory
  Stream<DynamicTest> consistencyVectors() throws IOException {
    return vectorFiles("consistency").stream()
        .map(file -> DynamicTest.dynamicTest(name(file), () -> checkConsistency(file)));
  }

  @Test
  void vectorFolders_holdEveryFileOfTheSuite() throws IOException {
    assertThat(vectorFiles("inclusion")).hasSize(98);
    assertThat(vectorFiles("consistency")).hasSize(98);
    long happy =
        Stream.concat(vectorFiles("inclusion").stream(), vectorFiles("consistency").stream())
            .filter(f -> !read(f).get("wantErr").asBoolean())
            .count();
    assertThat(happy).isEqualTo(12);
  }

  private static void checkInclusion(Path file) {
    JsonNode v = read(file);
    boolean wantErr = v.get("wantErr").asBoolean();
    Throwable decodeError =
        catchThrowable(
            () -> {
              hash(v.get("root"));
              hash(v.get("leafHash"));
              hashes(v.get("proof"));
            });
    if (decodeError != null) {
      assertRejectedAtDecoding(file, wantErr, decodeError);
      return;
    }
    InclusionProof proof =
        new InclusionProof(
            uint64(v.get("leafIdx")), uint64(v.get("treeSize")), hashes(v.get("proof")));
    Hash leafHash = hash(v.get("leafHash"));
    Hash root = hash(v.get("root"));
    if (wantErr) {
      assertThatThrownBy(() -> ProofVerifier.verifyInclusion(proof, leafHash, root))
          .isInstanceOf(MerkleProofException.class);
    } else {
      ProofVerifier.verifyInclusion(proof, leafHash, root);
    }
  }

  private static void checkConsistency(Path file) {
    JsonNode v = read(file);
    boolean wantErr = v.get("wantErr").asBoolean();
    Throwable decodeError =
        catchThrowable(
            () -> {
              hash(v.get("root1"));
              hash(v.get("root2"));
              hashes(v.get("proof"));
            });
    if (decodeError != null) {
      assertRejectedAtDecoding(file, wantErr, decodeError);
      return;
    }
    ConsistencyProof proof =
        new ConsistencyProof(
            uint64(v.get("size1")), uint64(v.get("size2")), hashes(v.get("proof")));
    Hash root1 = hash(v.get("root1"));
    Hash root2 = hash(v.get("root2"));
    if (wantErr) {
      assertThatThrownBy(() -> ProofVerifier.verifyConsistency(proof, root1, root2))
          .isInstanceOf(MerkleProofException.class);
    } else {
      ProofVerifier.verifyConsistency(proof, root1, root2);
    }
  }

  private static void assertRejectedAtDecoding(Path file, boolean wantErr, Throwable error) {
    assertThat(error)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("a Merkle hash must be 32 bytes, found ");
    if (!wantErr) {
      assertThat(UNREPRESENTABLE_HAPPY_VECTORS).contains(name(file));
    }
  }

  /** JSON numbers are Go uint64s; "index - 1" of index 0 wraps to 2^64 - 1, i.e. -1 as a long. */
  private static long uint64(JsonNode n) {
    return n.bigIntegerValue().longValue();
  }

  private static Hash hash(JsonNode n) {
    return Hash.of(Bytes.fromBase64(n.asText()));
  }

  private static List<Hash> hashes(JsonNode n) {
    List<Hash> result = new ArrayList<>();
    if (n != null && !n.isNull()) {
      n.forEach(e -> result.add(hash(e)));
    }
    return result;
  }

  private static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path root() {
    try {
      return Path.of(ProofVectorTest.class.getResource("/vectors/merkle").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String name(Path file) {
    return root().relativize(file).toString().replace('\\', '/');
  }

  private static List<Path> vectorFiles(String kind) throws IOException {
    try (Stream<Path> files = Files.walk(root().resolve(kind))) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }
}

package org.examledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.examledger.bytes.Bytes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reference tree of transparency-dev/merkle testonly/constants.go (vectors/rfc6962-tree.txt).
 */
class Rfc6962Test {

  private static final Map<Integer, Bytes> LEAF_INPUTS = new TreeMap<>();
  private static final Map<Integer, Hash> LEAF_HASHES = new TreeMap<>();
  private static final Map<Integer, Hash> ROOTS = new TreeMap<>();

  @BeforeAll
  static void readVectors() throws IOException {
    String text;
    try (InputStream in = Rfc6962Test.class.getResourceAsStream("/vectors/rfc6962-tree.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (String line : text.split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split(" ");
      int n = Integer.parseInt(f[1]);
      switch (f[0]) {
        case "leaf" -> LEAF_INPUTS.put(n, f[2].equals("\"\"") ? Bytes.EMPTY : Bytes.fromHex(f[2]));
        case "leafhash" -> LEAF_HASHES.put(n, Hash.fromHex(f[2]));
        case "root" -> ROOTS.put(n, Hash.fromHex(f[2]));
        default -> throw new IllegalStateException("unknown line " + line);
      }
    }
    assertThat(LEAF_INPUTS).hasSize(8);
    assertThat(LEAF_HASHES).hasSize(8);
    assertThat(ROOTS).hasSize(9);
  }

  @Test
  void leafHash_referenceLeaves_matchVectors() {
    for (int i = 0; i < 8; i++) {
      assertThat(Rfc6962.leafHash(LEAF_INPUTS.get(i)))
          .as("leaf %d", i)
          .isEqualTo(LEAF_HASHES.get(i));
    }
  }

  @Test
  void emptyRoot_isSha256OfEmptyString() {
    assertThat(Rfc6962.emptyRoot()).isEqualTo(ROOTS.get(0));
  }

  @Test
  void root_everySizeZeroToEight_matchesVectors() {
    MerkleLog log = MerkleLog.create(new InMemoryNodeStore());
    List<Hash> appended = new ArrayList<>();
    assertThat(log.root()).isEqualTo(ROOTS.get(0));
    for (int i = 0; i < 8; i++) {
      log.append(LEAF_HASHES.get(i));
      appended.add(LEAF_HASHES.get(i));
      assertThat(log.root()).as("incremental root of size %d", i + 1).isEqualTo(ROOTS.get(i + 1));
    }
    ReferenceMerkleTree reference = new ReferenceMerkleTree(appended);
    for (int size = 0; size <= 8; size++) {
      assertThat(log.root(size)).as("stored root of size %d", size).isEqualTo(ROOTS.get(size));
      assertThat(reference.root(size))
          .as("reference root of size %d", size)
          .isEqualTo(ROOTS.get(size));
    }
  }

  /**
   * The worked example of docs/formats/merkle-log.md (also vectors inclusion/2 and consistency/2).
   */
  @Test
  void proofs_referenceTreeOfEight_matchHappyPathVectors() {
    MerkleLog log = MerkleLog.create(new InMemoryNodeStore());
    for (int i = 0; i < 8; i++) {
      log.append(LEAF_HASHES.get(i));
    }
    assertThat(log.inclusionProof(5, 8).path().stream().map(Hash::hex))
        .containsExactly(
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    assertThat(log.consistencyProof(6, 8).path().stream().map(Hash::hex))
        .containsExactly(
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
  }

  @Test
  void nodeHash_prefixesOneAndConcatenates() {
    Hash left = LEAF_HASHES.get(0);
    Hash right = LEAF_HASHES.get(1);
    assertThat(Rfc6962.nodeHash(left, right)).isEqualTo(ROOTS.get(2));
    assertThat(Rfc6962.nodeHash(right, left)).isNotEqualTo(ROOTS.get(2));
  }

  @Test
  void hash_wrongLength_throws() {
    assertThatThrownBy(() -> Hash.of(Bytes.fromHex("00")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a Merkle hash must be 32 bytes, found 1");
  }
}

package org.examledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileNodeStoreTest {

  @TempDir Path dir;

  @Test
  void position_followsPostOrder() {
    // l0 l1 (1,0) l2 l3 (1,1) (2,0) l4
    assertThat(FileNodeStore.position(0, 0)).isZero();
    assertThat(FileNodeStore.position(0, 1)).isEqualTo(1);
    assertThat(FileNodeStore.position(1, 0)).isEqualTo(2);
    assertThat(FileNodeStore.position(0, 2)).isEqualTo(3);
    assertThat(FileNodeStore.position(0, 3)).isEqualTo(4);
    assertThat(FileNodeStore.position(1, 1)).isEqualTo(5);
    assertThat(FileNodeStore.position(2, 0)).isEqualTo(6);
    assertThat(FileNodeStore.position(0, 4)).isEqualTo(7);
  }

  @Test
  void log_onFile_matchesLogInMemoryAndSurvivesReopening() {
    Path file = dir.resolve("nodes.bin");
    MerkleLog inMemory = MerkleLog.create(new InMemoryNodeStore());
    try (FileNodeStore store = FileNodeStore.open(file)) {
      MerkleLog onFile = MerkleLog.create(store);
      for (int i = 0; i < 700; i++) {
        onFile.append(ProofVerifierTest.leaf(i));
        inMemory.append(ProofVerifierTest.leaf(i));
      }
      assertThat(store.nodeCount()).isEqualTo(2 * 700 - Long.bitCount(700));
    }
    try (FileNodeStore store = FileNodeStore.open(file)) {
      MerkleLog resumed = MerkleLog.resume(store, 700);
      assertThat(resumed.root()).isEqualTo(inMemory.root());
      for (int n : new int[] {1, 2, 3, 255, 256, 257, 699, 700}) {
        assertThat(resumed.root(n)).isEqualTo(inMemory.root(n));
        assertThat(resumed.inclusionProof(n - 1, n)).isEqualTo(inMemory.inclusionProof(n - 1, n));
        assertThat(resumed.consistencyProof(n / 2 + 1, n))
            .isEqualTo(inMemory.consistencyProof(n / 2 + 1, n));
      }
      for (int i = 700; i < 1000; i++) {
        resumed.append(ProofVerifierTest.leaf(i));
        inMemory.append(ProofVerifierTest.leaf(i));
      }
      assertThat(resumed.root()).isEqualTo(inMemory.root());
    }
  }

  @Test
  void get_nodeNotYetWritten_isEmpty() {
    try (FileNodeStore store = FileNodeStore.open(dir.resolve("nodes.bin"))) {
      MerkleLog.create(store).append(ProofVerifierTest.leaf(0));
      assertThat(store.get(0, 0)).contains(ProofVerifierTest.leaf(0));
      assertThat(store.get(0, 1)).isEmpty();
      assertThat(store.get(1, 0)).isEmpty();
      assertThat(store.get(62, Long.MAX_VALUE / 2)).isEmpty();
    }
  }

  @Test
  void put_conflictingHash_throws() {
    try (FileNodeStore store = FileNodeStore.open(dir.resolve("nodes.bin"))) {
      Hash a = ProofVerifierTest.leaf(0);
      Hash b = ProofVerifierTest.leaf(1);
      store.put(0, 0, a);
      store.put(0, 0, a);
      assertThatThrownBy(() -> store.put(0, 0, b))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "node (level 0, index 0) already holds hash "
                  + a.hex()
                  + ", refusing to overwrite it with "
                  + b.hex());
      assertThat(store.nodeCount()).isEqualTo(1);
    }
  }

  @Test
  void put_outOfOrder_throws() {
    try (FileNodeStore store = FileNodeStore.open(dir.resolve("nodes.bin"))) {
      store.put(0, 0, ProofVerifierTest.leaf(0));
      assertThatThrownBy(() -> store.put(0, 2, ProofVerifierTest.leaf(2)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "node (level 0, index 2) belongs at position 3 but the node file continues at"
                  + " position 1; nodes must be written in the order a MerkleLog completes them");
      assertThat(store.nodeCount()).isEqualTo(1);
    }
  }

  @Test
  void open_truncatedFile_throws() throws IOException {
    Path file = dir.resolve("nodes.bin");
    Files.write(file, new byte[33]);
    assertThatThrownBy(() -> FileNodeStore.open(file))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "node file "
                + file
                + " has length 33, not a multiple of 32: its last write is incomplete");
  }
}

package org.examledger.exam;

import static org.assertj.core.api.Assertions.assertThat;

import org.examledger.bytes.Bytes;
import org.junit.jupiter.api.Test;

class DocumentRefTest {

  private static final Bytes SECRET = Bytes.utf8("station-0001 test secret");

  @Test
  void keyed_sameNumberWrittenDifferently_sameHash() {
    assertThat(DocumentRef.keyed(DocumentType.ID_CARD, "11010519491231002x", SECRET))
        .isEqualTo(DocumentRef.keyed(DocumentType.ID_CARD, "110105 19491231 002X", SECRET));
  }

  @Test
  void keyed_keepsOnlyHashAndFourCharacterSuffix() {
    DocumentRef ref = DocumentRef.keyed(DocumentType.ID_CARD, "110105194912310021", SECRET);
    assertThat(ref.suffix()).isEqualTo("0021");
    assertThat(ref.keyedHash()).matches("[0-9a-f]{64}").doesNotContain("110105194912310021");
  }

  @Test
  void keyed_otherStationSecret_otherHash() {
    assertThat(DocumentRef.keyed(DocumentType.ID_CARD, "110105194912310021", SECRET).keyedHash())
        .isNotEqualTo(
            DocumentRef.keyed(
                    DocumentType.ID_CARD, "110105194912310021", Bytes.utf8("another station"))
                .keyedHash());
  }

  /** RFC 4231 test case 2 shape: HMAC-SHA-256 with key "Jefe" over the normalised number. */
  @Test
  void keyed_isHmacSha256OfTheNormalisedNumber() {
    DocumentRef ref =
        DocumentRef.keyed(DocumentType.OTHER, "what do ya want for nothing?", Bytes.utf8("Jefe"));
    // normalisation removes spaces and upper-cases: "WHATDOYAWANTFORNOTHING?"
    assertThat(ref.suffix()).isEqualTo("ING?");
    assertThat(ref.keyedHash()).hasSize(64);
  }
}

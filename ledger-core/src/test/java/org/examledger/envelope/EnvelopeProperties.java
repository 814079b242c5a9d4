package org.examledger.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.NotEmpty;
import net.jqwik.api.constraints.StringLength;

/** Signing and verifying round-trips for generated statements (fixed seed). */
class EnvelopeProperties {

  @Property(seed = "13", tries = 200)
  void verify_ofParsedSignedEnvelope_returnsSameStatement(
      @ForAll @NotEmpty @StringLength(max = 20) String subject,
      @ForAll @AlphaChars @NotEmpty @StringLength(max = 10) String field,
      @ForAll double score,
      @ForAll @LongRange(min = -62135596800L, max = 253402300799L) long epochSecond,
      @ForAll @LongRange(min = 0, max = 999_999_999) long nanos,
      @ForAll @NotEmpty String nonce) {
    if (Double.isNaN(score) || Double.isInfinite(score) || hasLoneSurrogate(subject + nonce)) {
      return;
    }
    ObjectNode payload = JsonNodeFactory.instance.objectNode().put(field, score);
    Statement statement =
        new Statement(
            "exam.score.recorded/v1",
            subject,
            payload,
            "examiner:e-017",
            Fixtures.TEST1.publicKey().keyId(),
            Instant.ofEpochSecond(epochSecond, nanos),
            nonce);

    String json = Envelopes.sign(statement, Fixtures.TEST1).toJson();

    assertThat(Envelopes.verify(Envelope.parse(json), Fixtures.trusted())).isEqualTo(statement);
    assertThat(Statement.fromCanonical(statement.canonicalBytes())).isEqualTo(statement);
  }

  private static boolean hasLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1)))) {
        return true;
      }
      if (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))) {
        return true;
      }
    }
    return false;
  }
}

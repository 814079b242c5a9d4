package org.examledger.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.examledger.bytes.Bytes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 8032 section 7.1 TEST 1-3, read from the imported vector file. */
class Ed25519Rfc8032Test {

  record Vector(String name, Bytes secret, Bytes publicKey, Bytes message, Bytes signature) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Vector> vectors() {
    List<Vector> out = new ArrayList<>();
    String name = null;
    Map<String, String> fields = new HashMap<>();
    for (String line : Resources.text("vectors/crypto/ed25519-rfc8032.txt").split("\n")) {
      if (line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("TEST ")) {
        name = line;
        fields.clear();
        continue;
      }
      String[] kv = line.split("\\s+", 2);
      fields.put(kv[0], kv.length > 1 ? kv[1].strip() : "");
      if (kv[0].equals("signature")) {
        out.add(
            new Vector(
                name,
                Bytes.fromHex(fields.get("secret")),
                Bytes.fromHex(fields.get("public")),
                Bytes.fromHex(fields.get("message")),
                Bytes.fromHex(fields.get("signature"))));
      }
    }
    assertThat(out).hasSize(3);
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void sign_rfc8032Vector_matchesPublicKeyAndSignature(Vector v) {
    Signer signer = Signers.ed25519FromSeed(v.secret());

    assertThat(signer.publicKey().rawEd25519()).isEqualTo(v.publicKey());
    assertThat(signer.sign(v.message())).isEqualTo(v.signature());
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void verify_rfc8032Vector_accepts(Vector v) {
    Verifiers.forKey(PublicKey.ed25519(v.publicKey()), null).verify(v.message(), v.signature());
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void verify_rfc8032VectorWithOtherMessage_throws(Vector v) {
    Verifier verifier = Verifiers.forKey(PublicKey.ed25519(v.publicKey()), null);

    assertThatThrownBy(() -> verifier.verify(v.message().concat(Bytes.utf8("x")), v.signature()))
        .isInstanceOf(SignatureVerificationException.class)
        .hasMessage("ED25519 signature by key " + verifier.publicKey().keyId() + ": not verified");
  }
}

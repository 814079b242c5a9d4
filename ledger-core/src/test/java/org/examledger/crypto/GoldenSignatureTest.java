package org.examledger.crypto;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.examledger.bytes.Bytes;
import org.junit.jupiter.api.Test;

/**
 * Signed in one process, verified in another: the files under crypto/golden were made once by
 * OpenSSL 3.0 (see the README there) and are verified here by this implementation.
 */
class GoldenSignatureTest {

  static final Bytes MESSAGE = Resources.bytes("crypto/golden/message.txt");

  @Test
  void verify_opensslEd25519Signature_accepts() {
    PublicKey key = PublicKey.fromPem(Resources.text("crypto/golden/ed25519-public.pem"));

    Verifiers.forKey(key, null).verify(MESSAGE, Resources.bytes("crypto/golden/ed25519.sig"));
  }

  @Test
  void verify_opensslSm2Signature_accepts() {
    PublicKey key = PublicKey.fromPem(Resources.text("crypto/golden/sm2-public.pem"));

    Verifiers.forKey(key, Sm2UserId.DEFAULT)
        .verify(MESSAGE, Resources.bytes("crypto/golden/sm2.sig"));
  }

  @Test
  void verify_opensslSm2SignatureOtherUserId_throws() {
    PublicKey key = PublicKey.fromPem(Resources.text("crypto/golden/sm2-public.pem"));
    Bytes sig = Resources.bytes("crypto/golden/sm2.sig");

    assertThatThrownBy(() -> Verifiers.forKey(key, Sm2UserId.utf8("other")).verify(MESSAGE, sig))
        .isInstanceOf(SignatureVerificationException.class)
        .hasMessageEndingWith("not verified (wrong key, message or user ID)");
  }
}

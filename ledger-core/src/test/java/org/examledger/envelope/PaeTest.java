package org.examledger.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import org.examledger.bytes.Bytes;
import org.junit.jupiter.api.Test;

/** DSSE v1 Pre-Authentication Encoding (secure-systems-lab/dsse protocol.md). */
class PaeTest {

  @Test
  void pae_dsseProtocolTestVector_matches() {
    // protocol.md "Test Vectors": PAYLOAD_TYPE http://example.com/HelloWorld, body "hello world".
    Bytes pae = Envelope.pae("http://example.com/HelloWorld", Bytes.utf8("hello world"));

    assertThat(pae.utf8String())
        .isEqualTo("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
  }

  @Test
  void pae_emptyTypeAndBody_writesZeroLengths() {
    assertThat(Envelope.pae("", Bytes.EMPTY).utf8String()).isEqualTo("DSSEv1 0  0 ");
  }

  @Test
  void pae_nonAsciiType_countsUtf8BytesNotChars() {
    Bytes pae = Envelope.pae("t\u00e9", Bytes.of(new byte[] {0, (byte) 0xff}));

    assertThat(pae.hex())
        .isEqualTo("445353457631" + "20" + "33" + "20" + "74c3a9" + "20" + "32" + "20" + "00ff");
  }

  @Test
  void pae_bodyLengthOverNine_hasNoLeadingZeros() {
    Bytes pae = Envelope.pae("x", Bytes.utf8("0123456789abcdef"));

    assertThat(pae.utf8String()).isEqualTo("DSSEv1 1 x 16 0123456789abcdef");
  }
}

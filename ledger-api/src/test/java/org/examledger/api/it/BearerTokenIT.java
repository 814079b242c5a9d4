package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.examledger.api.it.LedgerNode.Response;
import org.examledger.statements.StatementTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real deployment's identity provider: the service as an OAuth2 resource server verifying RS256
 * bearer tokens against the provider's public key, roles from a claim (with a prefix), the actor
 * from another claim. The provider is played by a fixed RSA key made here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BearerTokenIT {

  @TempDir static Path dir;

  private KeyPair provider;
  private KeyPair stranger;
  private LedgerNode node;

  @BeforeAll
  void start() throws Exception {
    provider = rsa("identity provider");
    stranger = rsa("someone else");
    Path publicKey = dir.resolve("idp.pem");
    Files.writeString(
        publicKey,
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(provider.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n");
    node =
        LedgerNode.start(
            Map.of(
                "ledger.data-dir",
                dir.resolve("data").toString(),
                "spring.security.oauth2.resourceserver.jwt.public-key-location",
                "file:" + publicKey,
                "ledger.security.jwt.roles-claim",
                "groups",
                "ledger.security.jwt.role-prefix",
                "ledger_",
                "ledger.security.jwt.actor-claim",
                "ledger_actor"));
    TestActors.bootstrap(node);
  }

  @AfterAll
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void aTokenWithALedgerRoleReadsWhatThatRoleMay() throws Exception {
    LedgerNode.Client auditor =
        bearer(
            token(provider, "u-1001", List.of("ledger_AUDITOR", "hr_manager"), "auditor-09", 300));
    assertThat(auditor.get("/api/v1/flags").status()).isEqualTo(200);
    Response write = auditor.post("/api/v1/statements", "{}");
    assertThat(write.status()).isEqualTo(403);
    assertThat(write.body()).contains("\"rule\":\"forbidden\"");
  }

  @Test
  void aTokenWithoutLedgerRolesIsAllowedNothing() throws Exception {
    LedgerNode.Client nobody = bearer(token(provider, "u-1002", List.of("hr_manager"), null, 300));
    assertThat(nobody.get("/api/v1/log/checkpoint").status()).isEqualTo(403);
  }

  @Test
  void expiredForgedAndMalformedTokensAreRefusedWith401() throws Exception {
    for (String token :
        List.of(
            token(provider, "u-1003", List.of("ledger_AUDITOR"), null, -120),
            token(stranger, "u-1003", List.of("ledger_AUDITOR"), null, 300),
            "not.a.jwt")) {
      Response r = bearer(token).get("/api/v1/flags");
      assertThat(r.status()).as(token).isEqualTo(401);
      assertThat(r.contentType()).startsWith("application/problem+json");
    }
  }

  @Test
  void theTokensActorMaySubmitItsOwnStatementsAndTheSubjectIsRecordedAsSubmitter()
      throws Exception {
    LedgerNode.Client admin =
        bearer(
            token(
                provider,
                "u-2001",
                List.of("ledger_STATION_ADMIN"),
                TestActors.ADMIN.actorId(),
                300));
    Response scheduled = admin.post("/api/v1/sessions", AbstractSliceIT.scheduleBody("S-BEARER-1"));
    assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
    assertThat(scheduled.body()).contains("u-2001");
    // the same token may not deliver a statement signed by someone else
    Response other =
        admin.post(
            "/api/v1/statements",
            TestActors.signed(
                TestActors.EXAMINER,
                StatementTypes.SCORE_RECORD,
                "S-BEARER-1",
                AbstractSliceIT.json(
                    "{\"candidateId\":\"C-1\",\"componentId\":\"theory\",\"score\":40}")));
    AbstractSliceIT.assertProblem(other, 403, "submitter-not-signer", "actorId");
  }

  private LedgerNode.Client bearer(String token) {
    return node.withAuthorization("Bearer " + token);
  }

  private static String token(
      KeyPair key, String subject, List<String> groups, String actor, long validSeconds)
      throws JOSEException {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .subject(subject)
            .issuer("https://idp.example.test")
            .issueTime(Date.from(now.minusSeconds(600)))
            .expirationTime(Date.from(now.plusSeconds(validSeconds)))
            .claim("groups", groups);
    if (actor != null) {
      claims.claim("ledger_actor", actor);
    }
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
    jwt.sign(new RSASSASigner(key.getPrivate()));
    return jwt.serialize();
  }

  /** A fixed RSA key pair: the generator's randomness seeded with a label. */
  private static KeyPair rsa(String label) throws NoSuchAlgorithmException, IOException {
    SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
    seeded.setSeed(("examledger test rsa " + label).getBytes());
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048, seeded);
    return generator.generateKeyPair();
  }
}

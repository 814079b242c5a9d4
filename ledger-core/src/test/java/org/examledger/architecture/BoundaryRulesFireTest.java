package org.examledger.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.examledger.architecture.violation.BouncyCastleOutsideCryptoBc;
import org.examledger.merkle.Rfc6962;
import org.junit.jupiter.api.Test;

/** Proves that the boundary rules are not vacuous: a known breach is reported. */
class BoundaryRulesFireTest {

  @Test
  void bouncyCastleOutsideCryptoBc_isReported() {
    JavaClasses fixture = new ClassFileImporter().importClasses(BouncyCastleOutsideCryptoBc.class);

    EvaluationResult result = BoundaryRules.ONLY_CRYPTO_BC_TOUCHES_BOUNCY_CASTLE.evaluate(fixture);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains(BouncyCastleOutsideCryptoBc.class.getName())
                    .contains("org.bouncycastle.crypto.digests.SHA256Digest"));
  }

  @Test
  void classWithoutBouncyCastle_isNotReported() {
    JavaClasses clean = new ClassFileImporter().importClasses(Rfc6962.class);

    EvaluationResult result = BoundaryRules.ONLY_CRYPTO_BC_TOUCHES_BOUNCY_CASTLE.evaluate(clean);

    assertThat(result.hasViolation()).isFalse();
  }
}

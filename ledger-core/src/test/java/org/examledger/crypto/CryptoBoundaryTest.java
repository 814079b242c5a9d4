package org.examledger.crypto;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** Only crypto.bc touches Bouncy Castle, and it depends on nothing of ours but bytes. */
class CryptoBoundaryTest {

  static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.examledger.crypto", "org.examledger.checkpoint");

  static final ArchRule ONLY_BC_PACKAGE_USES_BOUNCY_CASTLE =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.examledger.crypto.bc..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.bouncycastle..")
          .because("ADR 0012: Bouncy Castle stays behind org.examledger.crypto.bc");

  static final ArchRule BC_PACKAGE_DEPENDS_ONE_WAY =
      classes()
          .that()
          .resideInAPackage("org.examledger.crypto.bc..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "org.examledger.crypto.bc..",
              "org.examledger.bytes..",
              "java..",
              "org.bouncycastle..")
          .because("crypto depends on crypto.bc, never the reverse");

  static final ArchRule CHECKPOINT_USES_CRYPTO_API_ONLY =
      noClasses()
          .that()
          .resideInAPackage("org.examledger.checkpoint..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.examledger.crypto.bc..");

  /** Deliberately breaks the first rule, to prove that the rule can fail. */
  static final class ReachesIntoBouncyCastle {
    int size() {
      return new org.bouncycastle.crypto.digests.SHA256Digest().getDigestSize();
    }
  }

  @Test
  void onlyBcPackageUsesBouncyCastle() {
    ONLY_BC_PACKAGE_USES_BOUNCY_CASTLE.check(MAIN);
  }

  @Test
  void bcPackageDependsOneWay() {
    BC_PACKAGE_DEPENDS_ONE_WAY.check(MAIN);
  }

  @Test
  void checkpointUsesCryptoApiOnly() {
    CHECKPOINT_USES_CRYPTO_API_ONLY.check(MAIN);
  }

  @Test
  void boundaryRuleFiresOnAViolation() {
    JavaClasses violating = new ClassFileImporter().importClasses(ReachesIntoBouncyCastle.class);

    assertThat(ONLY_BC_PACKAGE_USES_BOUNCY_CASTLE.evaluate(violating).hasViolation()).isTrue();
  }
}

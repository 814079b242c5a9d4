package org.examledger.envelope;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * What canonical and envelope may depend on: canonical is a leaf (JSON and bytes only), envelope
 * uses the crypto API but never Bouncy Castle or crypto.bc, and neither touches Spring or Axon.
 */
class DependencyBoundariesTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.examledger.canonical", "org.examledger.envelope");

  @Test
  void canonical_dependsOnlyOnJdkJacksonAndBytes() {
    ArchRule rule =
        classes()
            .that()
            .resideInAPackage("org.examledger.canonical..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                "java..",
                "com.fasterxml.jackson..",
                "org.examledger.bytes..",
                "org.examledger.canonical..");

    rule.check(CLASSES);
  }

  @Test
  void envelope_dependsOnlyOnJdkJacksonBytesCanonicalAndCryptoApi() {
    envelopeRule("org.examledger.envelope..").check(CLASSES);
  }

  /** The same rule applied to crypto, which does use crypto.bc, must fire. */
  @Test
  void envelopeRule_appliedToCryptoPackage_fires() {
    JavaClasses crypto =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.examledger.crypto");

    assertThatThrownBy(() -> envelopeRule("org.examledger.crypto").check(crypto))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("org.examledger.crypto.bc");
  }

  private static ArchRule envelopeRule(String packages) {
    return classes()
        .that()
        .resideInAPackage(packages)
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..",
            "com.fasterxml.jackson..",
            "org.examledger.bytes..",
            "org.examledger.canonical",
            "org.examledger.crypto",
            "org.examledger.envelope..");
  }
}

package org.examledger.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules of ledger-core, in one place so that the boundary test and the test that
 * proves the rules fire use the very same rule objects.
 */
final class BoundaryRules {

  private BoundaryRules() {}

  /** The integrity library must be reusable by an offline verifier with no framework at all. */
  static final ArchRule INTEGRITY_LIBRARY_IS_FRAMEWORK_FREE =
      noClasses()
          .that()
          .resideInAnyPackage(
              "org.examledger.bytes..",
              "org.examledger.canonical..",
              "org.examledger.crypto..",
              "org.examledger.merkle..",
              "org.examledger.checkpoint..",
              "org.examledger.envelope..",
              "org.examledger.proof..",
              "org.examledger.ledger..",
              "org.examledger.privacy..",
              "org.examledger.secrets..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.springframework..", "org.axonframework..")
          .because("the integrity library must run in an offline verifier without frameworks")
          // Some of these packages are filled by other branches; an absent package is no breach.
          .allowEmptyShould(true);

  /** Spring belongs to ledger-api; ledger-core must stay plain Java. */
  static final ArchRule CORE_IS_SPRING_FREE =
      noClasses()
          .that()
          .resideInAPackage("org.examledger..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.springframework..")
          .because("ledger-core is plain Java; Spring lives in ledger-api");

  /** One adapter package touches the provider, so that the rest speaks only our crypto types. */
  static final ArchRule ONLY_CRYPTO_BC_TOUCHES_BOUNCY_CASTLE =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.examledger.crypto.bc..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.bouncycastle..")
          .because("only org.examledger.crypto.bc may use Bouncy Castle");

  /** crypto depends on crypto.bc, never the reverse: the adapter knows only bytes and BC. */
  static final ArchRule CRYPTO_BC_DEPENDS_ONE_WAY =
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
          .because("ADR 0012: Bouncy Castle stays behind org.examledger.crypto.bc");

  /** Checkpoints are signed through the crypto API, never the provider adapter. */
  static final ArchRule CHECKPOINT_USES_CRYPTO_API_ONLY =
      noClasses()
          .that()
          .resideInAPackage("org.examledger.checkpoint..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.examledger.crypto.bc..");

  /**
   * Axon's annotations belong to the domains (aggregates, messages): the exam domain, the key
   * registry (an aggregate too, ADR 0016) and the complaint cases; nowhere else in core.
   */
  static final ArchRule ONLY_DOMAINS_USE_AXON =
      noClasses()
          .that()
          .resideInAPackage("org.examledger..")
          .and()
          .resideOutsideOfPackages(
              "org.examledger.exam..",
              "org.examledger.keys..",
              "org.examledger.complaints..",
              "org.examledger.reviews..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.axonframework..")
          .because(
              "ledger-core's integrity library is framework-free; only exam, keys, complaints and"
                  + " reviews are Axon domains");

  /** Canonical bytes depend on nothing that could change them: the JDK, Jackson's tree, bytes. */
  static final ArchRule CANONICAL_IS_SELF_CONTAINED =
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

  /** Envelopes sign and verify through the crypto API and canonical bytes only. */
  static final ArchRule ENVELOPE_USES_CANONICAL_AND_CRYPTO_API_ONLY =
      classes()
          .that()
          .resideInAPackage("org.examledger.envelope..")
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

package org.examledger.architecture;

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
              "org.examledger.proof..")
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
}

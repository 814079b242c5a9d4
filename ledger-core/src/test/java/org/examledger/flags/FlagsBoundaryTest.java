package org.examledger.flags;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.examledger.flags.violation.FlagReadingTheDatabase;
import org.junit.jupiter.api.Test;

/**
 * The engine is pure: java.lang, util, math and time and ledger-core's event records only, so that
 * the offline replay tool can run it without a database, Spring or Axon (docs/flags.md).
 */
class FlagsBoundaryTest {

  static final ArchRule FLAGS_ARE_PURE =
      classes()
          .that()
          .resideInAPackage("org.examledger.flags..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "java.lang..",
              "java.util..",
              "java.math..",
              "java.time..",
              "org.examledger.exam..",
              "org.examledger.complaints..",
              "org.examledger.reviews..",
              "org.examledger.flags..");

  @Test
  void flagsDependOnlyOnTheJdkAndTheEventRecords() {
    FLAGS_ARE_PURE.check(
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.examledger.flags"));
  }

  @Test
  void purityRuleFiresOnAFlagClassThatReadsTheDatabase() {
    JavaClasses offender = new ClassFileImporter().importClasses(FlagReadingTheDatabase.class);

    assertThat(FLAGS_ARE_PURE.evaluate(offender).hasViolation()).isTrue();
  }
}

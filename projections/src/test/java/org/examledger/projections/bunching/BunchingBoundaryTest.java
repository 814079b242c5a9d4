package org.examledger.projections.bunching;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.examledger.projections.violation.FitsOutsideBunching;
import org.junit.jupiter.api.Test;

/** The estimator is pure, and it alone uses Commons Math (docs/architecture.md). */
class BunchingBoundaryTest {

  static final ArchRule BUNCHING_IS_PURE =
      classes()
          .that()
          .resideInAPackage("org.examledger.projections.bunching..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "java..", "org.apache.commons.math3..", "org.examledger.projections.bunching..");

  static final ArchRule ONLY_BUNCHING_USES_COMMONS_MATH =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.examledger.projections.bunching..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.apache.commons.math3..");

  private static final JavaClasses PROJECTIONS =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.examledger.projections");

  @Test
  void bunchingDependsOnlyOnTheJdkAndCommonsMath() {
    BUNCHING_IS_PURE.check(PROJECTIONS);
  }

  @Test
  void onlyBunchingUsesCommonsMath() {
    ONLY_BUNCHING_USES_COMMONS_MATH.check(PROJECTIONS);
  }

  @Test
  void commonsMathRuleFiresOnAClassOutsideBunching() {
    JavaClasses offender = new ClassFileImporter().importClasses(FitsOutsideBunching.class);

    assertThat(ONLY_BUNCHING_USES_COMMONS_MATH.evaluate(offender).hasViolation()).isTrue();
  }
}

package org.examledger.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The production classes of ledger-core obey {@link BoundaryRules}. */
@AnalyzeClasses(packages = "org.examledger", importOptions = ImportOption.DoNotIncludeTests.class)
class BoundaryTest {

  @ArchTest
  static final ArchRule integrityLibraryIsFrameworkFree =
      BoundaryRules.INTEGRITY_LIBRARY_IS_FRAMEWORK_FREE;

  @ArchTest static final ArchRule coreIsSpringFree = BoundaryRules.CORE_IS_SPRING_FREE;

  @ArchTest
  static final ArchRule onlyCryptoBcTouchesBouncyCastle =
      BoundaryRules.ONLY_CRYPTO_BC_TOUCHES_BOUNCY_CASTLE;

  @ArchTest static final ArchRule cryptoBcDependsOneWay = BoundaryRules.CRYPTO_BC_DEPENDS_ONE_WAY;

  @ArchTest
  static final ArchRule checkpointUsesCryptoApiOnly = BoundaryRules.CHECKPOINT_USES_CRYPTO_API_ONLY;

  @ArchTest static final ArchRule onlyDomainsUseAxon = BoundaryRules.ONLY_DOMAINS_USE_AXON;

  @ArchTest
  static final ArchRule canonicalIsSelfContained = BoundaryRules.CANONICAL_IS_SELF_CONTAINED;

  @ArchTest
  static final ArchRule envelopeUsesCanonicalAndCryptoApiOnly =
      BoundaryRules.ENVELOPE_USES_CANONICAL_AND_CRYPTO_API_ONLY;
}

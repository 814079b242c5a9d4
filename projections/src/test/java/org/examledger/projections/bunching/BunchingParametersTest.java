package org.examledger.projections.bunching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BunchingParametersTest {

  private static final BunchingParameters DEFAULTS = BunchingParameters.defaults(60);

  @Test
  void defaultsAreTheDocumentedOnes() {
    assertThat(DEFAULTS)
        .isEqualTo(new BunchingParameters(60, 0, 100, 5, 5, 25, 7, 500, 2011L, 1.96, 0.005, 100));
    assertThat(DEFAULTS.windowLow()).isEqualTo(55);
    assertThat(DEFAULTS.windowHigh()).isEqualTo(65);
    assertThat(DEFAULTS.fitLow()).isEqualTo(35);
    assertThat(DEFAULTS.fitHigh()).isEqualTo(85);
  }

  @Test
  void fitRangeIsClippedToTheScoreRange() {
    BunchingParameters nearTheTop = BunchingParameters.defaults(90);

    assertThat(nearTheTop.fitLow()).isEqualTo(65);
    assertThat(nearTheTop.fitHigh()).isEqualTo(100);
  }

  @Test
  void rejectsEmptyScoreRange() {
    assertThatThrownBy(() -> DEFAULTS.withScoreRange(100, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("score range is empty: minScore 100 must be below maxScore 100");
  }

  @Test
  void rejectsPassMarkOutsideTheScoreRange() {
    assertThatThrownBy(() -> BunchingParameters.defaults(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pass mark 0 must lie in (0, 100]: there must be scores below it");
    assertThatThrownBy(() -> BunchingParameters.defaults(101))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pass mark 101 must lie in (0, 100]: there must be scores below it");
  }

  @Test
  void rejectsEmptyWindowBelowTheCutoff() {
    assertThatThrownBy(() -> DEFAULTS.withWindow(0, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("windowBelow must be at least 1, was 0");
  }

  @Test
  void rejectsNegativeWindowAboveTheCutoff() {
    assertThatThrownBy(() -> DEFAULTS.withWindow(5, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("windowAbove must be at least 0, was -1");
  }

  @Test
  void rejectsWindowOutsideTheScoreRange() {
    assertThatThrownBy(() -> BunchingParameters.defaults(3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("window [-2, 8] around pass mark 3 reaches outside the score range [0, 100]");
    assertThatThrownBy(() -> BunchingParameters.defaults(97))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "window [92, 102] around pass mark 97 reaches outside the score range [0, 100]");
  }

  @Test
  void rejectsDegreeOutOfBounds() {
    assertThatThrownBy(() -> DEFAULTS.withFit(-1, 25))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("degree must be between 0 and 15, was -1");
    assertThatThrownBy(() -> DEFAULTS.withFit(16, 25))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("degree must be between 0 and 15, was 16");
  }

  @Test
  void rejectsFitRangeWithNothingBelowTheWindow() {
    assertThatThrownBy(() -> DEFAULTS.withFit(1, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "fit range [55, 65] leaves no score below the window [55, 65] to fit the polynomial"
                + " on; widen fitBandwidth (5) or narrow the window");
  }

  @Test
  void rejectsFitRangeWithNothingAboveTheWindow() {
    assertThatThrownBy(() -> BunchingParameters.defaults(95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "fit range [70, 100] leaves no score above the window [90, 100] to fit the"
                + " polynomial on; widen fitBandwidth (25) or narrow the window");
  }

  @Test
  void rejectsDegreeTooHighForTheBinsOutsideTheWindow() {
    assertThatThrownBy(() -> DEFAULTS.withFit(7, 9))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "degree 7 needs at least 9 scores outside the window [55, 65] to fit, but the fit"
                + " range [51, 69] has only 8");
  }

  @Test
  void acceptsTheSmallestFitThatLeavesOneDegreeOfFreedom() {
    assertThat(DEFAULTS.withFit(6, 9).degree()).isEqualTo(6);
  }

  @Test
  void rejectsFitBandwidthBelowOne() {
    assertThatThrownBy(() -> DEFAULTS.withFit(7, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fitBandwidth must be at least 1, was 0");
  }

  @Test
  void rejectsFewerThanTwoBootstrapIterations() {
    assertThatThrownBy(() -> DEFAULTS.withBootstrap(1, 7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bootstrapIterations must be at least 2 to estimate a standard error, was 1");
  }

  @Test
  void rejectsCriticalZThatIsNotPositiveAndFinite() {
    assertThatThrownBy(() -> DEFAULTS.withCriticalZ(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("criticalZ must be a positive finite number, was 0.0");
    assertThatThrownBy(() -> DEFAULTS.withCriticalZ(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("criticalZ must be a positive finite number, was NaN");
    assertThatThrownBy(() -> DEFAULTS.withCriticalZ(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("criticalZ must be a positive finite number, was Infinity");
  }

  @Test
  void rejectsMinimumExcessShareOutsideZeroToOne() {
    assertThatThrownBy(() -> DEFAULTS.withMinimumExcessShare(-0.01))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minimumExcessShare must be in [0, 1), was -0.01");
    assertThatThrownBy(() -> DEFAULTS.withMinimumExcessShare(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minimumExcessShare must be in [0, 1), was 1.0");
  }

  @Test
  void rejectsMinimumScoresBelowOne() {
    assertThatThrownBy(() -> DEFAULTS.withMinimumScores(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minimumScores must be at least 1, was 0");
  }
}

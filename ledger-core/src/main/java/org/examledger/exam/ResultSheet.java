package org.examledger.exam;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One candidate's sheet inside a session: marks per component and the sheet's status. */
final class ResultSheet {

  final String candidateId;
  final Map<String, ComponentMarks> components = new LinkedHashMap<>();
  SheetStatus status = SheetStatus.OPEN;

  ResultSheet(String candidateId, List<ScoreComponent> spec) {
    this.candidateId = candidateId;
    spec.forEach(c -> components.put(c.componentId(), new ComponentMarks(c)));
  }

  /** Components without a final score (missing marks, or diverging marks not yet settled). */
  List<String> pending() {
    return components.entrySet().stream()
        .filter(e -> e.getValue().finalScore().isEmpty())
        .map(Map.Entry::getKey)
        .toList();
  }

  /** The total of the final scores, when every component has one. */
  Optional<BigDecimal> total() {
    if (!pending().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        DoubleMarkingPolicy.plain(
            components.values().stream()
                .map(c -> c.finalScore().orElseThrow())
                .reduce(BigDecimal.ZERO, BigDecimal::add)));
  }

  /** Value equality: the aggregate test fixture compares state rebuilt from events with it. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ResultSheet other
        && candidateId.equals(other.candidateId)
        && components.equals(other.components)
        && status == other.status;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(candidateId, components, status);
  }
}

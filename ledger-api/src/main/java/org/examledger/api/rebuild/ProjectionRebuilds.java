package org.examledger.api.rebuild;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Lists the projections' processors and rebuilds a tracking one: shut it down on this node (which
 * releases its claims), reset its tokens (its {@code @ResetHandler} empties the tables), start it;
 * it then replays every event and catches up, while reads keep being answered from what it has
 * rebuilt so far. The log's own sequencer is not a projection and is never offered.
 */
public class ProjectionRebuilds {

  /** The processors that are evidence machinery, not views: never reset. */
  static final Set<String> NOT_PROJECTIONS = Set.of("ledger-sequencer");

  private final EventProcessingConfiguration processing;
  private final EventStore events;

  public ProjectionRebuilds(EventProcessingConfiguration processing, EventStore events) {
    this.processing = processing;
    this.events = events;
  }

  public List<ProjectionStatus> list() {
    List<ProjectionStatus> all = new ArrayList<>();
    for (String name : new TreeSet<>(processing.eventProcessors().keySet())) {
      if (!NOT_PROJECTIONS.contains(name)) {
        status(name).ifPresent(all::add);
      }
    }
    return all;
  }

  public Optional<ProjectionStatus> status(String name) {
    if (NOT_PROJECTIONS.contains(name)) {
      return Optional.empty();
    }
    Optional<EventProcessor> found = processing.eventProcessor(name);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    EventProcessor p = found.get();
    if (p instanceof StreamingEventProcessor s) {
      Collection<EventTrackerStatus> segments = s.processingStatus().values();
      boolean replaying = segments.stream().anyMatch(ProjectionRebuilds::rebuilding);
      Long position = max(segments.stream().map(EventTrackerStatus::getCurrentPosition).toList());
      Long reset = max(segments.stream().map(EventTrackerStatus::getResetPosition).toList());
      String error =
          segments.stream()
              .filter(EventTrackerStatus::isErrorState)
              .map(t -> t.getError() == null ? "error" : t.getError().getMessage())
              .findFirst()
              .orElse(null);
      Double progress =
          replaying && reset != null && reset > 0
              ? Math.min(1.0, (position == null ? 0 : position) / (double) reset)
              : null;
      return Optional.of(
          new ProjectionStatus(
              name, "TRACKING", s.isRunning(), replaying, position, head(), progress, error));
    }
    return Optional.of(
        new ProjectionStatus(
            name,
            p instanceof SubscribingEventProcessor ? "SUBSCRIBING" : p.getClass().getSimpleName(),
            p.isRunning(),
            false,
            null,
            head(),
            null,
            null));
  }

  /** The tracking projections rebuilding now (in memory: cheap enough for every request). */
  public List<String> rebuilding() {
    List<String> names = new ArrayList<>();
    processing
        .eventProcessors()
        .forEach(
            (name, p) -> {
              if (p instanceof StreamingEventProcessor s
                  && !NOT_PROJECTIONS.contains(name)
                  && s.processingStatus().values().stream()
                      .anyMatch(ProjectionRebuilds::rebuilding)) {
                names.add(name);
              }
            });
    names.sort(String::compareTo);
    return names;
  }

  /** Starts rebuilding every tracking projection; subscribing ones are left as they are. */
  public List<ProjectionStatus> rebuildAll() {
    List<ProjectionStatus> started = new ArrayList<>();
    for (ProjectionStatus p : list()) {
      if (p.mode().equals("TRACKING")) {
        started.add(rebuild(p.name()));
      }
    }
    return started;
  }

  /**
   * Starts rebuilding a tracking projection.
   *
   * @throws RebuildRefused when it is unknown, not a tracking projection, or claimed by another
   *     node
   */
  public ProjectionStatus rebuild(String name) {
    if (NOT_PROJECTIONS.contains(name)) {
      throw new RebuildRefused(
          409, "not-a-projection", "'" + name + "' is the log's sequencer, not a view");
    }
    EventProcessor p =
        processing
            .eventProcessor(name)
            .orElseThrow(
                () ->
                    new RebuildRefused(
                        404,
                        "unknown-projection",
                        "no projection '" + name + "'; known: " + names()));
    if (!(p instanceof StreamingEventProcessor s)) {
      throw new RebuildRefused(
          409,
          "projection-not-rebuildable",
          "'"
              + name
              + "' is kept in each event's own transaction (subscribing); it cannot be reset"
              + " while the service runs");
    }
    if (!s.supportsReset()) {
      throw new RebuildRefused(
          409, "projection-not-rebuildable", "'" + name + "' has no reset support");
    }
    if (s.processingStatus().values().stream().anyMatch(ProjectionRebuilds::rebuilding)) {
      throw new RebuildRefused(409, "already-rebuilding", "'" + name + "' is rebuilding already");
    }
    s.shutDown();
    try {
      s.resetTokens();
    } catch (UnableToClaimTokenException e) {
      throw new RebuildRefused(
          409,
          "projection-claimed-elsewhere",
          "another node holds '"
              + name
              + "'; stop its processor there (or the node) and ask again: "
              + e.getMessage());
    } finally {
      s.start();
    }
    return status(name).orElseThrow();
  }

  private List<String> names() {
    return list().stream().map(ProjectionStatus::name).toList();
  }

  private Long head() {
    TrackingToken head = events.createHeadToken();
    if (head == null) {
      return null;
    }
    OptionalLong position = head.position();
    return position.isPresent() ? position.getAsLong() : null;
  }

  /**
   * Still rebuilding: Axon keeps a segment's replay flag until an event beyond the reset point
   * arrives, so a segment that has caught up with everything up to the reset point is done.
   */
  static boolean rebuilding(EventTrackerStatus segment) {
    if (!segment.isReplaying()) {
      return false;
    }
    OptionalLong position = segment.getCurrentPosition();
    OptionalLong reset = segment.getResetPosition();
    boolean pastReset =
        reset.isEmpty() || position.isPresent() && position.getAsLong() >= reset.getAsLong();
    return !(segment.isCaughtUp() && pastReset);
  }

  private static Long max(List<OptionalLong> values) {
    return values.stream()
        .filter(OptionalLong::isPresent)
        .map(OptionalLong::getAsLong)
        .max(Long::compare)
        .orElse(null);
  }
}

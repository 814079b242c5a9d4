package org.examledger.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The projections' read-ahead stream over Axon's own in-memory event store: the processor must see
 * exactly what the store's stream gives (messages, order, tokens), the messages the store had
 * together at once, new events as they come, a read failure only after the messages read before it,
 * and nothing left running once it closes.
 */
class ReadAheadEventSourceTest {

  private final EmbeddedEventStore store =
      EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();

  @AfterEach
  void shutDown() {
    store.shutDown();
  }

  private void publish(int from, int to) {
    store.publish(
        IntStream.range(from, to)
            .mapToObj(i -> GenericEventMessage.asEventMessage("event " + i))
            .toList());
  }

  @Test
  void givesTheStoresMessagesInItsOrderWithItsTokens() throws Exception {
    publish(0, 250);
    List<String> direct = new ArrayList<>();
    try (BlockingStream<TrackedEventMessage<?>> s = store.openStream(null)) {
      while (s.hasNextAvailable(200, TimeUnit.MILLISECONDS)) {
        TrackedEventMessage<?> m = s.nextAvailable();
        direct.add(m.getIdentifier() + " " + m.trackingToken() + " " + m.getPayload());
      }
    }

    List<String> ahead = new ArrayList<>();
    try (BlockingStream<TrackedEventMessage<?>> s =
        new ReadAheadEventSource(store, 16).openStream(null)) {
      while (s.hasNextAvailable(200, TimeUnit.MILLISECONDS)) {
        TrackedEventMessage<?> peeked = s.peek().orElseThrow();
        TrackedEventMessage<?> m = s.nextAvailable();
        assertThat(m).isSameAs(peeked);
        ahead.add(m.getIdentifier() + " " + m.trackingToken() + " " + m.getPayload());
      }
      assertThat(s.peek()).isEmpty();
    }
    assertThat(direct).hasSize(250);
    assertThat(ahead).isEqualTo(direct);
  }

  @Test
  void messagesTheStoreHadTogetherAreAvailableTogether() throws Exception {
    // a tracking processor ends its batch where no next message is available at once
    publish(0, 50);
    try (BlockingStream<TrackedEventMessage<?>> s =
        new ReadAheadEventSource(store, 1000).openStream(null)) {
      assertThat(s.nextAvailable().getPayload()).isEqualTo("event 0");
      for (int i = 1; i < 50; i++) {
        assertThat(s.hasNextAvailable(0, TimeUnit.MILLISECONDS)).as("event %d", i).isTrue();
        assertThat(s.nextAvailable().getPayload()).isEqualTo("event " + i);
      }
      assertThat(s.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();
    }
  }

  @Test
  void withALingerEventsThatComeSoonAfterTheFirstAreHandedOverWithIt() throws Exception {
    // the store's commits come a few at a time under single writes; a processor commits per batch
    Watched watched = new Watched(store, Integer.MAX_VALUE);
    try (BlockingStream<TrackedEventMessage<?>> s =
        new ReadAheadEventSource(watched, 1000, Duration.ofSeconds(3)).openStream(null)) {
      publish(0, 2);
      // each later commit comes once the reader has started its chunk with the ones before
      await().atMost(Duration.ofSeconds(2)).until(() -> watched.reads == 2);
      publish(2, 3);
      await().atMost(Duration.ofSeconds(2)).until(() -> watched.reads == 3);
      publish(3, 5);
      assertThat(s.hasNextAvailable(10, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < 5; i++) {
        assertThat(s.hasNextAvailable(0, TimeUnit.MILLISECONDS)).as("event %d", i).isTrue();
        assertThat(s.nextAvailable().getPayload()).isEqualTo("event " + i);
      }
      assertThat(s.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();
    }
  }

  @Test
  void aLingerDoesNotHoldBackAFullChunk() throws Exception {
    publish(0, ReadAheadEventSource.CHUNK + 1);
    try (BlockingStream<TrackedEventMessage<?>> s =
        new ReadAheadEventSource(store, 1000, Duration.ofHours(1)).openStream(null)) {
      // the first chunk is full: it comes without waiting an hour; the one after it lingers
      for (int i = 0; i < ReadAheadEventSource.CHUNK; i++) {
        assertThat(s.hasNextAvailable(10, TimeUnit.SECONDS)).as("event %d", i).isTrue();
        assertThat(s.nextAvailable().getPayload()).isEqualTo("event " + i);
      }
      assertThat(s.hasNextAvailable(200, TimeUnit.MILLISECONDS)).isFalse();
    }
  }

  @Test
  void startsAfterTheGivenTokenAndDeliversEventsPublishedLater() throws Exception {
    publish(0, 5);
    TrackingToken afterTwo;
    try (BlockingStream<TrackedEventMessage<?>> s = store.openStream(null)) {
      s.nextAvailable();
      afterTwo = s.nextAvailable().trackingToken();
    }
    try (BlockingStream<TrackedEventMessage<?>> s =
        new ReadAheadEventSource(store, 4).openStream(afterTwo)) {
      List<Object> payloads = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        payloads.add(s.nextAvailable().getPayload());
      }
      assertThat(s.hasNextAvailable(150, TimeUnit.MILLISECONDS)).isFalse();
      publish(5, 7);
      payloads.add(s.nextAvailable().getPayload());
      payloads.add(s.nextAvailable().getPayload());
      assertThat(payloads).containsExactly("event 2", "event 3", "event 4", "event 5", "event 6");
    }
  }

  @Test
  void aReadFailureComesAfterTheMessagesReadBeforeIt() throws Exception {
    publish(0, 10);
    Watched watched = new Watched(store, 3);
    BlockingStream<TrackedEventMessage<?>> s =
        new ReadAheadEventSource(watched, 8).openStream(null);
    assertThat(s.nextAvailable().getPayload()).isEqualTo("event 0");
    assertThat(s.nextAvailable().getPayload()).isEqualTo("event 1");
    assertThat(s.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();
    assertThat(s.nextAvailable().getPayload()).isEqualTo("event 2");
    assertThatThrownBy(() -> s.hasNextAvailable(1, TimeUnit.SECONDS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the database went away");
    assertThatThrownBy(s::nextAvailable).hasMessage("the database went away");
    s.close();
    assertThat(watched.closed).isTrue();
  }

  @Test
  void closingStopsTheReaderAndClosesTheStoresStream() throws Exception {
    publish(0, 100);
    Watched underlying = new Watched(store, Integer.MAX_VALUE);
    ReadAheadEventSource.ReadAheadStream s =
        (ReadAheadEventSource.ReadAheadStream)
            new ReadAheadEventSource(underlying, 10).openStream(null);
    s.nextAvailable();
    // the reader has read all there is and waits for more
    s.close();
    assertThat(s.readerStopped()).isTrue();
    assertThat(underlying.closed).isTrue();
  }

  @Test
  void refusesANonPositiveCapacityAndANegativeLinger() {
    assertThatThrownBy(() -> new ReadAheadEventSource(store, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capacity");
    assertThatThrownBy(() -> new ReadAheadEventSource(store, 10, Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("linger");
  }

  /**
   * The store's stream, failing to read after {@code good} messages; counts the messages read from
   * it and records its closing.
   */
  private static final class Watched implements StreamableMessageSource<TrackedEventMessage<?>> {
    private final EmbeddedEventStore store;
    private final int good;
    private volatile boolean closed;
    private volatile int reads;

    Watched(EmbeddedEventStore store, int good) {
      this.store = store;
      this.good = good;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
      BlockingStream<TrackedEventMessage<?>> inner = store.openStream(token);
      return new BlockingStream<>() {
        @Override
        public Optional<TrackedEventMessage<?>> peek() {
          return inner.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
          if (reads >= good) {
            throw new IllegalStateException("the database went away");
          }
          return inner.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
          reads++; // by the reading thread only
          return inner.nextAvailable();
        }

        @Override
        public void close() {
          closed = true;
          inner.close();
        }
      };
    }
  }
}

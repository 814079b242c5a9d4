package org.examledger.api.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event store as the tracking processors read it (the four projections and the sequencer;
 * docs/performance.md, seventh and eighth sessions): each stream reads the next events and
 * deserializes them on a thread of its own while the processor's thread handles and writes the ones
 * before. A tracking processor does everything on one thread, so during a rebuild the machine was
 * half idle, PostgreSQL working only while the processor waited for it.
 *
 * <p>What the processor sees does not change: the same messages, in the same order, with the same
 * tokens; a message whose payload cannot be deserialized is left as it is, to fail where the
 * processor handles it as it did before; a failure to read is thrown to the processor after the
 * messages read before it. The queue between the two holds {@code capacity} messages, rounded to
 * whole chunks of up to {@link #CHUNK} (at least one), besides the chunk being read and the one
 * being taken.
 *
 * <p>With a linger, a chunk that has its first message waits that long for more unless it fills
 * first: a processor ends a batch, and commits, where no next message is there, so under single
 * writes, whose group commits come a few events at a time, it committed every few events; now it
 * takes what came in the linger together (docs/performance.md, eighth session).
 */
public final class ReadAheadEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

  /** How long the reading thread waits for the next event before it looks at whether to stop. */
  private static final int POLL_MILLIS = 100;

  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS);

  /** Messages in one chunk at most: the underlying stream's reads are 500 (the store's batch). */
  static final int CHUNK = 250;

  /** How long closing a stream waits for its reading thread to stop. */
  private static final Duration STOP_WAIT = Duration.ofSeconds(5);

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final StreamableMessageSource<TrackedEventMessage<?>> source;
  private final int capacity;
  private final Duration linger;

  /**
   * @param source the event store
   * @param capacity messages read ahead at most, per stream
   */
  public ReadAheadEventSource(
      StreamableMessageSource<TrackedEventMessage<?>> source, int capacity) {
    this(source, capacity, Duration.ZERO);
  }

  /**
   * @param source the event store
   * @param capacity messages read ahead at most, per stream
   * @param linger how long a chunk, once it has its first message, waits for more before the
   *     processor gets it, unless it fills first: the processor, which commits once a batch, then
   *     handles the events that came in that time together instead of a few at a time. Zero hands
   *     over what the store had available at once
   */
  public ReadAheadEventSource(
      StreamableMessageSource<TrackedEventMessage<?>> source, int capacity, Duration linger) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    if (linger.isNegative()) {
      throw new IllegalArgumentException("linger must not be negative, was " + linger);
    }
    this.source = Objects.requireNonNull(source, "source");
    this.capacity = capacity;
    this.linger = linger;
  }

  @Override
  public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
    return new ReadAheadStream(source.openStream(token), capacity, linger);
  }

  @Override
  public TrackingToken createTailToken() {
    return source.createTailToken();
  }

  @Override
  public TrackingToken createHeadToken() {
    return source.createHeadToken();
  }

  @Override
  public TrackingToken createTokenAt(Instant dateTime) {
    return source.createTokenAt(dateTime);
  }

  @Override
  public TrackingToken createTokenSince(Duration duration) {
    return source.createTokenSince(duration);
  }

  /**
   * One stream: a thread moves messages from the underlying stream into a bounded queue of chunks,
   * the consumer (one processor thread) takes them from it. A chunk is what the underlying stream
   * had available at once (at most {@link #CHUNK} messages), deserialized: the processor, which
   * ends a batch where no next message is available, sees the messages together as it saw them from
   * the store. Only the reading thread touches the underlying stream, and it closes it.
   */
  static final class ReadAheadStream implements BlockingStream<TrackedEventMessage<?>> {

    private final BlockingStream<TrackedEventMessage<?>> underlying;
    private final BlockingQueue<List<TrackedEventMessage<?>>> ahead;
    private final long lingerNanos;
    private final Thread reader;
    private volatile boolean closed;
    private volatile RuntimeException failure;

    /** The chunk being taken and the position in it; the consumer's thread only. */
    private List<TrackedEventMessage<?>> current = List.of();

    private int position;

    ReadAheadStream(
        BlockingStream<TrackedEventMessage<?>> underlying, int capacity, Duration linger) {
      this.underlying = underlying;
      this.ahead = new ArrayBlockingQueue<>(Math.max(1, capacity / CHUNK));
      this.lingerNanos = linger.toNanos();
      this.reader = new Thread(this::read, "event-read-ahead-" + THREADS.incrementAndGet());
      reader.setDaemon(true);
      reader.start();
    }

    private void read() {
      List<TrackedEventMessage<?>> chunk = new ArrayList<>();
      try {
        while (!closed) {
          if (underlying.hasNextAvailable(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            long lingerUntil = System.nanoTime() + lingerNanos;
            do {
              TrackedEventMessage<?> message = underlying.nextAvailable();
              try {
                message.getPayload();
                message.getMetaData();
              } catch (RuntimeException e) {
                // left lazy: deserialized again, and the failure reported, where it is handled
              }
              chunk.add(message);
            } while (chunk.size() < CHUNK && moreBefore(lingerUntil));
            ahead.put(chunk);
            chunk = new ArrayList<>();
          }
        }
      } catch (InterruptedException e) {
        // closed
      } catch (RuntimeException e) {
        try {
          // the messages read before the failure first; then the failure
          if (!chunk.isEmpty()) {
            ahead.put(chunk);
          }
          failure = e;
        } catch (InterruptedException closing) {
          // closed
        }
      } finally {
        underlying.close();
      }
    }

    /** Whether the underlying stream has a next message now, or gets one before {@code until}. */
    private boolean moreBefore(long until) throws InterruptedException {
      if (underlying.hasNextAvailable()) {
        return true;
      }
      long left = until - System.nanoTime();
      return left > 0
          && underlying.hasNextAvailable(
              (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)), TimeUnit.MILLISECONDS);
    }

    /** The underlying stream's failure, once every message read before it has been taken. */
    private void rethrowFailure() {
      RuntimeException f = failure;
      if (f != null && ahead.isEmpty()) {
        throw f;
      }
    }

    private boolean taken() {
      return position >= current.size();
    }

    /** Makes {@code chunk} the one being taken; false when there is none (null). */
    private boolean take(List<TrackedEventMessage<?>> chunk) {
      if (chunk == null) {
        return false;
      }
      current = chunk;
      position = 0;
      return true;
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
      if (taken() && !take(ahead.poll())) {
        return Optional.empty();
      }
      return Optional.of(current.get(position));
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
      long deadline = System.nanoTime() + unit.toNanos(timeout);
      while (taken()) {
        rethrowFailure();
        long left = deadline - System.nanoTime();
        long wait = Math.max(0, Math.min(left, POLL_NANOS));
        if (!take(ahead.poll(wait, TimeUnit.NANOSECONDS)) && left <= 0) {
          return false;
        }
      }
      return true;
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
      while (taken()) {
        rethrowFailure();
        take(ahead.poll(POLL_NANOS, TimeUnit.NANOSECONDS));
      }
      return current.get(position++);
    }

    /** Stops the reading thread, which closes the underlying stream; waits a little for it. */
    @Override
    public void close() {
      closed = true;
      reader.interrupt();
      try {
        reader.join(STOP_WAIT.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** Whether the reading thread has stopped (tests). */
    boolean readerStopped() {
      return !reader.isAlive();
    }
  }
}

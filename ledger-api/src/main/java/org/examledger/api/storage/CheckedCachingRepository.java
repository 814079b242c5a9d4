package org.examledger.api.storage;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * An event-sourcing repository that keeps loaded aggregates in a cache, so a command does not
 * re-read and deserialise the aggregate's whole history, and that checks a cached aggregate against
 * the event store before a command sees it.
 *
 * <p>Several nodes share one database and each has its own cache: another node may have appended to
 * the aggregate since it was cached here. Axon's own caching repository would then decide on stale
 * state: an append would fail on the duplicate sequence number (a retried {@code
 * ConcurrencyException}, harmless), but a refusal decided on stale state (say "the session has not
 * started" when the other node started it) would be a wrong answer. So each load from the cache
 * asks the store for the aggregate's last sequence number (one indexed query instead of the
 * history) and reloads from the events when the cached version is not the stored one. What remains
 * is the race between this check and the append, which the unique (aggregate, sequence number) key
 * turns into a {@code ConcurrencyException}; Axon removes the cache entry on every rollback and the
 * gateway retries on a fresh load.
 */
public final class CheckedCachingRepository<T> extends CachingEventSourcingRepository<T> {

  private final Cache cache;
  private final EventStore eventStore;
  private final AtomicLong staleLoads = new AtomicLong();

  private CheckedCachingRepository(
      EventSourcingRepository.Builder<T> builder, Cache cache, EventStore eventStore) {
    super(builder);
    this.cache = cache;
    this.eventStore = eventStore;
  }

  /** The repository of {@code type} in Axon's configuration, caching in {@code cache}. */
  public static <T> CheckedCachingRepository<T> of(Class<T> type, Configuration c, Cache cache) {
    EventSourcingRepository.Builder<T> builder =
        EventSourcingRepository.builder(type)
            .parameterResolverFactory(c.parameterResolverFactory())
            .handlerDefinition(c.handlerDefinition(type))
            .eventStore(c.eventStore())
            .repositoryProvider(c::repository)
            .cache(cache);
    return new CheckedCachingRepository<>(builder, cache, c.eventStore());
  }

  @Override
  protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expected) {
    if (cache.containsKey(aggregateIdentifier)) {
      EventSourcedAggregate<T> cached = super.doLoadWithLock(aggregateIdentifier, expected);
      Long stored = eventStore.lastSequenceNumberFor(aggregateIdentifier).orElse(null);
      if (Objects.equals(cached.version(), stored)) {
        return cached;
      }
      // another node appended since this one cached it: never decide on that state
      cache.remove(aggregateIdentifier);
      staleLoads.incrementAndGet();
    }
    return super.doLoadWithLock(aggregateIdentifier, expected);
  }

  /** How many cached aggregates were found behind the event store and reloaded (for tests). */
  public long staleLoads() {
    return staleLoads.get();
  }
}

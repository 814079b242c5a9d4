package org.examledger.api.storage;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * A least-recently-used cache of at most {@code capacity} entries for Axon's caching repository.
 * Axon's {@code WeakReferenceCache} loses an aggregate at the first garbage collection after its
 * command (nothing else holds it), which under load is every few hundred milliseconds; this one
 * keeps the sessions of an exam day and bounds the memory they take. Entry listeners are not
 * supported (the repository registers none).
 */
public final class BoundedCache implements Cache {

  private final Map<Object, Object> entries;

  public BoundedCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1; was " + capacity);
    }
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
            return size() > capacity;
          }
        };
  }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized <K, V> V get(K key) {
    return (V) entries.get(key);
  }

  @Override
  public synchronized void put(Object key, Object value) {
    entries.put(key, value);
  }

  @Override
  public synchronized boolean putIfAbsent(Object key, Object value) {
    return entries.putIfAbsent(key, value) == null;
  }

  @Override
  public synchronized boolean remove(Object key) {
    return entries.remove(key) != null;
  }

  @Override
  public synchronized void removeAll() {
    entries.clear();
  }

  @Override
  public synchronized boolean containsKey(Object key) {
    return entries.containsKey(key);
  }

  /** How many entries the cache holds now. */
  public synchronized int size() {
    return entries.size();
  }

  @Override
  public Registration registerCacheEntryListener(EntryListener listener) {
    throw new UnsupportedOperationException("BoundedCache has no entry listeners");
  }
}

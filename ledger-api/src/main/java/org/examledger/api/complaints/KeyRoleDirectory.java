package org.examledger.api.complaints;

import java.time.Instant;
import org.examledger.api.admission.KeyRegistryView;
import org.examledger.complaints.ActorDirectory;
import org.examledger.keys.ActorRole;

/** Roles as the key registry read model has them: a person holds a role through a valid key. */
final class KeyRoleDirectory implements ActorDirectory {

  private final KeyRegistryView registry;

  KeyRoleDirectory(KeyRegistryView registry) {
    this.registry = registry;
  }

  @Override
  public boolean holds(String personId, ActorRole role, Instant at) {
    return registry.validFor(personId, at).stream().anyMatch(k -> k.role() == role);
  }
}

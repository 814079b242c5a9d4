package org.examledger.complaints;

import java.time.Instant;
import org.examledger.keys.ActorRole;

/**
 * Answers whether a person held a registered key of a role at a moment (the key registry's read
 * model, updated in the transaction of the key events). The complaint aggregate asks it who may
 * file, investigate, decide and approve.
 */
public interface ActorDirectory {

  boolean holds(String personId, ActorRole role, Instant at);
}

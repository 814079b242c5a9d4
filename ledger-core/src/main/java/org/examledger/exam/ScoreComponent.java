package org.examledger.exam;

import java.math.BigDecimal;

/**
 * One scored part of a session (theory paper, a practical item) with its maximum.
 *
 * @param componentId short stable identifier, unique within the session
 * @param name what the component is called on the score sheet
 * @param maxScore the highest score an examiner may give for it
 */
public record ScoreComponent(String componentId, String name, BigDecimal maxScore) {}

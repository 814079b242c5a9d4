package org.examledger.api.demo;

/**
 * One problem the demo season plants on purpose, for the flag engine to find (BRIEF section 5).
 *
 * @param rule the flag rule that should find it, by its name in BRIEF section 5
 * @param sessionId the session it happens in, or null for a person's pattern across sessions
 * @param candidateId the candidate concerned, or null when it is about the session or a person
 * @param actorId the person who did it
 * @param cured whether it is cured in time (an unsigned entry countersigned within the window)
 * @param what what was planted, in words
 */
public record PlantedProblem(
    String rule,
    String sessionId,
    String candidateId,
    String actorId,
    boolean cured,
    String what) {}

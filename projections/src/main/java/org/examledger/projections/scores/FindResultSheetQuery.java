package org.examledger.projections.scores;

/** Asks for one candidate's current result sheet in one session. */
public record FindResultSheetQuery(String sessionId, String candidateId) {}

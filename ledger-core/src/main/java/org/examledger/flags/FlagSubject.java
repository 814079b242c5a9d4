package org.examledger.flags;

/**
 * What a flag is about; fields that do not apply are {@code null}.
 *
 * @param sessionId the exam session
 * @param candidateId the candidate whose sheet or identity is concerned
 * @param componentId the score component concerned
 * @param personId the staff member whose act or roles are concerned
 */
public record FlagSubject(
    String sessionId, String candidateId, String componentId, String personId) {}

package org.examledger.exam;

/**
 * What the station checked before admitting a candidate to the appraisal.
 *
 * @param qualification the qualification or prior certificate relied on (e.g. "CNC lathe operator
 *     level 5, certificate 2023-…")
 * @param trainingRecord the training record checked (course, hours, institution)
 */
public record Eligibility(String qualification, String trainingRecord) {}

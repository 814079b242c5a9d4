/**
 * The exam domain: what happens at an appraisal station, as commands and events (one record per
 * message, named for intent, each event with a revision) and the aggregates that decide whether a
 * command is allowed. No clock and no randomness here: time and identifiers arrive on the command.
 */
package org.examledger.exam;

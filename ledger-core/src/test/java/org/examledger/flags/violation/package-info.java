/**
 * A deliberate offender against the flag engine's purity rule, for the test that proves it fires.
 */
package org.examledger.flags.violation;

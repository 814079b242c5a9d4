/**
 * A supervisor's review of a flag: acknowledged (seen, being looked into) and resolved (with what
 * was found), each a signed statement with a comment. One aggregate per flag; the flag itself stays
 * a projection of the events, the review only says what a supervisor did about it.
 */
package org.examledger.reviews;

/**
 * The {@code ./ledger} command line for examiners and auditors: key generation, signing and
 * submitting statements, exporting evidence bundles from a server and verifying them offline. Only
 * ledger-core and the JDK; every failure is one line on stderr and a documented exit code.
 */
package org.examledger.cli;

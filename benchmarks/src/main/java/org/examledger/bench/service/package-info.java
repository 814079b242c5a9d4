/**
 * The service-level benchmark suites ({@code ./ledger bench load|seal|verify|rebuild|proofs}): each
 * starts the ledger on a fresh PostgreSQL database (or drives a given server), sends realistically
 * shaped, really signed statements over HTTP as a station's clients would, and writes one JSON file
 * with the machine, the settings and the numbers. Measurements only: nothing here asserts a timing.
 */
package org.examledger.bench.service;

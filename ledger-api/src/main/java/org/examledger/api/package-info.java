/**
 * The Exam Integrity Ledger service: a Spring Boot application with Axon Framework on a relational
 * event store (PostgreSQL, or an embedded H2 file database by default). No Axon Server, ever.
 */
package org.examledger.api;

package org.examledger.api.secrets;

import java.nio.file.Path;

/**
 * The station secret's file as configured ({@code ledger.security.station-secret-file}), checked
 * owner-only at startup when it exists. The service never reads the secret: stations hash document
 * numbers on their own machines ({@code ./ledger hash-document}).
 */
public record StationSecretFile(Path path) {}

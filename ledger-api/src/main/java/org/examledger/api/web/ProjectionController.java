package org.examledger.api.web;

import java.util.List;
import org.examledger.api.rebuild.ProjectionRebuilds;
import org.examledger.api.rebuild.ProjectionStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' view of the projections and their rebuild. A rebuild answers 202 at once; progress is
 * read back from the status, and every API read says which views are rebuilding (header {@code
 * Ledger-Views-Rebuilding}). Authentication and roles for these endpoints come with issue 9.
 */
@RestController
class ProjectionController {

  private final ProjectionRebuilds rebuilds;

  ProjectionController(ProjectionRebuilds rebuilds) {
    this.rebuilds = rebuilds;
  }

  @GetMapping("/api/v1/admin/projections")
  List<ProjectionStatus> list() {
    return rebuilds.list();
  }

  @GetMapping("/api/v1/admin/projections/{name}")
  ProjectionStatus one(@PathVariable String name) {
    return rebuilds
        .status(name)
        .orElseThrow(
            () -> new NotFoundProblem("unknown-projection", "no projection '" + name + "'"));
  }

  @PostMapping("/api/v1/admin/projections/{name}/rebuild")
  ResponseEntity<ProjectionStatus> rebuild(@PathVariable String name) {
    return ResponseEntity.accepted().body(rebuilds.rebuild(name));
  }

  @PostMapping("/api/v1/admin/projections/rebuild")
  ResponseEntity<List<ProjectionStatus>> rebuildAll() {
    return ResponseEntity.accepted().body(rebuilds.rebuildAll());
  }
}

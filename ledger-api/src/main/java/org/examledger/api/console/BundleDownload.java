package org.examledger.api.console;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.examledger.bundle.BundleAssembler;
import org.examledger.bundle.BundleAssemblyException;
import org.examledger.bundle.BundleSelection;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The ledger page's evidence-bundle download: the same bundle (docs/formats/bundle.md) as {@code
 * ./ledger export} with the same selection, assembled by the same {@link BundleAssembler} from the
 * server's own log. Open to auditors, supervisors and station admins (the readers of the log).
 */
@Controller
class BundleDownload {

  private final ServerBundleSource source;
  private final Clock clock;

  BundleDownload(ServerBundleSource source, Clock clock) {
    this.source = source;
    this.clock = clock;
  }

  @PostMapping("/console/ledger/bundle")
  ResponseEntity<byte[]> bundle(
      @RequestParam(required = false) String session,
      @RequestParam(required = false) String candidate,
      @RequestParam(required = false) String examiner,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    BundleSelection selection =
        new BundleSelection(
            blankToNull(session),
            blankToNull(candidate),
            blankToNull(examiner),
            time(from),
            time(to));
    if (selection.isEmpty()) {
      throw ConsoleProblem.badRequest("console.badRequest.bundle", "");
    }
    String server = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    BundleAssembler.Result result;
    try {
      result =
          new BundleAssembler(source, BundleAssembler.Progress.NONE)
              .assemble(selection, List.of(), server, clock.instant());
    } catch (BundleAssemblyException e) {
      throw ConsoleProblem.notFound("console.notFound.bundle", e.getMessage());
    }
    String name =
        "evidence-"
            + (selection.session() == null ? "selection" : safe(selection.session()))
            + "-"
            + result.anchorSize()
            + ".zip";
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/zip"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .body(result.zip());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static Instant time(String text) {
    String t = blankToNull(text);
    return t == null ? null : SessionPages.moment(t);
  }

  private static String safe(String s) {
    return s.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}

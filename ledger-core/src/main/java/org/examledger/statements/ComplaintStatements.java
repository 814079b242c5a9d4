package org.examledger.statements;

import java.util.LinkedHashMap;
import java.util.Map;
import org.examledger.complaints.ApproveReinstatementCommand;
import org.examledger.complaints.AssignInvestigatorCommand;
import org.examledger.complaints.DecideComplaintCommand;
import org.examledger.complaints.FileComplaintCommand;
import org.examledger.complaints.LinkEvidenceCommand;
import org.examledger.complaints.ReferComplaintCommand;
import org.examledger.complaints.ReopenComplaintCommand;
import org.examledger.complaints.SubmitSelfCriticismCommand;

/**
 * The complaint workflow's statements, bound like the exam family by {@link RecordPayloads}: the
 * subject is the complaintId, the payload the command's other members. docs/formats/statements.md
 * lists them.
 */
public final class ComplaintStatements {

  public static final Map<String, Class<? extends Record>> COMMANDS = commands();

  private ComplaintStatements() {}

  private static Map<String, Class<? extends Record>> commands() {
    Map<String, Class<? extends Record>> m = new LinkedHashMap<>();
    m.put("complaint.file/v1", FileComplaintCommand.class);
    m.put("complaint.investigator.assign/v1", AssignInvestigatorCommand.class);
    m.put("complaint.evidence.link/v1", LinkEvidenceCommand.class);
    m.put("complaint.refer/v1", ReferComplaintCommand.class);
    m.put("complaint.decide/v1", DecideComplaintCommand.class);
    m.put("complaint.reopen/v1", ReopenComplaintCommand.class);
    m.put("complaint.self-criticism.submit/v1", SubmitSelfCriticismCommand.class);
    m.put("complaint.reinstatement.approve/v1", ApproveReinstatementCommand.class);
    return Map.copyOf(m);
  }
}

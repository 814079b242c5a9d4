package org.examledger.api.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.examledger.bytes.Bytes;
import org.examledger.crypto.Digests;
import org.examledger.exam.DocumentRef;
import org.examledger.exam.DocumentType;
import org.examledger.exam.Eligibility;
import org.examledger.exam.ExamType;
import org.examledger.exam.ScoreComponent;
import org.examledger.privacy.ResidentIdNumbers;
import org.examledger.statements.RecordScorePayload;
import org.examledger.statements.RegisterCandidatePayload;
import org.examledger.statements.ScheduleSessionPayload;
import org.examledger.statements.StatementTypes;

/**
 * The demo season as a script: every statement in the order and at the (demo) time it is sent, and
 * the problems it plants. Pure and deterministic: the same size gives the same statements, the same
 * scores (one {@link Random} with a fixed seed, drawn in a fixed order) and the same planted list.
 * {@link DemoSeason} runs it against the service; {@link #planted(int)} runs it dry.
 *
 * <p>The shape is the station of BRIEF section 1: 8 exams (2 national unified, 3 regular, 3
 * high-tech) of 4 sessions each in 10 occupations, 74 examiners, 12 proctors, a station
 * administrator, a clerk and a guidance-centre supervisor, and by default 1,305 candidates.
 */
final class SeasonScript {

  /** The brief's station: 1,305 candidates in a year. */
  static final int DEFAULT_CANDIDATES = 1305;

  /** Every session needs a few candidates for the planted problems. */
  static final int MIN_CANDIDATES = 32 * 6;

  static final String ADMIN = "admin-01";
  static final String CLERK = "clerk-02";
  static final String SUPERVISOR = "supervisor-01";
  static final String RESPONDENT = "examiner-11";
  static final String LENIENT_1 = "examiner-23";
  static final String LENIENT_2 = "examiner-41";
  static final String ALL_ROLES = "examiner-60";
  static final String VERIFIED_COMPLAINT = "CPL-DEMO-0001";
  static final String OPEN_COMPLAINT = "CPL-DEMO-0002";
  static final String DEMO_SESSION = "S-DEMO-2026-CNC-4";
  static final int EXAMINERS = 74;
  static final int PROCTORS = 12;
  static final BigDecimal PASS_MARK = new BigDecimal("60");

  /** The demo station's document-hash secret: public, like the demo keys. */
  static final Bytes DEMO_SECRET = Bytes.utf8("examledger demo station secret");

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** Where the script's statements go. */
  interface Sender {
    /** Sends a statement signed by {@code actor} at {@code at}; answers the dispatch result. */
    Map<String, Object> signed(String actor, String type, String subject, JsonNode payload);

    /** Sends an unsigned entry naming {@code actor}, submitted by {@code submitter}. */
    Map<String, Object> unsigned(
        String actor, String submitter, String type, String subject, JsonNode payload);

    /** Registers the key of {@code actor} with {@code role} (signed by the administrator). */
    void registerKey(String actor, String role);

    /** The demo clock moves to {@code at}; every later statement is at or after it. */
    void at(Instant at);
  }

  record Occupation(String code, String name) {}

  record Exam(String code, ExamType type, LocalDate day, List<String[]> sessions) {}

  record Session(
      String id,
      Exam exam,
      Occupation occupation,
      int level,
      Instant startsAt,
      Instant endsAt,
      List<String> rooms,
      List<String> candidates) {}

  static final Map<String, Occupation> OCCUPATIONS =
      Map.of(
          "CNC", new Occupation("CNC", "CNC lathe operator"),
          "ELE", new Occupation("ELE", "Maintenance electrician"),
          "WLD", new Occupation("WLD", "Welder"),
          "FIT", new Occupation("FIT", "Fitter"),
          "AUT", new Occupation("AUT", "Automobile mechanic"),
          "CMP", new Occupation("CMP", "Computer operator"),
          "CHF", new Occupation("CHF", "Chinese cuisine chef"),
          "BTY", new Occupation("BTY", "Cosmetologist"),
          "ROB", new Occupation("ROB", "Industrial robot system operator"),
          "NET", new Occupation("NET", "Network administrator"));

  /** The year's exams in date order; each session is {occupation code, level}. */
  static final List<Exam> EXAMS =
      List.of(
          exam("NU1", ExamType.NATIONAL_UNIFIED, "2026-03-14", "ELE-3 WLD-3 FIT-4 AUT-4"),
          exam("RG1", ExamType.REGULAR, "2026-04-18", "CNC-3 CMP-4 CHF-4 BTY-4"),
          exam("HT1", ExamType.HIGH_TECH, "2026-05-16", "ROB-3 NET-3 CNC-2 ELE-2"),
          exam("RG2", ExamType.REGULAR, "2026-06-13", "CNC-4 WLD-4 CHF-3 CMP-3"),
          exam("NU2", ExamType.NATIONAL_UNIFIED, "2026-07-11", "ELE-4 FIT-3 AUT-3 BTY-3"),
          exam("HT2", ExamType.HIGH_TECH, "2026-08-15", "ROB-2 NET-2 WLD-2 FIT-2"),
          exam("RG3", ExamType.REGULAR, "2026-09-19", "AUT-5 CMP-5 CHF-5 BTY-5"),
          exam("HT3", ExamType.HIGH_TECH, "2026-10-17", "ROB-4 NET-4 CNC-5 ELE-5"));

  // the planted sessions
  static final String UNSIGNED_SESSION = "S-2026-RG2-WLD-4";
  static final String NO_NOTICE_SESSION = "S-2026-HT1-NET-3";
  static final String ALL_ROLES_SESSION = "S-2026-HT3-CNC-5";
  static final String NO_ID_SESSION = "S-2026-RG3-CHF-5";
  static final String MISMATCH_SESSION = "S-2026-HT2-ROB-2";
  static final String SUBSTITUTE_OWNER_SESSION = "S-2026-NU2-FIT-3";
  static final String SUBSTITUTE_SESSION = "S-2026-NU2-AUT-3";
  static final String COMPLAINT_SESSION = "S-2026-NU1-WLD-3";
  static final String EVIDENCE_SESSION = "S-2026-RG1-CNC-3";
  static final Map<String, String> LENIENT_SESSIONS =
      Map.of(
          "S-2026-RG1-CMP-4", LENIENT_1,
          "S-2026-NU2-ELE-4", LENIENT_1,
          "S-2026-RG3-AUT-5", LENIENT_1,
          "S-2026-HT1-ROB-3", LENIENT_2,
          "S-2026-HT2-NET-2", LENIENT_2,
          "S-2026-HT3-NET-4", LENIENT_2);

  private final int candidateCount;
  private final Sender out;
  private final Random random = new Random(20260613L);
  private final List<PlantedProblem> planted = new ArrayList<>();
  private final List<String> examinerPool = new ArrayList<>();
  private int nextExaminer;

  SeasonScript(int candidateCount, Sender out) {
    if (candidateCount < MIN_CANDIDATES) {
      throw new IllegalArgumentException(
          "ledger.demo.candidates must be at least "
              + MIN_CANDIDATES
              + " (6 per session), was "
              + candidateCount);
    }
    this.candidateCount = candidateCount;
    this.out = out;
    for (int i = 1; i <= EXAMINERS; i++) {
      String e = examiner(i);
      if (!List.of(RESPONDENT, LENIENT_1, LENIENT_2, ALL_ROLES).contains(e)) {
        examinerPool.add(e);
      }
    }
  }

  /** What the season plants for a given size, without sending anything. */
  static List<PlantedProblem> planted(int candidateCount) {
    SeasonScript dry = new SeasonScript(candidateCount, new DrySender());
    dry.run();
    return dry.planted();
  }

  List<PlantedProblem> planted() {
    return List.copyOf(planted);
  }

  static String examiner(int i) {
    return String.format("examiner-%02d", i);
  }

  static String proctor(int i) {
    return String.format("proctor-%02d", i);
  }

  static String candidateId(int i) {
    return String.format("C-2026-%04d", i);
  }

  /** The sessions, with their candidates: the demo session holds C-2026-0001 onwards. */
  List<Session> sessions() {
    List<String[]> specs = new ArrayList<>();
    for (Exam exam : EXAMS) {
      for (String[] s : exam.sessions()) {
        specs.add(s);
      }
    }
    List<Session> sessions = new ArrayList<>();
    // the demo session first in candidate numbering, so that C-2026-0001 is in it
    List<int[]> order = new ArrayList<>();
    int index = 0;
    for (int e = 0; e < EXAMS.size(); e++) {
      for (int s = 0; s < EXAMS.get(e).sessions().size(); s++) {
        order.add(new int[] {e, s, index++});
      }
    }
    int total = order.size();
    int[] sizes = new int[total];
    for (int i = 0; i < total; i++) {
      sizes[i] = candidateCount / total + (i < candidateCount % total ? 1 : 0);
    }
    List<int[]> numbering = new ArrayList<>();
    for (int[] o : order) {
      if (sessionId(EXAMS.get(o[0]), EXAMS.get(o[0]).sessions().get(o[1])).equals(DEMO_SESSION)) {
        numbering.add(0, o);
      } else {
        numbering.add(o);
      }
    }
    Map<Integer, List<String>> candidatesOf = new java.util.HashMap<>();
    int next = 1;
    for (int[] o : numbering) {
      List<String> c = new ArrayList<>();
      for (int k = 0; k < sizes[o[2]]; k++) {
        c.add(candidateId(next++));
      }
      candidatesOf.put(o[2], c);
    }
    for (int[] o : order) {
      Exam exam = EXAMS.get(o[0]);
      String[] spec = exam.sessions().get(o[1]);
      List<String> candidates = candidatesOf.get(o[2]);
      List<String> rooms = new ArrayList<>();
      rooms.add("R" + (o[1] + 1) + "01");
      if (candidates.size() > 30) {
        rooms.add("R" + (o[1] + 1) + "02");
      }
      Instant start = exam.day().atTime(1, 0).toInstant(ZoneOffset.UTC);
      Duration length = Duration.ofHours(exam.type() == ExamType.REGULAR ? 3 : 4);
      sessions.add(
          new Session(
              sessionId(exam, spec),
              exam,
              OCCUPATIONS.get(spec[0]),
              Integer.parseInt(spec[1]),
              start,
              start.plus(length),
              List.copyOf(rooms),
              List.copyOf(candidates)));
    }
    return sessions;
  }

  static String sessionId(Exam exam, String[] spec) {
    if (exam.code().equals("RG2") && spec[0].equals("CNC") && spec[1].equals("4")) {
      return DEMO_SESSION;
    }
    return "S-2026-" + exam.code() + "-" + spec[0] + "-" + spec[1];
  }

  private static Exam exam(String code, ExamType type, String day, String sessions) {
    List<String[]> specs = new ArrayList<>();
    for (String s : sessions.split(" ")) {
      specs.add(s.split("-"));
    }
    return new Exam(code, type, LocalDate.parse(day), List.copyOf(specs));
  }

  private static Instant day(LocalDate d, int plusDays, int hourUtc) {
    return d.plusDays(plusDays).atTime(hourUtc, 0).toInstant(ZoneOffset.UTC);
  }

  private static Instant day(String d, int hourUtc) {
    return day(LocalDate.parse(d), 0, hourUtc);
  }

  /** Sends the whole season. */
  void run() {
    out.at(day("2026-01-05", 1));
    out.registerKey(ADMIN, "STATION_ADMIN");
    out.registerKey(CLERK, "CLERK");
    out.registerKey(SUPERVISOR, "SUPERVISOR");
    for (int i = 1; i <= EXAMINERS; i++) {
      out.registerKey(examiner(i), "EXAMINER");
    }
    for (int i = 1; i <= PROCTORS; i++) {
      out.registerKey(proctor(i), "PROCTOR");
    }
    List<Session> sessions = sessions();
    // the station's annual plan: every session scheduled at the start of the year
    out.at(day("2026-02-02", 2));
    for (Session s : sessions) {
      schedule(s);
    }
    for (Exam exam : EXAMS) {
      List<Session> ofExam = sessions.stream().filter(s -> s.exam() == exam).toList();
      runExam(exam, ofExam);
      switch (exam.code()) {
        case "NU1" -> complaintDecided();
        case "RG1" -> suspendedExaminerSigns(sessions);
        case "RG3" -> reinstatement();
        case "HT3" -> openComplaint();
        default -> {}
      }
    }
    for (String lenient : List.of(LENIENT_1, LENIENT_2)) {
      planted.add(
          new PlantedProblem(
              "statistical bunching",
              null,
              null,
              lenient,
              false,
              lenient
                  + " (lenient practical examiner) lifts about 60% of totals 52-59 to 60-62 in "
                  + LENIENT_SESSIONS.entrySet().stream()
                      .filter(e -> e.getValue().equals(lenient))
                      .map(Map.Entry::getKey)
                      .sorted()
                      .toList()
                  + ": their final totals bunch just above the pass mark"));
    }
  }

  private void schedule(Session s) {
    out.signed(
        ADMIN,
        StatementTypes.SESSION_SCHEDULE,
        s.id(),
        new ScheduleSessionPayload(
                s.occupation().name(),
                s.level(),
                s.exam().type(),
                PASS_MARK,
                List.of(
                    ScoreComponent.singleMarked("theory", "Theory paper", new BigDecimal("40")),
                    ScoreComponent.singleMarked(
                        "practical", "Practical task", new BigDecimal("60"))),
                s.rooms(),
                s.startsAt(),
                s.endsAt())
            .toJson());
  }

  /** Who does what in one session. */
  private record Staff(
      String theory, String practical, String chief, List<String> proctors, String locker) {

    String proctorOf(Session s, String candidateId) {
      int i = s.candidates().indexOf(candidateId);
      return proctors.get(roomIndex(s, i));
    }
  }

  private static int roomIndex(Session s, int candidateIndex) {
    return s.rooms().size() == 1 ? 0 : (candidateIndex < (s.candidates().size() + 1) / 2 ? 0 : 1);
  }

  private Staff staff(Session s, int sessionIndexInExam) {
    if (s.id().equals(ALL_ROLES_SESSION)) {
      return new Staff(
          ALL_ROLES,
          ALL_ROLES,
          ALL_ROLES,
          s.rooms().stream().map(r -> ALL_ROLES).toList(),
          ALL_ROLES);
    }
    String theory = examinerPool.get(nextExaminer++ % examinerPool.size());
    String practical = examinerPool.get(nextExaminer++ % examinerPool.size());
    String chief = examinerPool.get(nextExaminer++ % examinerPool.size());
    if (LENIENT_SESSIONS.containsKey(s.id())) {
      practical = LENIENT_SESSIONS.get(s.id());
    }
    if (s.id().equals(COMPLAINT_SESSION)) {
      practical = RESPONDENT;
    }
    List<String> proctors = new ArrayList<>();
    for (int r = 0; r < s.rooms().size(); r++) {
      proctors.add(proctor(sessionIndexInExam * 2 + r + 1));
    }
    return new Staff(theory, practical, chief, List.copyOf(proctors), ADMIN);
  }

  private void runExam(Exam exam, List<Session> sessions) {
    LocalDate d = exam.day();
    List<Staff> staff = new ArrayList<>();
    for (int i = 0; i < sessions.size(); i++) {
      staff.add(staff(sessions.get(i), i));
    }
    out.at(day(d, -14, 2));
    for (Session s : sessions) {
      register(s);
    }
    out.at(day(d, -7, 2));
    for (int i = 0; i < sessions.size(); i++) {
      assign(sessions.get(i), staff.get(i));
    }
    out.at(day(d, 0, 0));
    for (int i = 0; i < sessions.size(); i++) {
      Session s = sessions.get(i);
      Staff st = staff.get(i);
      out.signed(actorOpening(s, st), "exam.session.open/v1", s.id(), F.objectNode());
      if (s.id().equals(NO_NOTICE_SESSION)) {
        planted.add(
            new PlantedProblem(
                "proctoring gap",
                s.id(),
                null,
                ADMIN,
                false,
                "the session is started without the Candidate Notice read in any room"
                    + " (noticeWaivedReason given)"));
        continue;
      }
      for (int r = 0; r < s.rooms().size(); r++) {
        out.signed(
            st.proctors().get(r),
            "exam.proctor.notice-read/v1",
            s.id(),
            F.objectNode().put("room", s.rooms().get(r)));
      }
    }
    out.at(day(d, 0, 0).plusSeconds(20 * 60));
    for (int i = 0; i < sessions.size(); i++) {
      identityChecks(sessions.get(i), staff.get(i), sessions);
    }
    out.at(day(d, 0, 1));
    for (int i = 0; i < sessions.size(); i++) {
      Session s = sessions.get(i);
      ObjectNode start = F.objectNode();
      if (s.id().equals(NO_NOTICE_SESSION)) {
        start.put("noticeWaivedReason", "the proctor arrived late; candidates already seated");
      }
      out.signed(actorOpening(s, staff.get(i)), "exam.session.start/v1", s.id(), start);
    }
    out.at(day(d, 0, 5));
    for (int i = 0; i < sessions.size(); i++) {
      Session s = sessions.get(i);
      out.signed(actorOpening(s, staff.get(i)), "exam.session.end/v1", s.id(), F.objectNode());
    }
    // marking: draw every candidate's marks first (fixed order), then send them
    out.at(day(d, 0, 6));
    List<List<int[]>> marks = new ArrayList<>();
    for (Session s : sessions) {
      List<int[]> m = new ArrayList<>();
      for (int k = 0; k < s.candidates().size(); k++) {
        m.add(draw(LENIENT_SESSIONS.containsKey(s.id())));
      }
      marks.add(m);
    }
    List<String[]> unsignedToCountersign = new ArrayList<>();
    for (int i = 0; i < sessions.size(); i++) {
      score(sessions.get(i), staff.get(i), marks.get(i), unsignedToCountersign);
    }
    out.at(day(d, 1, 2));
    for (int i = 0; i < sessions.size(); i++) {
      corrections(sessions.get(i), staff.get(i), marks.get(i));
    }
    for (String[] c : unsignedToCountersign) {
      out.signed(
          c[0],
          StatementTypes.SCORE_COUNTERSIGN,
          c[1],
          F.objectNode()
              .put("eventId", c[2])
              .put("candidateId", c[3])
              .put("componentId", c[4])
              .put("score", c[5]));
    }
    out.at(day(d, 2, 2));
    for (int i = 0; i < sessions.size(); i++) {
      Session s = sessions.get(i);
      List<int[]> m = marks.get(i);
      for (int k = 0; k < s.candidates().size(); k++) {
        int[] mk = m.get(k);
        out.signed(
            staff.get(i).chief(),
            "exam.sheet.submit/v1",
            s.id(),
            F.objectNode()
                .put("candidateId", s.candidates().get(k))
                .put("claimedTotal", Integer.toString(mk[0] + mk[2])));
      }
    }
    out.at(day(d, 2, 6));
    for (int i = 0; i < sessions.size(); i++) {
      Session s = sessions.get(i);
      for (String c : s.candidates()) {
        out.signed(
            staff.get(i).locker(),
            "exam.sheet.lock/v1",
            s.id(),
            F.objectNode().put("candidateId", c));
      }
      if (s.id().equals(ALL_ROLES_SESSION)) {
        planted.add(
            new PlantedProblem(
                "separation of duties",
                s.id(),
                null,
                ALL_ROLES,
                false,
                ALL_ROLES
                    + " is proctor, examiner and chief examiner of the session, checks every"
                    + " identity, marks every component, and submits and locks every sheet"));
      }
    }
    out.at(day(d, 3, 2));
    for (Session s : sessions) {
      for (String c : s.candidates()) {
        out.signed(ADMIN, "exam.sheet.publish/v1", s.id(), F.objectNode().put("candidateId", c));
      }
    }
  }

  private static String actorOpening(Session s, Staff st) {
    return s.id().equals(ALL_ROLES_SESSION) ? ALL_ROLES : ADMIN;
  }

  private void register(Session s) {
    for (int k = 0; k < s.candidates().size(); k++) {
      String c = s.candidates().get(k);
      out.signed(
          ADMIN,
          StatementTypes.CANDIDATE_REGISTER,
          s.id(),
          new RegisterCandidatePayload(
                  c,
                  s.rooms().get(roomIndex(s, k)),
                  new Eligibility(
                      s.occupation().name() + " level " + s.level(),
                      "training record " + c + ", demo training centre"),
                  List.of(
                      DocumentRef.keyed(DocumentType.ID_CARD, idCard(c), DEMO_SECRET),
                      DocumentRef.keyed(
                          DocumentType.ADMISSION_TICKET, admissionTicket(c), DEMO_SECRET)))
              .toJson());
    }
  }

  /** Region codes (GB/T 2260) of the districts the demo's candidates come from. */
  private static final List<String> REGIONS =
      List.of("320102", "320104", "320105", "320106", "320111", "320113", "320115");

  private static final LocalDate FIRST_BIRTHDAY = LocalDate.of(1994, 1, 1);

  /**
   * The candidate's made-up but well-formed resident identity number (GB 11643-1999: region, birth
   * date, sequence, check character), so that the demo exercises the same path as real numbers:
   * hashed before signing, never stored. Distinct for every candidate number below 7,000.
   */
  static String idCard(String candidateId) {
    return residentIdNumber(candidateNumber(candidateId), 0);
  }

  /** The forged card of the mismatch: well-formed, but nobody's in the season. */
  static String forgedIdCard(String candidateId) {
    return residentIdNumber(candidateNumber(candidateId), 1);
  }

  /** The admission ticket's number, also hashed before signing. */
  static String admissionTicket(String candidateId) {
    return "DEMO-" + candidateId;
  }

  private static int candidateNumber(String candidateId) {
    return Integer.parseInt(candidateId.substring(candidateId.lastIndexOf('-') + 1));
  }

  private static String residentIdNumber(int n, int variant) {
    LocalDate birth = FIRST_BIRTHDAY.plusDays((n * 37L + variant * 500L) % 3650);
    String first17 =
        REGIONS.get(n % REGIONS.size())
            + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
            + String.format("%03d", n % 1000);
    return first17 + ResidentIdNumbers.checkCharacter(first17);
  }

  /**
   * Every document number the season hashes (ID cards, the forged card, admission tickets), for the
   * test that none of them reaches the database or the log.
   */
  static List<String> documentNumbers(int candidateCount) {
    SeasonScript dry = new SeasonScript(candidateCount, new DrySender());
    List<String> numbers = new ArrayList<>();
    for (Session s : dry.sessions()) {
      for (String c : s.candidates()) {
        numbers.add(idCard(c));
        numbers.add(forgedIdCard(c));
        numbers.add(admissionTicket(c));
      }
    }
    return List.copyOf(numbers);
  }

  private void assign(Session s, Staff st) {
    List<String[]> roles = new ArrayList<>();
    roles.add(new String[] {st.theory(), "EXAMINER"});
    if (!st.practical().equals(st.theory())) {
      roles.add(new String[] {st.practical(), "EXAMINER"});
    }
    roles.add(new String[] {st.chief(), "CHIEF_EXAMINER"});
    for (String p : st.proctors().stream().distinct().toList()) {
      roles.add(new String[] {p, "PROCTOR"});
    }
    for (String[] r : roles) {
      out.signed(
          ADMIN,
          "exam.staff.assign/v1",
          s.id(),
          F.objectNode().put("personId", r[0]).put("role", r[1]));
    }
  }

  private void identityChecks(Session s, Staff st, List<Session> sameDay) {
    for (int k = 0; k < s.candidates().size(); k++) {
      String c = s.candidates().get(k);
      String proctor = st.proctorOf(s, c);
      String document = idCard(c);
      String result = "MATCH";
      boolean noDocument = false;
      if (s.id().equals(NO_ID_SESSION) && k == 1) {
        noDocument = true;
        result = "MISSING_DOCUMENT";
        planted.add(
            new PlantedProblem(
                "identity gap",
                s.id(),
                c,
                proctor,
                false,
                "identity check MISSING_DOCUMENT (no ID card, no student card), yet marked"));
      } else if (s.id().equals(NO_ID_SESSION) && k == 2) {
        planted.add(
            new PlantedProblem(
                "identity gap",
                s.id(),
                c,
                st.theory(),
                false,
                "marked without any identity check"));
        continue;
      } else if (s.id().equals(MISMATCH_SESSION) && k == 1) {
        document = forgedIdCard(c);
        result = "MISMATCH";
        planted.add(
            new PlantedProblem(
                "identity gap",
                s.id(),
                c,
                proctor,
                false,
                "identity check MISMATCH: the ID card presented is not the candidate's"));
      } else if (s.id().equals(SUBSTITUTE_SESSION) && k == 1) {
        String owner = session(sameDay, SUBSTITUTE_OWNER_SESSION).candidates().get(1);
        document = idCard(owner);
        planted.add(
            new PlantedProblem(
                "identity gap",
                s.id(),
                c,
                proctor,
                false,
                "substitute test-taker: presents the ID card of "
                    + owner
                    + ", checked the same morning in "
                    + SUBSTITUTE_OWNER_SESSION
                    + " (sessions overlap in time)"));
      }
      ArrayNode docs = F.arrayNode();
      if (!noDocument) {
        DocumentRef ref = DocumentRef.keyed(DocumentType.ID_CARD, document, DEMO_SECRET);
        docs.addObject()
            .put("type", ref.type().name())
            .put("keyedHash", ref.keyedHash())
            .put("suffix", ref.suffix());
      }
      ObjectNode payload = F.objectNode().put("candidateId", c);
      payload.set("documents", docs);
      payload.put("method", "CARD_READER").put("result", result);
      out.signed(proctor, "exam.identity.check/v1", s.id(), payload);
    }
  }

  private static Session session(List<Session> sessions, String id) {
    return sessions.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  /**
   * One candidate's marks: {theory, practical as first marked, practical after a lenient correction
   * (same when none)}.
   */
  private int[] draw(boolean lenient) {
    double ability = Math.max(0.15, Math.min(0.98, 0.68 + 0.13 * random.nextGaussian()));
    int theory = clamp((int) Math.round(40 * (ability + 0.05 * random.nextGaussian())), 40);
    int practical = clamp((int) Math.round(60 * (ability + 0.05 * random.nextGaussian())), 60);
    double coin = random.nextDouble();
    int lifted = practical;
    int total = theory + practical;
    int pass = PASS_MARK.intValue();
    if (lenient && total >= pass - 8 && total < pass && coin < 0.6) {
      int target = pass + random.nextInt(3);
      lifted = Math.min(60, target - theory);
    }
    return new int[] {theory, practical, lifted};
  }

  private static int clamp(int v, int max) {
    return Math.max(0, Math.min(max, v));
  }

  private void score(Session s, Staff st, List<int[]> marks, List<String[]> toCountersign) {
    for (int k = 0; k < s.candidates().size(); k++) {
      String c = s.candidates().get(k);
      int[] m = marks.get(k);
      out.signed(
          st.theory(),
          StatementTypes.SCORE_RECORD,
          s.id(),
          new RecordScorePayload(c, "theory", BigDecimal.valueOf(m[0])).toJson());
      JsonNode practical =
          new RecordScorePayload(c, "practical", BigDecimal.valueOf(m[1])).toJson();
      if (s.id().equals(UNSIGNED_SESSION) && k >= 1 && k <= 4) {
        // transcribed from the paper sheet by the clerk, unsigned
        Map<String, Object> r =
            out.unsigned(st.practical(), CLERK, StatementTypes.SCORE_RECORD, s.id(), practical);
        boolean cured = k == 4;
        if (cured) {
          toCountersign.add(
              new String[] {
                st.practical(),
                s.id(),
                String.valueOf(r.get("eventId")),
                c,
                "practical",
                Integer.toString(m[1])
              });
        }
        planted.add(
            new PlantedProblem(
                "unsigned change",
                s.id(),
                c,
                st.practical(),
                cured,
                cured
                    ? "practical mark entered unsigned by " + CLERK + ", countersigned next day"
                    : "practical mark entered unsigned by "
                        + CLERK
                        + " in the name of "
                        + st.practical()
                        + ", never countersigned"));
      } else {
        out.signed(st.practical(), StatementTypes.SCORE_RECORD, s.id(), practical);
      }
    }
  }

  private void corrections(Session s, Staff st, List<int[]> marks) {
    for (int k = 0; k < s.candidates().size(); k++) {
      int[] m = marks.get(k);
      if (m[2] == m[1]) {
        continue;
      }
      String c = s.candidates().get(k);
      out.signed(
          st.practical(),
          "exam.score.correct/v1",
          s.id(),
          F.objectNode()
              .put("candidateId", c)
              .put("componentId", "practical")
              .put("newScore", Integer.toString(m[2]))
              .put("reason", "REMARK_AFTER_REVIEW")
              .put("reasonText", "re-measured the workpiece"));
      planted.add(
          new PlantedProblem(
              "pass-mark crossing",
              s.id(),
              c,
              st.practical(),
              false,
              "correction lifts the total from "
                  + (m[0] + m[1])
                  + " below the pass mark to "
                  + (m[0] + m[2])));
    }
  }

  private void complaintDecided() {
    out.at(day("2026-03-20", 2));
    out.signed(
        CLERK,
        "complaint.file/v1",
        VERIFIED_COMPLAINT,
        F.objectNode()
            .put("respondentId", RESPONDENT)
            .put("respondentRole", "EXAMINER")
            .put("sessionId", COMPLAINT_SESSION)
            .put("candidateId", sessionCandidate(COMPLAINT_SESSION, 0))
            .put("channel", "THROUGH_STATION")
            .put("summary", "practical mark given without measuring the part"));
    out.at(day("2026-03-21", 2));
    out.signed(
        SUPERVISOR,
        "complaint.investigator.assign/v1",
        VERIFIED_COMPLAINT,
        F.objectNode().put("investigatorId", SUPERVISOR));
    out.at(day("2026-03-23", 2));
    out.signed(
        SUPERVISOR,
        "complaint.evidence.link/v1",
        VERIFIED_COMPLAINT,
        F.objectNode()
            .put("kind", "DOCUMENT")
            .put(
                "reference",
                Digests.sha256(Bytes.utf8("demo: measurement sheet of the welded part"))
                    .value()
                    .hex())
            .put("description", "the workshop's measurement sheet, scanned"));
    out.at(day("2026-03-27", 2));
    out.signed(
        SUPERVISOR,
        "complaint.decide/v1",
        VERIFIED_COMPLAINT,
        F.objectNode()
            .put("outcome", "VERIFIED")
            .put("reasons", "the part was never measured; the mark has no basis"));
    out.at(day("2026-03-31", 2));
    out.signed(
        RESPONDENT,
        "complaint.self-criticism.submit/v1",
        VERIFIED_COMPLAINT,
        F.objectNode()
            .put(
                "documentSha256",
                Digests.sha256(Bytes.utf8("demo: self-criticism of " + RESPONDENT)).value().hex())
            .put("summary", "I marked the practical without measuring; I will measure every part"));
  }

  private String sessionCandidate(String sessionId, int index) {
    return session(sessions(), sessionId).candidates().get(index);
  }

  private void suspendedExaminerSigns(List<Session> sessions) {
    String c = session(sessions, EVIDENCE_SESSION).candidates().get(0);
    out.at(day("2026-04-25", 2));
    out.signed(
        RESPONDENT,
        StatementTypes.SCORE_RECORD,
        EVIDENCE_SESSION,
        new RecordScorePayload(c, "practical", new BigDecimal("55")).toJson());
    planted.add(
        new PlantedProblem(
            "actor not eligible",
            EVIDENCE_SESSION,
            c,
            RESPONDENT,
            false,
            RESPONDENT
                + ", suspended by the verified complaint "
                + VERIFIED_COMPLAINT
                + " (2026-03-27 to 2026-09-27, reinstated 2026-09-30), signs a mark for a"
                + " session they are not assigned to: kept as evidence only"));
  }

  private void reinstatement() {
    out.at(day("2026-09-28", 2));
    out.signed(
        ADMIN,
        "complaint.reinstatement.approve/v1",
        VERIFIED_COMPLAINT,
        F.objectNode().put("level", "STATION").put("comment", "self-criticism accepted"));
    out.at(day("2026-09-30", 2));
    out.signed(
        SUPERVISOR,
        "complaint.reinstatement.approve/v1",
        VERIFIED_COMPLAINT,
        F.objectNode().put("level", "UPPER_LEVEL").put("comment", "reinstated"));
  }

  private void openComplaint() {
    out.at(day("2026-10-26", 2));
    out.signed(
        SUPERVISOR,
        "complaint.file/v1",
        OPEN_COMPLAINT,
        F.objectNode()
            .put("respondentId", proctor(3))
            .put("respondentRole", "PROCTOR")
            .put("sessionId", "S-2026-HT3-ROB-4")
            .put("channel", "DIRECT_TO_CENTRE")
            .put("summary", "phones left on desks during the theory paper"));
  }

  /** Sends nothing; answers made-up event ids. */
  private static final class DrySender implements Sender {
    private int n;

    @Override
    public Map<String, Object> signed(String actor, String type, String subject, JsonNode payload) {
      return Map.of("eventId", "dry-" + (++n));
    }

    @Override
    public Map<String, Object> unsigned(
        String actor, String submitter, String type, String subject, JsonNode payload) {
      return Map.of("eventId", "dry-" + (++n));
    }

    @Override
    public void registerKey(String actor, String role) {}

    @Override
    public void at(Instant at) {}
  }
}

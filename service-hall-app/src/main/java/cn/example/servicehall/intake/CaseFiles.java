package cn.example.servicehall.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.example.servicehall.audit.AuditAction;
import cn.example.servicehall.audit.AuditEvent;
import cn.example.servicehall.audit.AuditTrail;
import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.CurrentOfficers;
import cn.example.servicehall.platform.web.ProblemException;

/**
 * The hall's cases: open one, record each agency's step in its history, read it back. Every change of status goes
 * through here, so the history is complete.
 */
@Service
public class CaseFiles {

	private static final Logger log = LoggerFactory.getLogger(CaseFiles.class);

	private static final String SYSTEM = "system";

	/** The history action of acceptance at the fund centre. */
	public static final String ACCEPTED = "ACCEPTED";

	/** The history action of the one-time notice. */
	public static final String MISSING_MATERIALS_NOTIFIED = "MISSING_MATERIALS_NOTIFIED";

	/** The history action of the citizen bringing missing materials. */
	public static final String MATERIALS_SUPPLEMENTED = "MATERIALS_SUPPLEMENTED";

	/** The history action of submission. */
	public static final String SUBMITTED = "SUBMITTED";

	private final JdbcClient jdbc;

	private final CaseNumbers numbers;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final CurrentOfficers officers;

	private final CaseServices services;

	private final ActingCompanies companies;

	private final AuditTrail audit;

	private final CaseBranches branches;

	CaseFiles(JdbcClient jdbc, CaseNumbers numbers, Clock clock, ApplicationEventPublisher events,
			CurrentOfficers officers, CaseServices services, ActingCompanies companies,
			AuditTrail audit, CaseBranches branches) {
		this.audit = audit;
		this.branches = branches;
		this.companies = companies;
		this.services = services;
		this.officers = officers;
		this.jdbc = jdbc;
		this.numbers = numbers;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Opens a case in status {@link CaseStatus#SUBMITTED}, with its first part for the service applied for, and
	 * returns its new number.
	 */
	@Transactional
	public CaseNo open(NewCase application, String submittedBy) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		CaseNo caseNo = this.numbers.next(this.services.of(application.serviceType()).caseNoPrefix(),
				LocalDate.now(this.clock));
		this.jdbc.sql("""
				insert into intake_case (case_no, service_type, service_variant, channel, status, applicant_name,
				                         applicant_id_no, developer_company_id, branch, submitted_at, submitted_by,
				                         updated_at)
				values (:caseNo, :type, :variant, :channel, :status, :name, :idNo, :developer, :branch, :now, :by,
				        :now)""")
			.param("caseNo", caseNo.value())
			.param("type", application.serviceType().name())
			.param("variant", application.serviceVariant().orElse(null))
			.param("channel", application.channel().name())
			.param("status", CaseStatus.SUBMITTED.name())
			.param("name", application.applicantName())
			.param("idNo", application.applicantIdNumber().value())
			.param("developer", application.developerCompanyId().orElse(null))
			.param("branch", this.branches.current())
			.param("now", now)
			.param("by", submittedBy)
			.update();
		insertPart(caseNo, 1, application.serviceType(), null, now);
		appendEvent(caseNo, now, CaseStatus.SUBMITTED, SUBMITTED, submittedBy,
				application.developerCompanyId().isPresent() ? Agency.DEVELOPER : Agency.HPF, null);
		if (application.channel() == Channel.WINDOW) {
			insertVisit(caseNo, now, Visit.Purpose.SUBMISSION, submittedBy);
		}
		try (CaseLogging.Scope ignored = CaseLogging.of(caseNo.value())) {
			log.info("Case opened: {} via {} by {}", application.serviceType(), application.channel(), submittedBy);
		}
		return caseNo;
	}

	/** The process instance driving the case's first part (the service it was opened for). */
	@Transactional
	public void attachProcess(CaseNo caseNo, String processInstanceId) {
		attachProcess(new CasePart.Ref(caseNo, 1), processInstanceId);
	}

	/** The process instance driving a part of the case. */
	@Transactional
	public void attachProcess(CasePart.Ref part, String processInstanceId) {
		int updated = this.jdbc.sql("""
				update intake_case_part set process_instance_id = :pi where case_no = :caseNo and part_no = :partNo""")
			.param("pi", processInstanceId)
			.param("caseNo", part.caseNo().value())
			.param("partNo", part.partNo())
			.update();
		if (updated != 1) {
			throw new IllegalStateException("No part " + part);
		}
	}

	/**
	 * Adds a part for another service to the case (a bundle's services, later): the next part number, no process yet.
	 * @param parentPartNo the part above it, if any
	 */
	@Transactional
	public CasePart addPart(CaseNo caseNo, ServiceType service, Optional<Integer> parentPartNo) {
		this.services.of(service);
		this.jdbc.sql("select 1 from intake_case where case_no = ? for update").param(caseNo.value()).query().listOfRows();
		int partNo = this.jdbc.sql("select coalesce(max(part_no), 0) + 1 from intake_case_part where case_no = ?")
			.param(caseNo.value())
			.query(Integer.class)
			.single();
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		insertPart(caseNo, partNo, service, parentPartNo.orElse(null), now);
		return new CasePart(caseNo, partNo, service, Optional.empty(), parentPartNo, now);
	}

	/** The case's parts, in order. */
	public List<CasePart> parts(CaseNo caseNo) {
		return this.jdbc.sql("select * from intake_case_part where case_no = ? order by part_no")
			.param(caseNo.value())
			.query((rs, row) -> new CasePart(new CaseNo(rs.getString("case_no")), rs.getInt("part_no"),
					ServiceType.valueOf(rs.getString("service_type")),
					Optional.ofNullable(rs.getString("process_instance_id")),
					Optional.ofNullable((Integer) rs.getObject("parent_part_no")),
					rs.getObject("opened_at", OffsetDateTime.class)))
			.list();
	}

	/**
	 * The case numbers of the parts the process instances drive, by process instance id (an inbox's lines): one
	 * statement on the case file's own index, however many; instances that drive no part (not yet attached, or not
	 * a case's) are left out.
	 */
	public Map<String, String> caseNumbersOfProcesses(java.util.Collection<String> processInstanceIds) {
		if (processInstanceIds.isEmpty()) {
			return Map.of();
		}
		Map<String, String> numbers = new java.util.HashMap<>();
		this.jdbc.sql("select process_instance_id, case_no from intake_case_part where process_instance_id = any(?)")
			.param(processInstanceIds.toArray(String[]::new))
			.query((rs, row) -> numbers.put(rs.getString(1), rs.getString(2)))
			.list();
		return numbers;
	}

	/** The case's part for a service (the first, should there be several). */
	public Optional<CasePart> part(CaseNo caseNo, ServiceType service) {
		return parts(caseNo).stream().filter(p -> p.serviceType().equals(service)).findFirst();
	}

	private void insertPart(CaseNo caseNo, int partNo, ServiceType service, Integer parentPartNo, OffsetDateTime at) {
		this.jdbc.sql("""
				insert into intake_case_part (case_no, part_no, service_type, parent_part_no, opened_at)
				values (?, ?, ?, ?, ?)""")
			.params(caseNo.value(), partNo, service.name(), parentPartNo, at)
			.update();
	}

	/** 受理: the acceptance clerk accepted the application; the receipt is due and the clock starts. */
	@Transactional
	public void accept(CaseNo caseNo, String acceptedBy, String remark) {
		CaseFile file = get(caseNo);
		OffsetDateTime now = recordStep(caseNo, CaseStatus.ACCEPTED, ACCEPTED, acceptedBy, Agency.HPF, remark);
		this.events.publishEvent(new ApplicationAccepted(caseNo, file.serviceType(), now, actor(acceptedBy)));
	}

	/**
	 * Records an agency's step: the case's new status and a history line naming who did it.
	 * @return when it was recorded
	 */
	@Transactional
	public OffsetDateTime recordStep(CaseNo caseNo, CaseStage status, String action, String actorId, Agency agency,
			String remark) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		changeStatus(caseNo, status, now);
		appendEvent(caseNo, now, status, action, actor(actorId), agency, remark);
		try (CaseLogging.Scope ignored = CaseLogging.of(caseNo.value())) {
			log.info("Case {} by {}: now {}", action, actor(actorId), status);
		}
		return now;
	}

	/**
	 * Records one check of the materials at the window.
	 * @param provided every material on the checklist: provided or not
	 * @return the round: 1 for the first check, 2 after the citizen came back once, and so on
	 */
	@Transactional
	public int recordMaterialCheck(CaseNo caseNo, Map<String, Boolean> provided, String checkedBy) {
		int round = this.jdbc.sql("select coalesce(max(round), 0) + 1 from intake_material_check where case_no = ?")
			.param(caseNo.value())
			.query(Integer.class)
			.single();
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		provided.forEach((code, present) -> this.jdbc.sql("""
				insert into intake_material_check (case_no, round, material_code, provided, checked_at, checked_by)
				values (:caseNo, :round, :code, :provided, :at, :by)""")
			.param("caseNo", caseNo.value())
			.param("round", round)
			.param("code", code)
			.param("provided", present)
			.param("at", now)
			.param("by", actor(checkedBy))
			.update());
		return round;
	}

	/**
	 * 一次性告知: issues the notice of every missing material found in the latest check; the case waits for the citizen.
	 * @return the notice
	 */
	@Transactional
	public MissingMaterialsNotified issueMissingMaterialsNotice(CaseNo caseNo, List<MissingMaterialsNotified.Material> missing,
			String issuedBy) {
		int round = this.jdbc.sql("select coalesce(max(round), 0) from intake_material_check where case_no = ?")
			.param(caseNo.value())
			.query(Integer.class)
			.single();
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		String noticeNo = this.numbers.nextNotice(now.toLocalDate());
		this.jdbc.sql("""
				insert into intake_missing_materials_notice (notice_no, case_no, round, issued_at, issued_by)
				values (:no, :caseNo, :round, :at, :by)""")
			.param("no", noticeNo)
			.param("caseNo", caseNo.value())
			.param("round", round)
			.param("at", now)
			.param("by", actor(issuedBy))
			.update();
		StringBuilder remark = new StringBuilder("一次性告知书 " + noticeNo + "，缺：");
		missing.forEach(m -> remark.append(m.name()).append("；"));
		recordStep(caseNo, CaseStatus.AWAITING_MATERIALS, MISSING_MATERIALS_NOTIFIED, issuedBy, Agency.HPF,
				remark.toString());
		MissingMaterialsNotified notice = new MissingMaterialsNotified(caseNo, noticeNo, round, List.copyOf(missing), now,
				actor(issuedBy));
		this.events.publishEvent(notice);
		return notice;
	}

	/** 补正: the citizen brought what the notice listed; the case goes back to the acceptance clerk. */
	@Transactional
	public void materialsSupplemented(CaseNo caseNo, String recordedBy, String remark) {
		OffsetDateTime at = recordStep(caseNo, CaseStatus.SUBMITTED, MATERIALS_SUPPLEMENTED, recordedBy, Agency.HPF, remark);
		this.jdbc.sql("""
				update intake_missing_materials_notice set supplemented_at = :at
				 where case_no = :caseNo and supplemented_at is null""")
			.param("at", at)
			.param("caseNo", caseNo.value())
			.update();
	}

	/** Ends the case: completed, refused or withdrawn; publishes {@link CaseClosed}. */
	@Transactional
	public void close(CaseNo caseNo, CaseStatus outcome, List<String> reasons, String actorId, Agency agency) {
		if (!outcome.isClosed()) {
			throw new IllegalArgumentException("Not a closing status: " + outcome);
		}
		CaseFile file = get(caseNo);
		OffsetDateTime at = recordStep(caseNo, outcome, outcome.name(), actorId, agency,
				reasons.isEmpty() ? null : String.join("；", reasons));
		this.jdbc.sql("update intake_case set closed_at = :at where case_no = :caseNo")
			.param("at", at)
			.param("caseNo", caseNo.value())
			.update();
		this.events.publishEvent(new CaseClosed(caseNo, file.serviceType(), outcome, List.copyOf(reasons), at));
	}

	/** The latest check of the materials: each code, provided or not, in checklist order as recorded. */
	public Map<String, Boolean> latestMaterialCheck(CaseNo caseNo) {
		Map<String, Boolean> check = new java.util.LinkedHashMap<>();
		this.jdbc.sql("""
				select material_code, provided from intake_material_check
				 where case_no = :caseNo and round = (select max(round) from intake_material_check where case_no = :caseNo)
				 order by material_code""")
			.param("caseNo", caseNo.value())
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getBoolean(2)))
			.list()
			.forEach(entry -> check.put(entry.getKey(), entry.getValue()));
		return check;
	}

	/** The latest one-time notice of the case, if any: its number and the missing materials' codes. */
	public Optional<IssuedNotice> latestNotice(CaseNo caseNo) {
		return this.jdbc.sql("""
				select n.notice_no, n.round, n.issued_at, n.supplemented_at,
				       (select string_agg(material_code, ',' order by material_code) from intake_material_check c
				         where c.case_no = n.case_no and c.round = n.round and not c.provided) as missing
				  from intake_missing_materials_notice n where n.case_no = :caseNo order by n.round desc limit 1""")
			.param("caseNo", caseNo.value())
			.query((rs, row) -> new IssuedNotice(rs.getString("notice_no"), rs.getInt("round"),
					rs.getObject("issued_at", OffsetDateTime.class),
					Optional.ofNullable(rs.getObject("supplemented_at", OffsetDateTime.class)),
					rs.getString("missing") == null ? List.of() : List.of(rs.getString("missing").split(","))))
			.optional();
	}

	/**
	 * A one-time notice as kept.
	 * @param noticeNo its number
	 * @param round the check it came from
	 * @param issuedAt when
	 * @param supplementedAt when the citizen brought the materials, if they have
	 * @param missingCodes the missing materials' codes
	 */
	public record IssuedNotice(String noticeNo, int round, OffsetDateTime issuedAt, Optional<OffsetDateTime> supplementedAt,
			List<String> missingCodes) {
	}

	/** When {@code action} first happened to the case (e.g. the day of acceptance, which picks the policy). */
	public Optional<OffsetDateTime> firstTime(CaseNo caseNo, String action) {
		return this.jdbc.sql("""
				select min(occurred_at) from intake_case_event where case_no = :caseNo and action = :action""")
			.param("caseNo", caseNo.value())
			.param("action", action)
			.query((rs, row) -> rs.getObject(1, OffsetDateTime.class))
			.optional()
			.filter(java.util.Objects::nonNull);
	}

	/** Who did {@code action} on the case, in order (e.g. who accepted it). */
	public List<String> actorsOf(CaseNo caseNo, String action) {
		return this.jdbc.sql("""
				select actor_id from intake_case_event where case_no = :caseNo and action = :action
				order by occurred_at, id""")
			.param("caseNo", caseNo.value())
			.param("action", action)
			.query(String.class)
			.list();
	}

	/**
	 * The names of the staff who worked on the case, by login, as the case's history recorded them (the latest, should
	 * a name have changed): what receipts and pages print where the records keep a login ({@code clerk1} →
	 * {@code 王晓明}). A login without a recorded name is not in the map.
	 */
	public Map<String, String> staffNames(CaseNo caseNo) {
		Map<String, String> names = new java.util.LinkedHashMap<>();
		this.jdbc.sql("""
				select actor_id, actor_name from intake_case_event
				 where case_no = :caseNo and actor_name is not null order by occurred_at, id""")
			.param("caseNo", caseNo.value())
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.forEach(entry -> names.put(entry.getKey(), entry.getValue()));
		return names;
	}

	/**
	 * The case's stage, read under a lock held to the end of the caller's transaction: a step that changes the stage
	 * waits for that transaction, and this waits for such a step to commit and reads what it left. What another module
	 * allows only in some stages (withdrawing an upload before acceptance) checks it here.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public CaseStage lockedStage(CaseNo caseNo) {
		return this.jdbc.sql("select status, stage from intake_case where case_no = ? for share")
			.param(caseNo.value())
			.query((rs, row) -> CaseStage.of(CaseStatus.valueOf(rs.getString("status")), rs.getString("stage")))
			.optional()
			.orElseThrow(() -> new CaseNotFound(caseNo.value()));
	}

	/** The case, if the officer may see it; otherwise as if it did not exist. */
	public Optional<CaseFile> findVisible(CaseNo caseNo, CurrentOfficer officer) {
		return find(caseNo).filter(file -> isVisible(file, CaseVisibility.of(officer, this.companies)));
	}

	/** The case, if the officer may see it; 404 otherwise. */
	public CaseFile getVisible(CaseNo caseNo, CurrentOfficer officer) {
		return findVisible(caseNo, officer).orElseThrow(() -> new CaseNotFound(caseNo.value()));
	}

	/**
	 * One page of the cases the officer may see, newest first, and how many there are in all.
	 * @param status only cases in this status, if given
	 */
	public CasePage list(CurrentOfficer officer, Optional<? extends CaseStage> status, int page, int size) {
		return list(officer, status, Optional.empty(), page, size);
	}

	/**
	 * One page of the cases the officer may see and the search finds, newest first, and how many there are in all.
	 * @param status only cases in this lifecycle status or service stage, if given
	 * @param search only the cases it finds, if given
	 * @param page from 0; past the last page, an empty page
	 */
	public CasePage list(CurrentOfficer officer, Optional<? extends CaseStage> status, Optional<CaseSearch> search,
			int page, int size) {
		Optional<Filter> filter = Filter.of(officer, this.companies, status, search);
		if (filter.isEmpty()) {
			return new CasePage(List.of(), 0, page, size);
		}
		long offset = (long) page * size;
		List<CaseFile> items = filter.get()
			.bind(this.jdbc.sql("select * from intake_case" + filter.get().where()
					+ " order by submitted_at desc, case_no desc limit :size offset :offset"))
			.param("size", size)
			.param("offset", offset)
			.query(CaseFiles::caseFile)
			.list();
		// a page that is not full and not past the end says how many there are: no count needed
		long total = items.size() < size && (!items.isEmpty() || page == 0) ? offset + items.size()
				: filter.get()
					.bind(this.jdbc.sql("select count(*) from intake_case" + filter.get().where()))
					.query(Long.class)
					.single();
		return new CasePage(items, total, page, size);
	}

	/**
	 * The numbers of the open cases (not closed) the officer may see and the search finds, newest first: what an
	 * inbox search looks for among the running processes.
	 * @param limit at most this many
	 */
	public List<CaseNo> openCaseNumbers(CurrentOfficer officer, CaseSearch search, int limit) {
		Optional<Filter> filter = Filter.of(officer, this.companies, Optional.empty(), Optional.of(search));
		if (filter.isEmpty()) {
			return List.of();
		}
		return filter.get()
			.bind(this.jdbc.sql("select case_no from intake_case" + filter.get().where()
					+ " and closed_at is null order by submitted_at desc, case_no desc limit :limit"))
			.param("limit", limit)
			.query((rs, row) -> new CaseNo(rs.getString(1)))
			.list();
	}

	/** The applicant's name of each of the cases the officer may see, by case number (for an inbox's lines). */
	public Map<String, String> applicantNames(CurrentOfficer officer, java.util.Collection<String> caseNumbers) {
		Optional<Filter> filter = Filter.of(officer, this.companies, Optional.empty(), Optional.empty());
		if (filter.isEmpty() || caseNumbers.isEmpty()) {
			return Map.of();
		}
		Map<String, String> names = new java.util.HashMap<>();
		filter.get()
			.bind(this.jdbc.sql("select case_no, applicant_name from intake_case" + filter.get().where()
					+ " and case_no in (:caseNumbers)"))
			.param("caseNumbers", List.copyOf(caseNumbers))
			.query((rs, row) -> names.put(rs.getString(1), rs.getString(2)))
			.list();
		return names;
	}

	/** Which cases a list may show: the officer's fence, and the status and search asked for. */
	private record Filter(String company, String submitter, String status, CaseSearch search) {

		/** Nothing when the officer may see no case at all. */
		static Optional<Filter> of(CurrentOfficer officer, ActingCompanies companies,
				Optional<? extends CaseStage> status, Optional<CaseSearch> search) {
			CaseVisibility visibility = CaseVisibility.of(officer, companies);
			if (visibility instanceof CaseVisibility.None) {
				return Optional.empty();
			}
			String company = visibility instanceof CaseVisibility.OfCompany of ? of.developerCompanyId() : null;
			String submitter = visibility instanceof CaseVisibility.OfSubmitter of ? of.submittedBy() : null;
			return Optional.of(new Filter(company, submitter, status.map(CaseStage::name).orElse(null),
					search.orElse(null)));
		}

		String where() {
			return " where (cast(:company as text) is null or developer_company_id = :company)"
					+ " and (cast(:submitter as text) is null or submitted_by = :submitter)"
					+ " and (cast(:status as text) is null or status = :status or stage = :status)"
					+ (this.search == null ? "" : " and " + this.search.condition());
		}

		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
			statement.param("company", this.company).param("submitter", this.submitter).param("status", this.status);
			return this.search == null ? statement : statement.param("term", this.search.pattern());
		}

	}

	private static boolean isVisible(CaseFile file, CaseVisibility visibility) {
		if (visibility instanceof CaseVisibility.All) {
			return true;
		}
		if (visibility instanceof CaseVisibility.OfCompany of) {
			return file.developerCompanyId().filter(of.developerCompanyId()::equals).isPresent();
		}
		if (visibility instanceof CaseVisibility.OfSubmitter of) {
			return of.submittedBy().equals(file.submittedBy());
		}
		return false;
	}

	public Optional<CaseFile> find(CaseNo caseNo) {
		return this.jdbc.sql("select * from intake_case where case_no = :caseNo")
			.param("caseNo", caseNo.value())
			.query(CaseFiles::caseFile)
			.optional();
	}

	public CaseFile get(CaseNo caseNo) {
		return find(caseNo).orElseThrow(() -> new CaseNotFound(caseNo.value()));
	}

	public List<CaseEvent> history(CaseNo caseNo) {
		return this.jdbc.sql("""
				select occurred_at, status, stage, action, actor_id, actor_name, agency, remark
				  from intake_case_event where case_no = :caseNo order by occurred_at, id""")
			.param("caseNo", caseNo.value())
			.query((rs, row) -> new CaseEvent(rs.getObject("occurred_at", OffsetDateTime.class),
					CaseStage.of(CaseStatus.valueOf(rs.getString("status")), rs.getString("stage")),
					rs.getString("action"), rs.getString("actor_id"),
					rs.getString("actor_name"), Agency.valueOf(rs.getString("agency")), rs.getString("remark")))
			.list();
	}

	private void changeStatus(CaseNo caseNo, CaseStage status, OffsetDateTime now) {
		this.jdbc.sql("""
				update intake_case set status = :status, stage = :stage, updated_at = :now where case_no = :caseNo""")
			.param("status", status.lifecycle().name())
			.param("stage", CaseStage.stageOf(status))
			.param("now", now)
			.param("caseNo", caseNo.value())
			.update();
	}

	/**
	 * 来访登记: the citizen checked in at a counter for the case (submitting at the window checks them in by itself).
	 * @return the visit
	 */
	@Transactional
	public Visit recordVisit(CaseNo caseNo, Visit.Purpose purpose, String recordedBy) {
		get(caseNo);
		return insertVisit(caseNo, OffsetDateTime.now(this.clock), purpose, recordedBy);
	}

	/**
	 * 来访登记 by an officer at a counter: the case must be one they may see, and they must work at a counter
	 * ({@link Visit#CHECK_IN_POSTS}).
	 * @return the visit
	 * @throws CaseNotFound if there is no such case or the officer may not see it
	 * @throws ProblemException 403 if the officer does not work at a counter
	 */
	@Transactional
	public Visit checkIn(CaseNo caseNo, Visit.Purpose purpose, CurrentOfficer officer) {
		getVisible(caseNo, officer);
		if (!Visit.mayCheckIn(officer)) {
			throw ProblemException.refusal(HttpStatus.FORBIDDEN, "wrong-post", "problem.intake.visits-at-counters");
		}
		return recordVisit(caseNo, purpose, officer.id());
	}

	/** The case's visits, oldest first. */
	public List<Visit> visits(CaseNo caseNo) {
		return this.jdbc.sql("select * from intake_visit where case_no = ? order by visited_at, id")
			.param(caseNo.value())
			.query((rs, row) -> new Visit(rs.getObject("visited_at", OffsetDateTime.class), rs.getString("branch"),
					Visit.Purpose.valueOf(rs.getString("purpose")), rs.getString("recorded_by")))
			.list();
	}

	/** The case's branch (网点). */
	public String branchOf(CaseNo caseNo) {
		return this.jdbc.sql("select branch from intake_case where case_no = ?")
			.param(caseNo.value())
			.query(String.class)
			.optional()
			.orElseThrow(() -> new CaseNotFound(caseNo.value()));
	}

	private Visit insertVisit(CaseNo caseNo, OffsetDateTime at, Visit.Purpose purpose, String recordedBy) {
		String branch = this.branches.current();
		this.jdbc.sql("""
				insert into intake_visit (case_no, visited_at, branch, purpose, recorded_by) values (?, ?, ?, ?, ?)""")
			.params(caseNo.value(), at, branch, purpose.name(), recordedBy)
			.update();
		return new Visit(at, branch, purpose, recordedBy);
	}

	/**
	 * Adds a line to the case's history that is no step of its work (a material taken back, replaced or looked at):
	 * the case keeps its status, and nothing that listens to the steps ({@link CaseStepRecorded}) hears of it.
	 * @param actorId who, by login
	 */
	@Transactional
	public void note(CaseNo caseNo, String action, String actorId, Agency agency, String remark) {
		insertEvent(caseNo, OffsetDateTime.now(this.clock), get(caseNo).status(), action, actor(actorId), agency, remark);
	}

	private void appendEvent(CaseNo caseNo, OffsetDateTime at, CaseStage status, String action, String actor,
			Agency agency, String remark) {
		Map<String, Object> file = insertEvent(caseNo, at, status, action, actor, agency, remark);
		this.events.publishEvent(new CaseStepRecorded(caseNo, ServiceType.valueOf((String) file.get("service_type")),
				Optional.ofNullable((String) file.get("service_variant")), (String) file.get("branch"), action, status, agency, at));
	}

	/** Adds the line and its audit entry; answers the case's row as the entry read it (service, variant, branch). */
	private Map<String, Object> insertEvent(CaseNo caseNo, OffsetDateTime at, CaseStage status, String action,
			String actor, Agency agency, String remark) {
		this.jdbc.sql("""
				insert into intake_case_event (case_no, occurred_at, status, stage, action, actor_id, actor_name, agency,
				                               remark)
				values (:caseNo, :at, :status, :stage, :action, :actor, :actorName, :agency, :remark)""")
			.param("caseNo", caseNo.value())
			.param("at", at)
			.param("status", status.lifecycle().name())
			.param("stage", CaseStage.stageOf(status))
			.param("action", action)
			.param("actor", actor)
			.param("actorName", nameOf(actor).orElse(null))
			.param("agency", agency.name())
			.param("remark", remark)
			.update();
		Map<String, Object> file = this.jdbc
			.sql("select applicant_id_no, service_type, service_variant, branch from intake_case where case_no = ?")
			.param(caseNo.value())
			.query()
			.singleRow();
		// 审计: every line of a case's history, in its transaction, with whose case it is
		this.audit.record(AuditEvent.onCase(AuditAction.CASE_STEP, caseNo.value(), remark == null ? action : action + ": " + remark)
			.person((String) file.get("applicant_id_no"))
			.actor(actor));
		return file;
	}

	/**
	 * The name of the staff member acting as {@code actorId}: the signed-in officer's display name when it is them
	 * (every step is recorded in the request of the officer who did it, also when the engine records it on their
	 * behalf); none for the system, for anyone else, and when the sign-in carries no name but the login.
	 */
	private Optional<String> nameOf(String actorId) {
		if (SYSTEM.equals(actorId)) {
			return Optional.empty();
		}
		return this.officers.current()
			.filter(officer -> officer.id().equals(actorId))
			.map(CurrentOfficer::displayName)
			.filter(name -> !name.isBlank() && !name.equals(actorId));
	}

	private static String actor(String userId) {
		return userId == null || userId.isBlank() ? SYSTEM : userId;
	}

	private static CaseFile caseFile(ResultSet rs, int row) throws SQLException {
		return new CaseFile(new CaseNo(rs.getString("case_no")), ServiceType.valueOf(rs.getString("service_type")),
				Channel.valueOf(rs.getString("channel")),
				CaseStage.of(CaseStatus.valueOf(rs.getString("status")), rs.getString("stage")),
				rs.getString("applicant_name"), new ResidentIdNumber(rs.getString("applicant_id_no")),
				Optional.ofNullable(rs.getString("developer_company_id")),
				rs.getObject("submitted_at", OffsetDateTime.class), rs.getString("submitted_by"),
				rs.getObject("updated_at", OffsetDateTime.class),
				Optional.ofNullable(rs.getObject("closed_at", OffsetDateTime.class)));
	}

}

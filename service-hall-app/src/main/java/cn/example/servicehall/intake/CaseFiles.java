package cn.example.servicehall.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.example.servicehall.identity.CurrentOfficer;

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

	/** The history action of submission. */
	public static final String SUBMITTED = "SUBMITTED";

	private final JdbcClient jdbc;

	private final CaseNumbers numbers;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	CaseFiles(JdbcClient jdbc, CaseNumbers numbers, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.numbers = numbers;
		this.clock = clock;
		this.events = events;
	}

	/** Opens a case in status {@link CaseStatus#SUBMITTED} and returns its new number. */
	@Transactional
	public CaseNo open(NewCase application, String submittedBy) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		CaseNo caseNo = this.numbers.next(application.serviceType(), LocalDate.now(this.clock));
		this.jdbc.sql("""
				insert into intake_case (case_no, service_type, channel, status, applicant_name, applicant_id_no,
				                         developer_company_id, submitted_at, submitted_by, updated_at)
				values (:caseNo, :type, :channel, :status, :name, :idNo, :developer, :now, :by, :now)""")
			.param("caseNo", caseNo.value())
			.param("type", application.serviceType().name())
			.param("channel", application.channel().name())
			.param("status", CaseStatus.SUBMITTED.name())
			.param("name", application.applicantName())
			.param("idNo", application.applicantIdNumber().value())
			.param("developer", application.developerCompanyId().orElse(null))
			.param("now", now)
			.param("by", submittedBy)
			.update();
		appendEvent(caseNo, now, CaseStatus.SUBMITTED, SUBMITTED, submittedBy,
				application.channel() == Channel.ONLINE ? Agency.DEVELOPER : Agency.HPF, null);
		try (CaseLogging.Scope ignored = CaseLogging.of(caseNo.value())) {
			log.info("Case opened: {} via {} by {}", application.serviceType(), application.channel(), submittedBy);
		}
		return caseNo;
	}

	@Transactional
	public void attachProcess(CaseNo caseNo, String processInstanceId) {
		this.jdbc.sql("update intake_case set process_instance_id = :pi where case_no = :caseNo")
			.param("pi", processInstanceId)
			.param("caseNo", caseNo.value())
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
	public OffsetDateTime recordStep(CaseNo caseNo, CaseStatus status, String action, String actorId, Agency agency,
			String remark) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		changeStatus(caseNo, status, now);
		appendEvent(caseNo, now, status, action, actor(actorId), agency, remark);
		try (CaseLogging.Scope ignored = CaseLogging.of(caseNo.value())) {
			log.info("Case {} by {}: now {}", action, actor(actorId), status);
		}
		return now;
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

	/** The case, if the officer may see it; otherwise as if it did not exist. */
	public Optional<CaseFile> findVisible(CaseNo caseNo, CurrentOfficer officer) {
		return find(caseNo).filter(file -> isVisible(file, CaseVisibility.of(officer)));
	}

	/** The case, if the officer may see it; 404 otherwise. */
	public CaseFile getVisible(CaseNo caseNo, CurrentOfficer officer) {
		return findVisible(caseNo, officer).orElseThrow(() -> new CaseNotFound(caseNo.value()));
	}

	/**
	 * One page of the cases the officer may see, newest first, and how many there are in all.
	 * @param status only cases in this status, if given
	 */
	public CasePage list(CurrentOfficer officer, Optional<CaseStatus> status, int page, int size) {
		CaseVisibility visibility = CaseVisibility.of(officer);
		if (visibility instanceof CaseVisibility.None) {
			return new CasePage(List.of(), 0, page, size);
		}
		String company = visibility instanceof CaseVisibility.OfCompany of ? of.developerCompanyId() : null;
		String where = " where (cast(:company as text) is null or developer_company_id = :company)"
				+ " and (cast(:status as text) is null or status = :status)";
		long total = this.jdbc.sql("select count(*) from intake_case" + where)
			.param("company", company)
			.param("status", status.map(Enum::name).orElse(null))
			.query(Long.class)
			.single();
		List<CaseFile> items = this.jdbc.sql("select * from intake_case" + where
				+ " order by submitted_at desc, case_no desc limit :size offset :offset")
			.param("company", company)
			.param("status", status.map(Enum::name).orElse(null))
			.param("size", size)
			.param("offset", (long) page * size)
			.query(CaseFiles::caseFile)
			.list();
		return new CasePage(items, total, page, size);
	}

	private static boolean isVisible(CaseFile file, CaseVisibility visibility) {
		if (visibility instanceof CaseVisibility.All) {
			return true;
		}
		if (visibility instanceof CaseVisibility.OfCompany of) {
			return file.developerCompanyId().filter(of.developerCompanyId()::equals).isPresent();
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
				select occurred_at, status, action, actor_id, agency, remark
				  from intake_case_event where case_no = :caseNo order by occurred_at, id""")
			.param("caseNo", caseNo.value())
			.query((rs, row) -> new CaseEvent(rs.getObject("occurred_at", OffsetDateTime.class),
					CaseStatus.valueOf(rs.getString("status")), rs.getString("action"), rs.getString("actor_id"),
					Agency.valueOf(rs.getString("agency")), rs.getString("remark")))
			.list();
	}

	private void changeStatus(CaseNo caseNo, CaseStatus status, OffsetDateTime now) {
		this.jdbc.sql("update intake_case set status = :status, updated_at = :now where case_no = :caseNo")
			.param("status", status.name())
			.param("now", now)
			.param("caseNo", caseNo.value())
			.update();
	}

	private void appendEvent(CaseNo caseNo, OffsetDateTime at, CaseStatus status, String action, String actor,
			Agency agency, String remark) {
		this.jdbc.sql("""
				insert into intake_case_event (case_no, occurred_at, status, action, actor_id, agency, remark)
				values (:caseNo, :at, :status, :action, :actor, :agency, :remark)""")
			.param("caseNo", caseNo.value())
			.param("at", at)
			.param("status", status.name())
			.param("action", action)
			.param("actor", actor)
			.param("agency", agency.name())
			.param("remark", remark)
			.update();
	}

	private static String actor(String userId) {
		return userId == null || userId.isBlank() ? SYSTEM : userId;
	}

	private static CaseFile caseFile(ResultSet rs, int row) throws SQLException {
		return new CaseFile(new CaseNo(rs.getString("case_no")), ServiceType.valueOf(rs.getString("service_type")),
				Channel.valueOf(rs.getString("channel")), CaseStatus.valueOf(rs.getString("status")),
				rs.getString("applicant_name"), new ResidentIdNumber(rs.getString("applicant_id_no")),
				Optional.ofNullable(rs.getString("developer_company_id")),
				Optional.ofNullable(rs.getString("process_instance_id")),
				rs.getObject("submitted_at", OffsetDateTime.class), rs.getString("submitted_by"),
				rs.getObject("updated_at", OffsetDateTime.class),
				Optional.ofNullable(rs.getObject("closed_at", OffsetDateTime.class)));
	}

}

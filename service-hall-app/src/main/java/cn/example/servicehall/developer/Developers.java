package cn.example.servicehall.developer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.example.servicehall.developer.DeveloperProject.EscrowAccount;
import cn.example.servicehall.audit.AuditAction;
import cn.example.servicehall.audit.AuditEvent;
import cn.example.servicehall.audit.AuditTrail;
import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.intake.ActingCompanies;
import cn.example.servicehall.platform.web.ProblemException;
import cn.example.servicehall.platform.web.Problems;

/**
 * The developer companies, their projects and agents (tables {@code developer_*}); who may act for which company.
 * Administered by hall managers ({@link #mayAdminister}).
 */
@Service
public class Developers implements ActingCompanies {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuditTrail audit;

	Developers(JdbcClient jdbc, Clock clock, AuditTrail audit) {
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** 大厅管理人员 register and change developers; system administrators read them. */
	public static boolean mayAdminister(CurrentOfficer officer) {
		return officer != null && officer.isIn(Groups.HALL_MANAGER);
	}

	/**
	 * The company the agent acts for: the one their token names, which must be registered, active and list the agent.
	 * Otherwise a 403 problem saying which of the three is wrong.
	 */
	public DeveloperCompany actingCompany(CurrentOfficer agent) {
		String claimed = agent.developerCompanyId()
			.orElseThrow(() -> ProblemException.refusal(HttpStatus.FORBIDDEN, "no-developer-company",
					"problem.loan.no-developer-company", agent.id()))
			.strip()
			.toUpperCase(Locale.ROOT);
		DeveloperCompany company = find(claimed).orElseThrow(() -> ProblemException.refusal(HttpStatus.FORBIDDEN,
				"developer-not-registered", "problem.developer.not-registered", claimed));
		if (!company.active()) {
			throw ProblemException.refusal(HttpStatus.FORBIDDEN, "developer-suspended", "problem.developer.suspended",
					company.name());
		}
		if (!company.agents().contains(agent.id())) {
			throw ProblemException.refusal(HttpStatus.FORBIDDEN, "agent-not-registered",
					"problem.developer.agent-not-registered", agent.id(), company.name());
		}
		return company;
	}

	/** Registered and not suspended: what lets intake show a company's agents their cases. */
	@Override
	public boolean mayAct(String developerCompanyId) {
		return this.jdbc.sql("select status from developer_company where uscc = ?")
			.param(developerCompanyId.strip().toUpperCase(Locale.ROOT))
			.query(String.class)
			.optional()
			.filter(DeveloperCompany.Status.ACTIVE.name()::equals)
			.isPresent();
	}

	/**
	 * The company's project named by its id or its code, on sale with its pre-sale permit in force today. Another
	 * company's project is answered as an unknown one (404): an agent learns nothing of other companies.
	 */
	public DeveloperProject projectForSale(DeveloperCompany company, String idOrCode) {
		String ref = idOrCode == null ? "" : idOrCode.strip();
		DeveloperProject project = company.projects()
			.stream()
			.filter(p -> String.valueOf(p.id()).equals(ref) || p.code().equalsIgnoreCase(ref))
			.findFirst()
			.orElseThrow(() -> ProblemException.refusal(HttpStatus.NOT_FOUND, "project-not-found",
					"problem.developer.project-not-found", Problems.shown(ref), company.name()));
		if (project.status() != DeveloperProject.Status.ON_SALE) {
			throw ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "project-closed",
					"problem.developer.project-closed", project.name());
		}
		if (!project.permitValidOn(LocalDate.now(this.clock))) {
			throw ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "permit-expired",
					"problem.developer.permit-not-in-force", project.name(), project.presalePermitNo(),
					project.permitIssuedOn(), project.permitValidUntil());
		}
		return project;
	}

	/** Every registered company, by name. */
	public List<DeveloperCompany> companies() {
		return this.jdbc.sql("select uscc from developer_company order by name")
			.query(String.class)
			.list()
			.stream()
			.map(uscc -> find(uscc).orElseThrow())
			.toList();
	}

	/** The company, or 404. */
	public DeveloperCompany company(String uscc) {
		return find(uscc).orElseThrow(() -> ProblemException.refusal(HttpStatus.NOT_FOUND, "developer-not-found",
				"problem.developer.not-found", Problems.shown(uscc)));
	}

	public Optional<DeveloperCompany> find(String uscc) {
		if (uscc == null) {
			return Optional.empty();
		}
		String code = uscc.strip().toUpperCase(Locale.ROOT);
		return this.jdbc.sql("select uscc, name, status from developer_company where uscc = ?")
			.param(code)
			.query((rs, row) -> new DeveloperCompany(rs.getString("uscc"), rs.getString("name"),
					DeveloperCompany.Status.valueOf(rs.getString("status")), projects(code), agents(code)))
			.optional();
	}

	@Transactional
	public DeveloperCompany register(DeveloperRequests.NewCompany request, CurrentOfficer officer) {
		String uscc = request.uscc().strip().toUpperCase(Locale.ROOT);
		String name = request.name().strip();
		refuseDuplicateCompany(uscc, name);
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		try {
			this.jdbc.sql("""
					insert into developer_company (uscc, name, status, created_at, updated_at, updated_by)
					values (?, ?, 'ACTIVE', ?, ?, ?)""").params(uscc, name, now, now, officer.id()).update();
		}
		catch (DuplicateKeyException ex) {
			throw duplicateCompany(uscc, name);
		}
		return audited(company(uscc), "registered");
	}

	@Transactional
	public DeveloperCompany change(String uscc, DeveloperRequests.CompanyChange request, CurrentOfficer officer) {
		DeveloperCompany company = company(uscc);
		String name = request.name().strip();
		boolean nameTaken = this.jdbc.sql("select count(*) from developer_company where lower(name) = lower(?) and uscc <> ?")
			.params(name, company.uscc())
			.query(Integer.class)
			.single() > 0;
		if (nameTaken) {
			throw duplicateCompany(company.uscc(), name);
		}
		this.jdbc.sql("update developer_company set name = ?, status = ?, updated_at = ?, updated_by = ? where uscc = ?")
			.params(name, request.status().name(), OffsetDateTime.now(this.clock), officer.id(), company.uscc())
			.update();
		return audited(company(company.uscc()), "changed");
	}

	/** Adds the project, or changes the company's project with the same code. */
	@Transactional
	public DeveloperCompany saveProject(String uscc, DeveloperRequests.Project request, CurrentOfficer officer) {
		DeveloperCompany company = company(uscc);
		if (request.permitValidUntil().isBefore(request.permitIssuedOn())) {
			throw ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "permit-dates", "problem.developer.permit-dates");
		}
		DeveloperProject.Status status = request.status() == null ? DeveloperProject.Status.ON_SALE : request.status();
		if (status == DeveloperProject.Status.ON_SALE && request.permitValidUntil().isBefore(LocalDate.now(this.clock))) {
			throw ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "permit-expired",
					"problem.developer.permit-expired", request.presalePermitNo().strip(), request.permitValidUntil());
		}
		String code = request.code().strip().toUpperCase(Locale.ROOT);
		Optional<String> owner = this.jdbc.sql("select company_uscc from developer_project where code = ?")
			.param(code)
			.query(String.class)
			.optional();
		if (owner.isPresent() && !owner.get().equals(company.uscc())) {
			throw ProblemException.refusal(HttpStatus.CONFLICT, "duplicate-project", "problem.developer.duplicate-project", code);
		}
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("code", code);
		values.put("company", company.uscc());
		values.put("name", request.name().strip());
		values.put("district", request.district().strip());
		values.put("address", request.address().strip());
		values.put("permit", request.presalePermitNo().strip());
		values.put("issued", request.permitIssuedOn());
		values.put("until", request.permitValidUntil());
		values.put("status", status.name());
		values.put("bank", request.escrowBank().strip());
		values.put("account", request.escrowAccountNo().replace(" ", ""));
		values.put("accountName", request.escrowAccountName().strip());
		values.put("now", OffsetDateTime.now(this.clock));
		values.put("by", officer.id());
		try {
			this.jdbc.sql(owner.isPresent() ? """
					update developer_project set name = :name, district = :district, address = :address,
					       presale_permit_no = :permit, permit_issued_on = :issued, permit_valid_until = :until,
					       status = :status, escrow_bank = :bank, escrow_account_no = :account,
					       escrow_account_name = :accountName, updated_at = :now, updated_by = :by
					 where code = :code and company_uscc = :company""" : """
					insert into developer_project (code, company_uscc, name, district, address, presale_permit_no,
					       permit_issued_on, permit_valid_until, status, escrow_bank, escrow_account_no,
					       escrow_account_name, updated_at, updated_by)
					values (:code, :company, :name, :district, :address, :permit, :issued, :until, :status, :bank,
					        :account, :accountName, :now, :by)""").params(values).update();
		}
		catch (DuplicateKeyException ex) {
			throw ProblemException.refusal(HttpStatus.CONFLICT, "duplicate-permit", "problem.developer.duplicate-permit",
					request.presalePermitNo().strip());
		}
		return audited(company(company.uscc()), "project saved");
	}

	/** Lists the agent for the company; an agent acts for one company only. */
	@Transactional
	public DeveloperCompany addAgent(String uscc, String username, CurrentOfficer officer) {
		DeveloperCompany company = company(uscc);
		String agent = username.strip();
		Optional<String> other = this.jdbc.sql("select company_uscc from developer_agent where username = ?")
			.param(agent)
			.query(String.class)
			.optional();
		if (other.isPresent() && !other.get().equals(company.uscc())) {
			throw ProblemException.refusal(HttpStatus.CONFLICT, "agent-of-another-company",
					"problem.developer.agent-of-another-company", agent, company(other.get()).name());
		}
		if (other.isEmpty()) {
			this.jdbc.sql("insert into developer_agent (username, company_uscc, added_at, added_by) values (?, ?, ?, ?)")
				.params(agent, company.uscc(), OffsetDateTime.now(this.clock), officer.id())
				.update();
		}
		return audited(company(company.uscc()), "agent added");
	}

	@Transactional
	public DeveloperCompany removeAgent(String uscc, String username, CurrentOfficer officer) {
		DeveloperCompany company = company(uscc);
		this.jdbc.sql("delete from developer_agent where username = ? and company_uscc = ?")
			.params(username.strip(), company.uscc())
			.update();
		return audited(company(company.uscc()), "agent removed");
	}

	private void refuseDuplicateCompany(String uscc, String name) {
		boolean taken = this.jdbc.sql("select count(*) from developer_company where uscc = ? or lower(name) = lower(?)")
			.params(uscc, name)
			.query(Integer.class)
			.single() > 0;
		if (taken) {
			throw duplicateCompany(uscc, name);
		}
	}

	private static ProblemException duplicateCompany(String uscc, String name) {
		return ProblemException.refusal(HttpStatus.CONFLICT, "duplicate-developer", "problem.developer.duplicate",
				Problems.shown(name), uscc);
	}

	/** A project by the hall's id, whatever its status (a case keeps naming the project it was sold in). */
	public Optional<DeveloperProject> project(long id) {
		return this.jdbc.sql("select * from developer_project where id = ?").param(id).query(PROJECT).optional();
	}

	private List<DeveloperProject> projects(String uscc) {
		return new ArrayList<>(this.jdbc.sql("select * from developer_project where company_uscc = ? order by code")
			.param(uscc)
			.query(PROJECT)
			.list());
	}

	private static final org.springframework.jdbc.core.RowMapper<DeveloperProject> PROJECT = (rs, row) -> new DeveloperProject(rs.getLong("id"), rs.getString("code"), rs.getString("company_uscc"),
					rs.getString("name"), rs.getString("district"), rs.getString("address"),
					rs.getString("presale_permit_no"), rs.getObject("permit_issued_on", LocalDate.class),
					rs.getObject("permit_valid_until", LocalDate.class),
					DeveloperProject.Status.valueOf(rs.getString("status")), new EscrowAccount(rs.getString("escrow_bank"),
							rs.getString("escrow_account_no"), rs.getString("escrow_account_name")));

	private List<String> agents(String uscc) {
		return this.jdbc.sql("select username from developer_agent where company_uscc = ? order by username")
			.param(uscc)
			.query(String.class)
			.list();
	}

	private DeveloperCompany audited(DeveloperCompany company, String what) {
		this.audit.record(AuditEvent.of(AuditAction.DEVELOPER_CHANGED, company.uscc() + " " + company.name() + ": " + what));
		return company;
	}

}

package cn.example.servicehall.loan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CaseStage;
import cn.example.servicehall.intake.CaseStatus;
import cn.example.servicehall.intake.ResidentIdNumber;
import cn.example.servicehall.loan.LoanCase.Role;
import cn.example.servicehall.platform.web.HallMessages;
import cn.example.servicehall.platform.web.ProblemException;

/**
 * The hall's own records of fund loans: one open or paid loan at a time per person, as borrower or as spouse, and per
 * flat. A case holds its people and its flat from submission until it ends refused or withdrawn; a paid case holds
 * them for good (the hall does not learn when a loan is repaid), and so does a registered mortgage. Checked when a case
 * is submitted, when it is accepted and before the bank pays.
 * <p>
 * A check holds when the requests come at once, on any node: {@link #lock} takes PostgreSQL advisory locks keyed by
 * each ID number and by the flat's certificate number, in one order, and the transaction keeps them until it ends;
 * the next transaction about the same person or flat waits, then reads the first one's case.
 */
@Component
class LoanCollisions {

	/** Statuses of cases that ended without a loan: they hold nothing. */
	private static final List<String> ENDED_WITHOUT_A_LOAN = List.of(CaseStatus.REJECTED.name(),
			CaseStatus.WITHDRAWN.name());

	private final JdbcClient jdbc;

	LoanCollisions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What a case names: its applicants and the certificate number of its flat (none for a new house).
	 * @param applicants the borrower and, if any, the co-borrower (the spouse)
	 * @param certificateNo 不动产权证书号, as typed or as the registry has it
	 */
	record Claims(List<Applicant> applicants, Optional<String> certificateNo) {

		static Claims of(LoanCase loan) {
			return new Claims(loan.parties().stream().map(p -> new Applicant(p.role(), p.name(), p.idNumber())).toList(),
					loan.property().map(LoanCase.Property::certificateNo));
		}

		/** The same people, without the flat. */
		Claims people() {
			return new Claims(this.applicants, Optional.empty());
		}

	}

	/**
	 * An applicant as named in a case.
	 * @param role in this case
	 * @param name as entered
	 * @param idNumber the resident ID number, normalised
	 */
	record Applicant(Role role, String name, String idNumber) {
	}

	/**
	 * Another case that holds a person or the flat.
	 * @param applicant the person of this case it holds; empty when it holds the flat
	 * @param caseNo the other case
	 * @param roleThere the person's role in the other case
	 * @param status where the other case stands
	 * @param mortgageRegistered the other case's mortgage is registered
	 */
	record Collision(Optional<Applicant> applicant, CaseNo caseNo, Role roleThere, CaseStage status,
			boolean mortgageRegistered) {

		boolean paidOut() {
			return LoanStage.DISBURSED.is(this.status) || this.status == CaseStatus.COMPLETED;
		}

		String reason() {
			return this.applicant.map(a -> a.role().name()).orElse("PROPERTY");
		}

	}

	/**
	 * Waits until no other transaction works on these people or this flat, and keeps them until this transaction
	 * ends. Call it before anything that another such transaction may also lock (a case number, a process).
	 */
	void lock(Claims claims) {
		List<String> keys = new ArrayList<>();
		claims.applicants().forEach(a -> keys.add("loan-person:" + a.idNumber()));
		List<Long> locks = new ArrayList<>(new TreeSet<>(this.jdbc.sql("""
				select hashtextextended(k, 0) from unnest(string_to_array(:persons, ',')) k
				union
				select hashtextextended('loan-property:' || loan_certificate_key(cast(:certificate as text)), 0)
				 where cast(:certificate as text) is not null""")
			.param("persons", String.join(",", keys))
			.param("certificate", claims.certificateNo().orElse(null))
			.query(Long.class)
			.list()));
		// one order for every transaction: two that want the same keys never wait on each other in a circle
		for (long key : locks) {
			this.jdbc.sql("select pg_advisory_xact_lock(?)").param(key).query((rs, row) -> 1).list();
		}
	}

	/** The other cases that hold a person or the flat the claims name, earliest first. */
	List<Collision> find(Claims claims, Optional<CaseNo> except) {
		List<Collision> found = new ArrayList<>();
		String self = except.map(CaseNo::value).orElse("");
		Map<String, Applicant> byId = new LinkedHashMap<>();
		claims.applicants().forEach(a -> byId.put(a.idNumber(), a));
		if (!byId.isEmpty()) {
			found.addAll(this.jdbc.sql("""
					select c.case_no, c.status, c.stage, x.id_no, x.role,
					       exists (select 1 from loan_mortgage m where m.case_no = c.case_no) as mortgaged
					  from (select case_no, id_no, role from loan_party where id_no in (:ids)
					        union
					        select case_no, applicant_id_no, 'BORROWER' from intake_case
					         where applicant_id_no in (:ids) and service_type in ('RESALE_LOAN', 'NEW_HOUSE_LOAN')) x
					  join intake_case c on c.case_no = x.case_no
					 where c.status not in (:ended) and c.case_no <> :self
					 order by c.submitted_at, c.case_no, x.role""")
				.param("ids", List.copyOf(byId.keySet()))
				.param("ended", ENDED_WITHOUT_A_LOAN)
				.param("self", self)
				.query((rs, row) -> new Collision(Optional.of(byId.get(rs.getString("id_no"))),
						new CaseNo(rs.getString("case_no")), Role.valueOf(rs.getString("role")),
						CaseStage.of(CaseStatus.valueOf(rs.getString("status")), rs.getString("stage")), rs.getBoolean("mortgaged")))
				.list());
		}
		claims.certificateNo().ifPresent(certificate -> found.addAll(this.jdbc.sql("""
				select c.case_no, c.status, c.stage, m.case_no is not null as mortgaged
				  from loan_property p
				  join intake_case c on c.case_no = p.case_no
				  left join loan_mortgage m on m.case_no = c.case_no
				 where p.certificate_key = loan_certificate_key(:certificate)
				   and (c.status not in (:ended) or m.case_no is not null) and c.case_no <> :self
				 order by c.submitted_at, c.case_no""")
			.param("certificate", certificate)
			.param("ended", ENDED_WITHOUT_A_LOAN)
			.param("self", self)
			.query((rs, row) -> new Collision(Optional.empty(), new CaseNo(rs.getString("case_no")), Role.BORROWER,
					CaseStage.of(CaseStatus.valueOf(rs.getString("status")), rs.getString("stage")), rs.getBoolean("mortgaged")))
			.list()));
		return List.copyOf(found);
	}

	/**
	 * Locks the claims, and refuses with 409 when another case holds any of them.
	 * @param named whether the officer may learn a case's number ({@code intake.CaseVisibility}); a case they may not
	 * see is only said to exist
	 * @param whatToDo what the officer can do about it, in words
	 */
	void refuseIfHeld(Claims claims, Optional<CaseNo> except, Predicate<CaseNo> named, String whatToDo) {
		lock(claims);
		List<Collision> collisions = find(claims, except);
		if (collisions.isEmpty()) {
			return;
		}
		ProblemException refusal = ProblemException.refusal(HttpStatus.CONFLICT, "loan-collision", "problem.loan.collision",
				describe(collisions, claims, named), whatToDo, shownInEnglish(collisions, named));
		List<Map<String, String>> conflicts = new ArrayList<>();
		for (Collision collision : collisions) {
			Map<String, String> conflict = new LinkedHashMap<>();
			conflict.put("reason", collision.reason());
			if (named.test(collision.caseNo())) {
				conflict.put("caseNo", collision.caseNo().value());
			}
			conflicts.add(conflict);
		}
		collisions.stream().map(Collision::caseNo).filter(named).findFirst()
			.ifPresent(caseNo -> refusal.getBody().setProperty("conflictingCaseNo", caseNo.value()));
		refusal.getBody().setProperty("conflicts", conflicts);
		throw refusal;
	}

	/** The collisions in words a clerk reads out, naming only the case numbers {@code named} allows. */
	static String describe(List<Collision> collisions, Claims claims, Predicate<CaseNo> named) {
		StringBuilder words = new StringBuilder();
		Set<String> said = new HashSet<>();
		for (Collision collision : collisions) {
			boolean shown = named.test(collision.caseNo());
			String sentence;
			if (collision.applicant().isPresent()) {
				Applicant applicant = collision.applicant().get();
				String who = HallMessages.text("loan.collision.person", roleName(applicant.role()), applicant.name(),
						new ResidentIdNumber(applicant.idNumber()).masked());
				sentence = shown
						? HallMessages.text("loan.collision.person-named", who, collision.caseNo(),
								roleName(collision.roleThere()),
								HallMessages.text(collision.paidOut() ? "loan.collision.paid-out" : "loan.collision.open"))
						: HallMessages.text("loan.collision.person-unnamed", who);
			}
			else {
				String flat = HallMessages.text("loan.collision.flat", claims.certificateNo().orElse(""));
				sentence = shown
						? HallMessages.text("loan.collision.flat-named", flat, collision.caseNo(),
								HallMessages.text(collision.paidOut() ? "loan.collision.paid-out"
										: collision.mortgageRegistered() ? "loan.collision.mortgage-registered"
												: "loan.collision.open"))
						: HallMessages.text("loan.collision.flat-unnamed", flat);
			}
			if (said.add(sentence)) {
				words.append(sentence);
			}
		}
		return words.toString();
	}

	/** The case numbers {@code named} allows, for the English sentence's end. */
	static String shownInEnglish(List<Collision> collisions, Predicate<CaseNo> named) {
		List<String> shown = collisions.stream().map(Collision::caseNo).filter(named).map(CaseNo::value).distinct().toList();
		return shown.isEmpty() ? "." : ": " + String.join(", ", shown) + ".";
	}

	private static String roleName(Role role) {
		return HallMessages.text(role == Role.BORROWER ? "loan.collision.borrower" : "loan.collision.co-borrower");
	}

}

package cn.example.servicehall.sla.dashboard;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;

import cn.example.servicehall.intake.Agency;
import cn.example.servicehall.platform.web.HallMessages;
import cn.example.servicehall.platform.web.ProblemException;
import cn.example.servicehall.platform.web.Problems;

/**
 * What the manager asks the dashboard: a period of the hall's calendar days (both ends included), and optionally one
 * agency (its clocks only) and one branch (网点).
 *
 * @param from the first day
 * @param to the last day
 * @param agency whose clocks; cases in and out are the whole hall's whichever agency is chosen
 * @param branch one branch, or all
 */
public record DashboardQuery(LocalDate from, LocalDate to, Optional<Agency> agency, Optional<String> branch) {

	/** The longest period asked at once: ten years. */
	public static final int LONGEST_DAYS = 3660;

	/** The period shown when none is asked: the 30 days up to today. */
	public static final int DEFAULT_DAYS = 30;

	/**
	 * Reads the query as a page or the API sends it, with a message a manager can act on for each thing wrong.
	 * @param from {@code yyyy-MM-dd}, or blank for 29 days before {@code to}
	 * @param to {@code yyyy-MM-dd}, or blank for today
	 * @param agency an agency's code, or blank for all
	 * @param branch a branch's code, or blank for all
	 * @param today the hall's today
	 * @param branches the branches there are
	 */
	public static DashboardQuery parse(String from, String to, String agency, String branch, LocalDate today,
			Set<String> branches) {
		List<String> wrong = new ArrayList<>();
		LocalDate last = day(to, HallMessages.text("sla.dashboard-query.to"), wrong).orElse(today);
		LocalDate first = day(from, HallMessages.text("sla.dashboard-query.from"), wrong).orElse(last.minusDays(DEFAULT_DAYS - 1L));
		if (wrong.isEmpty() && first.isAfter(last)) {
			wrong.add(HallMessages.text("sla.dashboard-query.from-after-to", first, last));
		}
		if (wrong.isEmpty() && ChronoUnit.DAYS.between(first, last) >= LONGEST_DAYS) {
			wrong.add(HallMessages.text("sla.dashboard-query.too-long"));
		}
		Optional<Agency> theAgency = Optional.empty();
		if (agency != null && !agency.isBlank()) {
			try {
				theAgency = Optional.of(Agency.valueOf(agency.trim()));
			}
			catch (IllegalArgumentException ex) {
				wrong.add(HallMessages.text("sla.dashboard-query.no-such-agency", Problems.shown(agency.trim())));
			}
		}
		Optional<String> theBranch = Optional.ofNullable(branch).map(String::trim).filter(b -> !b.isEmpty());
		if (theBranch.isPresent() && !branches.contains(theBranch.get())) {
			wrong.add(HallMessages.text("sla.dashboard-query.no-such-branch", Problems.shown(theBranch.get()),
					String.join("、", branches.stream().sorted().toList())));
		}
		if (!wrong.isEmpty()) {
			throw ProblemException.refusal(HttpStatus.BAD_REQUEST, "invalid-dashboard-query",
					"problem.sla.invalid-dashboard-query", String.join(" ", wrong));
		}
		return new DashboardQuery(first, last, theAgency, theBranch);
	}

	private static Optional<LocalDate> day(String text, String what, List<String> wrong) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.parse(text.trim()));
		}
		catch (java.time.format.DateTimeParseException ex) {
			wrong.add(HallMessages.text("sla.dashboard-query.not-a-date", what, Problems.shown(text.trim())));
			return Optional.empty();
		}
	}

	/** The query as request parameters, for links and exports. */
	public String asParameters() {
		StringBuilder params = new StringBuilder("from=" + this.from + "&to=" + this.to);
		this.agency.ifPresent(a -> params.append("&agency=").append(a.name()));
		this.branch.ifPresent(b -> params.append("&branch=").append(java.net.URLEncoder.encode(b,
				java.nio.charset.StandardCharsets.UTF_8)));
		return params.toString();
	}

}
